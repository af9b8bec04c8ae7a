export default definePageConfig({
  navigationBarTitleText: '开发企业',
})
