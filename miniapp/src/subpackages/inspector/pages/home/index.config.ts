export default definePageConfig({
  navigationBarTitleText: '巡查检查',
})
