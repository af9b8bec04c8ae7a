export default definePageConfig({
  navigationBarTitleText: '备案中介查询',
  onReachBottomDistance: 120,
})
