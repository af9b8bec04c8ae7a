export default definePageConfig({
  navigationBarTitleText: '本机构经纪人',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
