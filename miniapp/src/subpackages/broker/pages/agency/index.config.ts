export default definePageConfig({
  navigationBarTitleText: '机构信息与备案',
  enablePullDownRefresh: true,
})
