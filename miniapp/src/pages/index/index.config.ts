export default definePageConfig({
  navigationBarTitleText: '横琴房产与物业服务',
})
