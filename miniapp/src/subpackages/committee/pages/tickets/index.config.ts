export default definePageConfig({
  navigationBarTitleText: '报修与投诉监督',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
