export default definePageConfig({
  navigationBarTitleText: '经纪人备案',
  enablePullDownRefresh: true,
})
