export default definePageConfig({
  navigationBarTitleText: '信用备案',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
})
