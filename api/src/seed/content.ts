// Demo content for 政策法规, 通知公告 and 购房须知 (NF-010). Policy items are summaries in
// general terms with a pointer to the official text; they quote no figure we cannot stand
// behind. The 《购房陷阱知多少》 video is a small MP4 kept in ./assets (made once with ffmpeg,
// see assets/README.md); it is stored through the FileStore like any upload.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CreationAttributes, Transaction } from 'sequelize';
import type { ContentSection, ContentStatus, GuideCategory } from '@hq/common';
import type { Deps } from '../platform/deps';
import { FileObject, User } from '../platform/models';
import { Community } from '../modules/property/models';
import { Content } from '../modules/content/models';

const DAY = 86_400_000;
const REGULATOR = '横琴粤澳深度合作区城市规划和建设局';
const OFFICIAL_TEXT = '以上为要点摘编，供参考；具体内容以发布机关公布的正式文本及最新修订版本为准。';
export const VIDEO_ASSET = path.join(__dirname, 'assets', 'goufang-xianjing.mp4');

interface Item {
  channel: 'policy' | 'notice' | 'guide';
  section: ContentSection;
  category?: GuideCategory;
  title: string;
  summary?: string;
  body: string;
  issuer?: string;
  docNo?: string;
  daysAgo: number;
  status?: ContentStatus;
  publishInDays?: number;
  withdrawReason?: string;
  video?: boolean;
  community?: boolean;
}

const lines = (...ls: string[]) => ls.join('\n');

// ---------- 政策法规 ----------

