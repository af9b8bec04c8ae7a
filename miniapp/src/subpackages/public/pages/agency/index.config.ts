export default definePageConfig({
  navigationBarTitleText: '中介机构',
})
