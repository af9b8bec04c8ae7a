export default definePageConfig({
  navigationBarTitleText: '巡查任务',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