const POLICIES: Item[] = [
  {
    channel: 'policy', section: 'new_home', title: '《城市商品房预售管理办法》要点', issuer: '住房和城乡建设部（原建设部）', docNo: '建设部令第131号（2004年修正）', daysAgo: 120,
    summary: '国家层面规范商品房预售的部门规章：预售许可、预售合同、预售款监管。',
    body: lines(
      '## 适用范围', '在城市规划区内国有土地上从事商品房预售及其监督管理，适用本办法。', '',
      '## 主要内容',
      '- 商品房预售实行许可制度，开发企业取得《商品房预售许可证》后方可预售。',
      '- 申请预售许可应具备的条件包括：已交付全部土地使用权出让金并取得土地使用权证书；持有建设工程规划许可证和施工许可证；按提供预售的商品房计算，投入开发建设的资金达到规定比例，并已确定施工进度和竣工交付日期。',
      '- 开发企业进行商品房预售，应当向承购人出示《商品房预售许可证》，售楼广告和说明书应当载明许可证批准文号。',
      '- 预售商品房应当签订商品房预售合同，并按规定办理预售合同登记备案。',
      '- 商品房预售所得款项必须用于有关的工程建设，预售款监管办法由房地产管理部门制定。',
      '- 未取得《商品房预售许可证》预售商品房的，依法予以处罚。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'new_home', title: '《广东省商品房预售管理条例》要点', issuer: '广东省人民代表大会常务委员会', daysAgo: 110,
    summary: '广东省地方性法规：预售条件、预售款专用账户监管、合同与登记、法律责任。',
    body: lines(
      '## 预售许可', '商品房预售实行许可制度。房地产开发企业未取得预售许可证的，不得预售商品房，不得以认购、预订、排号、发放 VIP 卡等方式向买受人收取或者变相收取定金、预订款等费用。', '',
      '## 预售款监管',
      '- 预售款应当存入预售款监管账户，由监管机构按工程进度核准后拨付，专款专用于工程建设。',
      '- 买受人应将购房款直接存入监管账户，不要交给销售人员或中介机构个人。', '',
      '## 合同与信息公开',
      '- 预售商品房应当使用合同示范文本签订预售合同，并按规定办理网签备案。',
      '- 开发企业应当在销售现场公示预售许可证、楼盘表、价格等信息。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'new_home', title: '《商品房销售管理办法》要点', issuer: '住房和城乡建设部（原建设部）', docNo: '建设部令第88号', daysAgo: 100,
    summary: '规范商品房现售、预售的销售行为：广告、合同、计价、交付。',
    body: lines(
      '## 主要规定',
      '- 房地产开发企业不得在未解除商品房买卖合同前，将作为合同标的物的商品房再行销售给他人。',
      '- 不得采取返本销售或者变相返本销售、售后包租或者变相售后包租的方式销售未竣工商品房。',
      '- 商品住宅按套销售，不得分割拆零销售。',
      '- 房地产销售广告应当真实、合法、科学、准确，广告中涉及的交付标准、配套设施等内容应当在买卖合同中约定。',
      '- 商品房交付时，开发企业应当向买受人提供《住宅质量保证书》和《住宅使用说明书》。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'new_home', title: '《横琴粤澳深度合作区建设总体方案》（摘要）', issuer: '中共中央、国务院', daysAgo: 95,
    summary: '2021年9月印发，明确合作区发展定位与目标；合作区购房相关政策按合作区和珠海市的具体规定执行。',
    body: lines(
      '## 发展定位', '- 促进澳门经济适度多元发展的新平台', '- 便利澳门居民生活就业的新空间', '- 丰富“一国两制”实践的新示范', '- 推动粤港澳大湾区建设的新高地', '',
      '## 与购房人相关的方面', '总体方案提出推进琴澳一体化、便利澳门居民在合作区生活就业。合作区内购房资格、贷款等具体事项，以合作区及珠海市相关部门发布的现行政策为准，购房前请通过本平台“购房政策”栏目或向主管部门咨询。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'second_hand', title: '《房地产经纪管理办法》要点', issuer: '住房和城乡建设部、国家发展和改革委员会、人力资源和社会保障部', docNo: '住房和城乡建设部令第8号', daysAgo: 118,
    summary: '规范房地产经纪机构和人员：备案、服务合同、收费明示、禁止行为。',
    body: lines(
      '## 经纪机构与人员', '- 房地产经纪机构及其分支机构应当依法办理备案。', '- 从事房地产经纪活动的人员应当具备相应的职业资格。', '',
      '## 服务规范',
      '- 经纪机构提供经纪服务，应当与委托人签订书面房地产经纪服务合同。',
      '- 经纪服务收费应当明码标价，在经营场所醒目位置公示服务项目、内容和收费标准。',
      '- 对委托出售、出租的房屋，应当进行实地查看，核对房屋权属信息。', '',
      '## 禁止行为',
      '- 捏造散布涨价信息，或者与房地产开发经营单位串通捂盘惜售、炒卖房号，操纵市场价格；',
      '- 对交易当事人隐瞒真实的房屋交易信息，低价收进高价卖（租）出房屋赚取差价；',
      '- 为交易当事人规避房屋交易税费等非法目的，就同一房屋签订不同交易价款的合同提供便利；',
      '- 侵占、挪用房地产交易资金。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'second_hand', title: '《不动产登记暂行条例》要点', issuer: '国务院', docNo: '国务院令第656号', daysAgo: 90,
    summary: '不动产统一登记：登记类型、申请材料、查询与信息保护。',
    body: lines(
      '## 主要内容',
      '- 国家实行不动产统一登记制度，不动产登记包括首次登记、变更登记、转移登记、注销登记、更正登记、异议登记、预告登记、查封登记等。',
      '- 买卖不动产的，一般由当事人双方共同申请转移登记。',
      '- 权利人、利害关系人可以依法查询、复制不动产登记资料。', '',
      '## 对购房人的提示', '购买存量房前，可通过房屋核验了解房屋是否存在抵押、查封等权利限制；办理转移登记后才取得不动产权属。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'second_hand', title: '《中华人民共和国民法典》中与房屋买卖相关的规定（摘要）', issuer: '全国人民代表大会', daysAgo: 80,
    summary: '物权登记生效、预告登记、住宅建设用地使用权自动续期等规定。',
    body: lines(
      '- 不动产物权的设立、变更、转让和消灭，经依法登记，发生效力（另有规定的除外）。',
      '- 当事人签订买卖房屋的协议，为保障将来实现物权，可以向登记机构申请预告登记。',
      '- 住宅建设用地使用权期间届满的，自动续期；非住宅建设用地使用权期间届满后的续期，依照法律规定办理。',
      '- 买卖合同当事人应当遵循诚信原则，按照约定全面履行义务。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'property', title: '《物业管理条例》要点', issuer: '国务院', docNo: '国务院令第379号（经多次修订）', daysAgo: 115,
    summary: '业主及业主大会、前期物业管理、物业管理服务、物业的使用与维护。',
    body: lines(
      '## 业主与业主大会', '- 业主在物业管理活动中享有参加业主大会会议、提出制定和修改管理规约的建议、选举业主委员会成员等权利。', '- 同一个物业管理区域内的业主，应当在物业所在地的区、县人民政府房地产行政主管部门或者街道办事处、乡镇人民政府的指导下成立业主大会，并选举产生业主委员会。', '',
      '## 前期物业管理', '- 在业主、业主大会选聘物业服务企业之前，建设单位选聘物业服务企业的，应当签订书面的前期物业服务合同。', '- 住宅物业的建设单位，应当通过招投标的方式选聘物业服务企业（投标人少于3个或者住宅规模较小的，经批准可以采用协议方式）。', '',
      '## 物业管理服务', '- 物业服务企业应当按照物业服务合同的约定，提供相应的服务。', '- 物业服务收费应当遵循合理、公开以及费用与服务水平相适应的原则。', '',
      '## 专项维修资金', '住宅物业、住宅小区内的非住宅物业或者与单幢住宅楼结构相连的非住宅物业的业主，应当按照国家有关规定交纳专项维修资金，专项用于物业保修期满后物业共用部位、共用设施设备的维修和更新、改造。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'property', title: '《广东省物业管理条例》要点', issuer: '广东省人民代表大会常务委员会', daysAgo: 105,
    summary: '广东省物业管理的地方性法规：业主组织、物业服务、监督管理。',
    body: lines(
      '- 明确街道办事处、乡镇人民政府对业主大会、业主委员会的指导和监督职责。',
      '- 规范业主大会会议的召开和表决方式，支持通过电子投票等方式进行表决。',
      '- 物业服务企业应当公开物业服务事项、收费标准、公共收益收支等信息。',
      '- 物业服务合同终止时，原物业服务企业应当按规定退出并办理交接。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'property', title: '《业主大会和业主委员会指导规则》要点', issuer: '住房和城乡建设部', docNo: '建房〔2009〕274号', daysAgo: 85,
    summary: '业主大会的成立、会议和决定，业主委员会的产生与职责。',
    body: lines(
      '1. 业主大会由物业管理区域内的全体业主组成，代表和维护全体业主在物业管理活动中的合法权益。',
      '2. 业主委员会由业主大会依法选举产生，履行业主大会赋予的职责，执行业主大会决定的事项，接受业主的监督。',
      '3. 业主委员会应当建立工作档案并向业主公开。', '',
      OFFICIAL_TEXT,
    ),
  },
  {
    channel: 'policy', section: 'property', title: '《物业服务收费管理办法》要点', issuer: '国家发展和改革委员会、住房和城乡建设部（原建设部）', docNo: '发改价格〔2003〕1864号', daysAgo: 70,
    summary: '物业服务收费的定价形式、计费方式和明码标价。',
    body: lines(
      '- 物业服务收费根据不同物业的性质和特点，分别实行政府指导价和市场调节价。',
      '- 业主与物业服务企业可以采取包干制或者酬金制等形式约定物业服务费用。',
      '- 物业服务企业应当按照政府价格主管部门的规定实行明码标价。', '',
      OFFICIAL_TEXT,
    ),
  },
];

// ---------- 通知公告 ----------

const NOTICES: Item[] = [
  {
    channel: 'notice', section: 'new_home', title: '关于进一步规范合作区商品房销售行为的通知', issuer: REGULATOR, daysAgo: 40,
    summary: '要求开发企业公示预售许可、一房一价、不得捆绑销售，购房款存入监管账户。',
    body: lines(
      '各房地产开发企业、销售代理机构：', '', '为维护购房人合法权益，规范合作区商品房销售秩序，现就有关事项通知如下：', '',
      '1. 销售现场应当公示商品房预售许可证（或现售备案材料）、楼盘表、一房一价表、收费项目等信息，并与本平台公示信息一致。',
      '2. 未取得预售许可的项目，不得以认筹、排号、VIP 卡等任何名义收取费用。',
      '3. 不得将车位、装修、家电等与商品房捆绑销售，不得强制购房人接受指定的服务。',
      '4. 购房人的定金、首付款等购房款须直接存入项目预售资金监管账户。',
      '5. 销售宣传不得含有升值承诺、学位承诺及与规划不符的内容。', '',
      '对违反上述要求的行为，主管部门将依法查处并记入企业信用档案。', '', '特此通知。',
    ),
  },
  {
    channel: 'notice', section: 'new_home', title: '关于横琴房地产信息系统上线试运行的公告', issuer: REGULATOR, daysAgo: 20,
    summary: '楼盘信息公开、预售许可查询、购房须知等服务上线。',
    body: lines(
      '为便利群众查询房地产信息，合作区房地产信息系统即日起上线试运行，提供以下服务：', '',
      '- 楼盘信息公开：项目、楼栋、房屋销售状态和备案价格查询；',
      '- 预售许可证、现售备案信息查询；',
      '- 政策法规、通知公告及购房须知；',
      '- 备案中介机构查询。', '',
      '试运行期间如发现信息有误，请通过平台“意见反馈”或服务热线反映。',
    ),
  },
  {
    channel: 'notice', section: 'second_hand', title: '关于公布合作区备案房地产经纪机构名单的公告', issuer: REGULATOR, daysAgo: 35,
    summary: '请购房人、售房人选择已备案的经纪机构，可在平台“备案中介查询”实时查询。',
    body: lines(
      '根据房地产经纪管理的有关规定，现将在合作区办理备案的房地产经纪机构名单通过本平台公布，名单实行动态更新。', '',
      '请交易当事人选择已备案的经纪机构，查验经纪人员的职业资格信息，并签订书面经纪服务合同。对未备案机构的经营行为，可向主管部门反映。',
    ),
  },
  {
    channel: 'notice', section: 'second_hand', title: '关于推行存量房交易资金监管服务的通知', issuer: REGULATOR, daysAgo: 25,
    summary: '存量房交易资金可通过监管账户划转，办理转移登记后再拨付给售房人。',
    body: lines(
      '为保障存量房交易资金安全，合作区推行存量房交易资金监管服务：', '',
      '1. 买卖双方签订买卖合同后，可约定将交易资金存入监管账户；',
      '2. 不动产转移登记办结后，监管资金按约定划转至售房人账户；',
      '3. 交易终止的，按约定退还购房人。', '',
      '经纪机构及其从业人员不得以任何形式代收、代付交易资金。',
    ),
  },
  {
    channel: 'notice', section: 'property', title: '关于开展住宅小区物业服务“双随机”检查的通知', issuer: REGULATOR, daysAgo: 30,
    summary: '随机抽取检查对象和检查人员，对物业服务质量进行检查并公开结果。',
    body: lines(
      '各物业服务企业：', '', '为提升合作区住宅小区物业服务水平，主管部门将开展物业服务“双随机、一公开”检查。', '',
      '## 检查内容', '- 物业服务合同履行及服务事项公示情况；', '- 消防通道、电梯、二次供水等设施设备管理情况；', '- 公共收益收支公开情况；', '- 投诉处理情况。', '',
      '## 结果运用', '检查结果将在平台公开，并纳入物业服务企业信用评价。',
    ),
  },
  {
    channel: 'notice', section: 'property', title: '关于做好台风季节住宅小区安全防范工作的通知', issuer: REGULATOR, daysAgo: 15,
    summary: '加强巡查，做好地下车库防水浸、高空坠物防范和应急值守。',
    body: lines(
      '各物业服务企业：', '', '台风季节即将到来，请切实做好以下工作：', '',
      '- 全面排查地下车库挡水设施、排水泵等设备，备足沙袋等防汛物资；',
      '- 提醒业主收好阳台、窗台物品，防范高空坠物；',
      '- 加固小区内广告牌、树木和临时设施；',
      '- 台风预警期间落实24小时值班，及时发布提示信息。',
    ),
  },
  {
    channel: 'notice', section: 'property', community: true, title: '关于小区二次供水水箱清洗消毒的通知', issuer: '小区物业服务中心', daysAgo: 5,
    summary: '清洗期间部分时段停水，请业主提前储水。',
    body: lines(
      '尊敬的业主：', '', '为保障生活饮用水卫生，物业服务中心将对小区二次供水水箱进行清洗消毒，清洗完成后将委托检测机构进行水质检测并公示结果。', '',
      '清洗期间部分楼栋将短时停水，具体时间以楼栋公告为准，请提前做好储水准备。给您带来的不便，敬请谅解。',
    ),
  },
];

// ---------- 购房须知 ----------

const LAND_USE_TABLE = lines(
  '| 土地用途（不动产权证记载） | 常见规划用途/房屋用途 | 出让最高年限 | 购房提示 |',
  '|---|---|---|---|',
  '| 城镇住宅用地 | 住宅 | 70年 | 按住宅办理水电、贷款、税费等 |',
  '| 商业服务业用地（商业、商务金融） | 商业、办公、商务公寓、酒店 | 40年 | 属非住宅，购房前请看清用途 |',
  '| 综合用地 | 住宅与商业等混合 | 50年 | 各部分用途以规划许可和权属证书为准 |',
  '| 工业用地 | 厂房、研发用房 | 50年 | 一般不作为居住使用，转让可能受限 |',
  '| 教育、科技、文化、卫生、体育用地 | 相应公共设施 | 50年 | 一般不向个人销售 |',
);

const guideItems = (section: 'new_home' | 'second_hand'): Item[] => {
  const isNew = section === 'new_home';
  const kind = isNew ? '新建商品房' : '存量房（二手房）';
  const d = isNew ? 0 : 3;
  return [
    {
      channel: 'guide', section, category: 'purchase_policy', title: `合作区${kind}购房政策`, daysAgo: 60 + d,
      summary: '购房资格、贷款和境外人士购房的一般规定，具体以现行政策为准。',
      body: lines(
        '## 适用的政策层级', '在横琴粤澳深度合作区购房，同时适用国家、广东省、珠海市及合作区的有关规定。政策会动态调整，请以办理时有效的文件为准。', '',
        '## 购房资格', '- 境内居民家庭购房，按合作区及珠海市现行住房政策执行。', '- 澳门居民及其他港澳台居民、外籍人士在合作区购房，应符合国家关于境外个人购房的规定，并按要求提交身份证明等材料。', '- 以企业名义购买住房的，按现行规定办理。', '',
        '## 贷款', '- 商业贷款的首付比例、利率由贷款银行根据国家和地方政策及借款人情况确定。', '- 住房公积金贷款按公积金管理部门的规定办理。', '',
        isNew
          ? '## 资金安全\n新建商品房的定金、首付款和按揭贷款应当存入项目的预售资金监管账户，不要将房款交给销售人员个人。'
          : '## 资金安全\n存量房交易资金建议通过资金监管账户划转，不要将房款直接交给中介人员个人。',
      ),
    },
    {
      channel: 'guide', section, category: 'process', title: `${kind}购房流程说明`, daysAgo: 58 + d,
      summary: isNew ? '从查询许可到办理不动产权证的主要步骤。' : '从房屋核验到转移登记、物业交割的主要步骤。',
      body: isNew
        ? lines(
          '1. 了解政策，确认自己的购房资格和贷款条件。',
          '2. 在本平台查询项目的预售许可证（或现售备案）、楼盘表、房屋销售状态和备案价格。',
          '3. 实地看房，索取并阅读《商品房买卖合同》示范文本、补充协议和销售公示材料。',
          '4. 选定房屋后签订商品房买卖合同（网签），核对房号、面积、价格、交付时间、违约责任等条款。',
          '5. 将首付款等房款存入项目预售资金监管账户，并取得收款凭证。',
          '6. 办理按揭贷款或公积金贷款。',
          '7. 办理合同备案和预告登记、抵押预告登记（如有贷款）。',
          '8. 交付时查验房屋，开发企业应提供《住宅质量保证书》和《住宅使用说明书》。',
          '9. 缴纳契税等税费，申请办理不动产权证。',
        )
        : lines(
          '1. 选择已备案的房地产经纪机构，或买卖双方自行交易。',
          '2. 房屋核验：查询房屋权属、是否抵押或查封、共有人情况。',
          '3. 签订存量房买卖合同（网签），约定价款、付款方式、交房时间和户籍迁出等事项。',
          '4. 将交易资金存入资金监管账户；有贷款的办理贷款审批。',
          '5. 原有抵押的，先办理还款和抵押注销。',
          '6. 申报纳税，按规定缴纳增值税、个人所得税、契税等税费。',
          '7. 办理不动产转移登记，取得不动产权证。',
          '8. 监管资金划转给售房人；双方办理物业交割，结清水、电、燃气、物业费等费用。',
        ),
    },
    {
      channel: 'guide', section, category: 'land_use', title: '土地用途与规划用途对照说明', daysAgo: 56 + d,
      summary: '看懂不动产权证和规划许可上的“用途”，避免把非住宅当住宅买。',
      body: lines(
        '房屋的土地用途记载在不动产权证（或土地出让合同）上，房屋的规划用途记载在建设工程规划许可证和楼盘表中。两者共同决定房屋能否按住宅使用、水电价格、贷款和税费政策。', '',
        LAND_USE_TABLE, '',
        '## 说明',
        '- 表中“出让最高年限”为国家规定的各类用途土地使用权出让最高年限，具体项目的剩余年限以权属证书记载为准。',
        '- “商务公寓”“公寓式办公”等名称不是法定用途，请以规划用途为准。',
        '- 购买前可在本平台楼盘表中查看每套房屋的规划用途。',
      ),
    },
    {
      channel: 'guide', section, category: 'residential_vs_non', title: '住宅与非住宅差异说明', daysAgo: 54 + d,
      summary: '水电价格、贷款、税费、土地年限、落户和学位等方面的主要差异。',
      body: lines(
        '部分商业、办公类房屋在销售时被称为“公寓”“LOFT”，但其规划用途属于非住宅。购买前请了解两者的主要差异：', '',
        '| 项目 | 住宅 | 非住宅（商业、办公等） |', '|---|---|---|',
        '| 水电燃气 | 执行居民价格 | 一般执行非居民（工商业）价格，部分项目不通燃气 |',
        '| 贷款 | 首付比例和期限按住房贷款政策执行，可使用住房公积金 | 按商业用房贷款办理，首付比例通常更高、期限更短，一般不能使用住房公积金 |',
        '| 交易税费 | 可按规定享受住房相关的税费优惠 | 一般不适用住房优惠，购买和转让时税费通常较高 |',
        '| 土地年限 | 最高70年，期满依法自动续期 | 商业最高40年、综合最高50年，期满续期依照法律规定办理 |',
        '| 落户、学位 | 可按当地政策办理 | 一般不能作为落户、入学的依据，以当地政策为准 |',
        '| 物业费、维修资金 | 按住宅标准 | 通常高于住宅 |', '',
        '以上为一般情况，具体以有关部门和贷款银行的现行规定为准。签约前请核对合同中的房屋用途。',
      ),
    },
    {
      channel: 'guide', section, category: 'risk_warning', title: `${kind}交易风险提示`, daysAgo: 52 + d,
      summary: '购房前请认真阅读，守护您的合法权益。',
      body: isNew
        ? lines(
          '## 请认真阅读以下提示',
          '- 查许可：未取得预售许可证的项目不得销售，也不得以认筹、排号、VIP 卡等名义收取任何费用。',
          '- 看用途：核对房屋规划用途，警惕把商业、办公用房当作住宅宣传销售。',
          '- 辨宣传：学位、地铁、规划配套等宣传内容以政府公开信息和合同约定为准，不轻信“稳赚不赔”“升值承诺”。',
          '- 拒捆绑：车位、装修、家电等不得强制捆绑销售。',
          '- 走监管：房款直接存入预售资金监管账户，不要转给个人账户。',
          '- 签真合同：按真实成交价签订网签合同，不签“阴阳合同”。',
          '- 留凭证：保存好合同、收据、宣传资料和聊天记录。', '',
          '如发现违法违规销售行为，可通过12345热线或本平台投诉举报。',
        )
        : lines(
          '## 请认真阅读以下提示',
          '- 核验房屋：交易前办理房屋核验，确认房屋不存在查封，抵押已知晓并约定注销方式，共有人同意出售。',
          '- 选备案中介：在本平台“备案中介查询”中确认机构备案情况，警惕未备案机构和“黑中介”。',
          '- 资金监管：交易资金通过监管账户划转，不要把房款交给中介人员个人。',
          '- 警惕“一房多卖”：签约后及时网签，必要时办理预告登记。',
          '- 不签“阴阳合同”：按真实成交价申报，避免日后纠纷和法律风险。',
          '- 户籍与学位：在合同中约定原业主户籍迁出时间，了解学位使用情况。',
          '- 费用结清：交房前核对水、电、燃气、物业费和专项维修资金情况。',
        ),
    },
    {
      channel: 'guide', section, category: 'faq', title: `${kind}常见问题`, daysAgo: 50 + d,
      summary: '购房人最常咨询的问题及解答。',
      body: isNew
        ? lines(
          '### 问：怎样知道一个楼盘能不能卖？', '答：在本平台“楼盘信息”中查询项目的预售许可证或现售备案信息，并核对所购房屋是否在许可范围内、是否为可售状态。', '',
          '### 问：开发商要求先交“诚意金”排号，可以吗？', '答：项目未取得预售许可前，不得以任何名义收取定金、诚意金等费用。已取得许可的，定金也应存入预售资金监管账户。', '',
          '### 问：房款应当交到哪里？', '答：应存入项目的预售资金监管账户，账户信息在销售现场和本平台公示，请勿转入个人账户。', '',
          '### 问：合同里的面积和实际面积不一致怎么办？', '答：按买卖合同中约定的面积差异处理方式执行；合同未约定的，按照有关规定处理。', '',
          '### 问：交房时要查看哪些资料？', '答：查看竣工验收备案等交付条件资料，并索取《住宅质量保证书》和《住宅使用说明书》。', '',
          '### 问：发现销售违规向哪里反映？', '答：可拨打12345政务服务热线，或在本平台提交投诉，并保留好相关证据。',
        )
        : lines(
          '### 问：怎样确认中介机构是否备案？', '答：在本平台“备案中介查询”中输入机构名称查询；未备案的机构请谨慎委托。', '',
          '### 问：房屋有抵押还能买吗？', '答：可以，但须在转移登记前还清贷款并注销抵押，建议在合同中约定还款方式和资金监管。', '',
          '### 问：定金交给谁？', '答：建议通过资金监管账户支付，或直接支付给售房人本人并取得收据，不要交给中介人员个人。', '',
          '### 问：原业主户口不迁出怎么办？', '答：签约时在合同中约定户籍迁出期限和违约责任，必要时可留存部分房款作为保证。', '',
          '### 问：交易要缴哪些税费？', '答：通常涉及契税、增值税、个人所得税等，具体税目和税率与房屋性质、持有年限和家庭情况有关，以税务部门核定为准。', '',
          '### 问：网签后还能反悔吗？', '答：网签合同依法成立后对双方具有约束力，解除合同须双方协商或依照合同约定、法律规定办理，并承担相应责任。',
        ),
    },
  ];
};

const VIDEO_ITEM: Item = {
  channel: 'guide', section: 'new_home', category: 'video', title: '《购房陷阱知多少》', daysAgo: 45, video: true,
  summary: '一分钟看懂常见购房陷阱：虚假宣传、捆绑销售、阴阳合同、未取得预售许可收取定金、中介一房多卖。',
  body: lines(
    '本视频介绍购房过程中常见的五类陷阱及防范方法：', '',
    '1. 虚假宣传：以“学位房”“地铁口”“稳赚不赔”等吸引购房人，应以合同约定和政府公开信息为准。',
    '2. 捆绑销售：强制搭售车位、装修、会员卡，购房人有权拒绝并可投诉。',
    '3. 阴阳合同：合同价与实际成交价不一致，违法且发生纠纷时权益难以保障。',
    '4. 未取得预售许可收取定金：以认筹、排号费、VIP 卡等名义收费，先查预售许可证再付款。',
    '5. 中介一房多卖：钱款不经监管账户直接交给个人，应选择备案中介、资金走监管账户。',
  ),
};

const LIFECYCLE: Item[] = [
  {
    channel: 'notice', section: 'new_home', title: '关于开展房地产市场秩序专项整治的通告', issuer: REGULATOR, daysAgo: 0, status: 'scheduled', publishInDays: 7,
    summary: '集中整治违规销售、虚假宣传、违规收费等行为（定时发布）。',
    body: lines(
      '为维护合作区房地产市场秩序，主管部门将联合有关部门开展专项整治，重点包括：', '',
      '- 未取得预售许可销售或变相收取费用；', '- 发布虚假房地产广告；', '- 捆绑销售和违规收费；', '- 经纪机构未备案经营、挪用交易资金。', '',
      '欢迎社会各界提供违法违规线索。',
    ),
  },
  {
    channel: 'notice', section: 'new_home', title: '关于某项目开盘活动安排的通知', issuer: REGULATOR, daysAgo: 65, status: 'withdrawn', withdrawReason: '开盘活动已取消，通知下架',
    summary: '（已下架）',
    body: '原定开盘活动已取消，具体安排另行通知。',
  },
  {
    channel: 'notice', section: 'second_hand', title: '关于存量房交易资金监管协议示范文本的通知（征求意见稿）', issuer: REGULATOR, daysAgo: 2, status: 'draft',
    body: '示范文本征求意见稿正在编辑中。',
  },
];

/** Store the video asset as a file row of kind video; idempotent by checksum. */
async function storeVideo(deps: Deps, t: Transaction, ownerId: number | null, orgId: number | null): Promise<string> {
  const data = fs.readFileSync(VIDEO_ASSET);
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  const existing = await FileObject.findOne({ where: { sha256, kind: 'video' }, transaction: t });
  if (existing) return existing.id;
  const key = deps.files.newKey('mp4');
  await deps.files.write(key, data);
  const f = await FileObject.create(
    {
      id: crypto.randomUUID(), owner_user_id: ownerId, org_id: orgId, name: '购房陷阱知多少.mp4', mime: 'video/mp4', kind: 'video', size: data.length,
      sha256, storage_key: key, public_key: null, thumb_key: null, location: null, created_at: new Date(),
    },
    { transaction: t },
  );
  return f.id;
}

/** Create the demo content; returns how many items were created (0 if content already exists). */
export async function seedContent(deps: Deps, t: Transaction): Promise<number> {
  if ((await Content.count({ transaction: t })) > 0) return 0;
  const author = (await User.findOne({ where: { username: 'leader' }, transaction: t })) ?? null;
  const community = await Community.findOne({ order: [['id', 'ASC']], transaction: t });
  const videoId = await storeVideo(deps, t, author?.id ?? null, author?.org_id ?? null);
  const now = Date.now();
  const items = [...POLICIES, ...NOTICES, ...guideItems('new_home'), ...guideItems('second_hand'), VIDEO_ITEM, ...LIFECYCLE]
    .filter((i) => !i.community || community);
  const rows: CreationAttributes<Content>[] = items.map((i) => {
    const status = i.status ?? 'published';
    const at = new Date(now - i.daysAgo * DAY);
    const publishAt = status === 'scheduled' ? new Date(now + (i.publishInDays ?? 7) * DAY) : status === 'draft' ? null : at;
    return {
      channel: i.channel, section: i.section, category: i.category ?? null, title: i.title, summary: i.summary ?? null, body: i.body,
      issuer: i.issuer ?? null, doc_no: i.docNo ?? null, video_file_id: i.video ? videoId : null, attachment_ids: '',
      community_id: i.community ? community!.id : null, status, publish_at: publishAt,
      published_at: status === 'published' || status === 'withdrawn' ? at : null,
      withdrawn_at: status === 'withdrawn' ? new Date(at.getTime() + 3 * DAY) : null, withdraw_reason: i.withdrawReason ?? null,
      version: 1, created_by: author?.id ?? null, updated_by: author?.id ?? null,
      created_at: new Date(at.getTime() - DAY), updated_at: status === 'withdrawn' ? new Date(at.getTime() + 3 * DAY) : at,
    };
  });
  await Content.bulkCreate(rows, { transaction: t });
  return rows.length;
}
