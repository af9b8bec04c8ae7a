export default definePageConfig({
  navigationBarTitleText: '楼盘表',
})
