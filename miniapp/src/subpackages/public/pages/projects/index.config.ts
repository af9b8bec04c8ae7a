export default definePageConfig({
  navigationBarTitleText: '楼盘查询',
  onReachBottomDistance: 120,
})
