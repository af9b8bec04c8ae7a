export default definePageConfig({
  navigationBarTitleText: '业委会',
})
