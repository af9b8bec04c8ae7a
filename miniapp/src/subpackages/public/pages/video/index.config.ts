export default definePageConfig({
  navigationBarTitleText: '购房陷阱知多少',
})
