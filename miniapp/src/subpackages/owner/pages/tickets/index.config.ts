export default definePageConfig({
  navigationBarTitleText: '我的报修/投诉',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
