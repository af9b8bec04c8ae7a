// The main package holds only the entry and tab pages; every role area is a subpackage
// (WeChat caps the main package and each subpackage at 2 MB).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index', 'pages/login/index'],
  subPackages: [
    {
      // Public disclosure and content for buyers: no login anywhere in here.
      root: 'subpackages/public',
      name: 'public',
      pages: [
        'pages/projects/index', // 楼盘查询
        'pages/project/index',
        'pages/building/index', // 楼盘表
        'pages/room/index',
        'pages/developer/index',
        'pages/agencies/index', // 备案中介查询
        'pages/agency/index',
        'pages/broker/index', // 经纪人信息 (from 备案中介查询)
        'pages/map/index', // 地图找房
        'pages/contents/index', // 政策法规 / 通知公告 / 购房须知
        'pages/content/index',
        'pages/video/index', // 《购房陷阱知多少》
        'pages/verify/index', // 证书核验: opened from the QR code on 预售许可证 / 现售备案证明
      ],
    },
    {
      // 业主服务: houses and members, 房屋认证, 报修/投诉 and following them, community notices.
      root: 'subpackages/owner',
      name: 'owner',
      pages: ['pages/home/index', 'pages/houses/index', 'pages/verify/index', 'pages/report/index', 'pages/tickets/index', 'pages/ticket/index', 'pages/notices/index'],
    },
    {
      // 物业工作人员: task lists and the work on a ticket, patrol tasks, 随手拍.
      root: 'subpackages/staff',
      name: 'staff',
      pages: ['pages/home/index', 'pages/tasks/index', 'pages/ticket/index', 'pages/patrols/index', 'pages/patrol/index', 'pages/snap/index'],
    },
    // 经纪人/中介: filing 经纪人备案 (brokers); agency 机构信息与备案 and brokers 本机构经纪人 (agency admins); credit 信用备案 (both).
    { root: 'subpackages/broker', name: 'broker', pages: ['pages/home/index', 'pages/filing/index', 'pages/agency/index', 'pages/brokers/index', 'pages/credit/index'] },
    { root: 'subpackages/inspector', name: 'inspector', pages: ['pages/home/index'] }, // 巡查检查
    { root: 'subpackages/committee', name: 'committee', pages: ['pages/home/index', 'pages/tickets/index', 'pages/ticket/index'] }, // 业委会 (read-only supervision)
    { root: 'subpackages/enterprise', name: 'enterprise', pages: ['pages/home/index'] }, // 企业服务
  ],
  // Patrol photos record where they were taken (refusing is fine: the photo goes without it).
  permission: { 'scope.userLocation': { desc: '记录巡查照片的拍摄位置' } },
  requiredPrivateInfos: ['getLocation'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '横琴房产与物业服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
  },
  tabBar: {
    color: '#86909c',
    selectedColor: '#1f5fbf',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      // Icons are drawn by scripts/tab-icons.mjs.
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
})
