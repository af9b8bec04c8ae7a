export default definePageConfig({
  navigationBarTitleText: '房屋认证',
})
