export default definePageConfig({
  navigationBarTitleText: '经纪人信息',
})
