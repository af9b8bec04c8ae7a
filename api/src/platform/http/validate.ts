import { z } from '@hq/common';
import { errors } from '../errors';

const FIELD_NAMES: Record<string, string> = {
  username: '用户名', password: '密码', newPassword: '新密码', oldPassword: '原密码', code: '验证码', page: '页码',
  pageSize: '每页条数', id: 'id', challenge: '登录凭证', refreshToken: '刷新令牌', from: '开始时间', to: '结束时间',
  // content
  title: '标题', body: '正文', channel: '栏目', section: '板块', category: '分类', summary: '摘要', issuer: '发布机关', docNo: '文号',
  videoFileId: '视频', attachmentIds: '附件', communityId: '小区', version: '版本号', publishAt: '定时发布时间', reason: '原因',
  // real estate
  keyword: '关键字', name: '名称', developer: '开发企业', district: '片区', use: '用途', permitNo: '预售证号', status: '状态', sort: '排序',
  bbox: '地图范围', zoom: '缩放级别', crs: '坐标系', kind: '变更类型', value: '变更值', source: '来源', reference: '依据文号',
  expectedSeq: '页面版本', projectId: '项目', buildingId: '楼栋', flag: '限制标记', developerOrgId: '开发企业', buildingNo: '幢号',
  floorsTotal: '总层数', floorsBuilt: '已建层数', node: '形象进度节点', floorsDone: '已建层数', reportedOn: '填报日期', photoIds: '照片',
  mode: '导入方式', rows: '数据行',
  // enterprises and credit
  uscc: '统一社会信用代码', legalRep: '法定代表人', address: '地址', idType: '证件类型', idNumber: '证件号码', phone: '手机号码',
  agencyOrgId: '中介机构', brokerId: '经纪人', brokerIds: '经纪人', subjectKind: '信用主体类别', subjectId: '信用主体', indicatorCode: '信用指标',
  occurredOn: '行为发生日期', evidenceFileIds: '证据材料', basis: '认定依据', decision: '结论', opinion: '意见', grade: '资质等级',
  professionalism: '专业水平', attitude: '服务态度', process: '服务过程', sourceDept: '来源部门', items: '导入数据', certNo: '证书编号',
  validUntil: '有效期', issuedOn: '发证日期', registeredCapitalFen: '注册资本', establishedOn: '成立日期', year: '年度',
};

/** Parse with zod; on failure answer 400 naming each field and how to fix it, in Chinese. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: 'params' | 'query' | 'body'): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => {
    const field = i.path.length ? i.path.join('.') : where;
    const label = FIELD_NAMES[String(i.path[i.path.length - 1])] ?? field;
    const message = /[\u4e00-\u9fa5]/.test(i.message) ? i.message : `${label}格式不正确（${i.message}）`;
    return { field, message: message.startsWith(label) ? message : `${label}：${message}` };
  });
  throw errors.validation(details);
}
