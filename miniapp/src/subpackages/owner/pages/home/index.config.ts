export default definePageConfig({
  navigationBarTitleText: '业主服务',
})
