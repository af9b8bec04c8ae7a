export default definePageConfig({
  navigationBarTitleText: '经纪人/中介',
})
