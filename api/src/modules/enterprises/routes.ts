// 企业管理: the enterprise registry (企业库), certificates, agency cancellation, brokers and their
// practice qualifications. Registration, filing, changes and qualification applications go
// through /api/applications with the business types in businessTypes.ts.
import {
  z, idParam, pageOf, enterpriseQuery, enterpriseSummary, enterpriseDetail, enterpriseCreateInput, enterpriseBasicUpdate, enterpriseAccount,
  agencyCancelInput, certificateView, brokerRegisterInput, brokerUpdateInput, brokerReleaseInput, brokerQuery, brokerView, brokerCheckInput,
  brokerCheckResponse, brokerQualificationInput, brokerQualificationChange, brokerQualificationCheck, brokerQualificationView, shanghaiDate,
  ENTERPRISE_SOURCE_LABELS, type Role,
} from '@hq/common';
import { sendXlsx, XLSX_TYPE } from '../../platform/documents/xlsx';
import { route } from '../../platform/http/route';
import { actorOf } from '../../platform/http/actor';
import { errors } from '../../platform/errors';
import type { AppContext } from '../../platform/http/types';
import { Broker } from './models';
import * as svc from './service';
import * as brokers from './brokers';
import { certificateById, certificatePdf, presentCertificate } from './certificates';
import { BROKER_READERS, DECIDERS, ENTERPRISE_READERS, ENTERPRISE_STAFF, REGULATORS, assertSeeEnterprise, canSeeBroker } from './policy';

const tags = ['enterprises'];
const REGISTRY = ['RE-056', 'RE-057', 'PM-003', 'PM-004'];
const BROKERS = ['RE-071', 'RE-072', 'RE-166', 'RE-167'];
const BROKER_MANAGERS: readonly Role[] = ['agency_admin', 'association'];
const CERT_READERS: readonly Role[] = [...ENTERPRISE_READERS, 'broker'];
/** A directory this big is a query to narrow, not a file to mail around. */
const EXPORT_MAX_ROWS = 20_000;

/** A certificate is printed by its holder's side, the association (agencies and brokers) and regulators. */
async function visibleCertificate(ctx: AppContext, id: number) {
  const c = await certificateById(id);
  const user = ctx.state.user!;
  if (c.broker_id) {
    const b = await Broker.findByPk(c.broker_id, { attributes: ['agency_org_id', 'user_id'] });
    // The agency that holds the broker now, or the one named on the certificate.
    const ok = [b?.agency_org_id ?? null, c.org_id].some((org) => canSeeBroker(user, { agency_org_id: org, user_id: b?.user_id ?? null }));
    if (!ok) throw errors.forbidden('DATA_SCOPE_DENIED', '无权查看其他中介机构经纪人的证书');
  } else {
    const org = await svc.enterpriseOrg(c.org_id);
    assertSeeEnterprise(user, org);
  }
  return c;
}

export const enterpriseRoutes = [
  route({
    method: 'get', path: '/api/enterprises', summary: '企业名录（开发企业、中介机构、物业企业；注册/备案状态与信用等级）', tags,
    requirements: [...REGISTRY, 'RE-064'], access: ENTERPRISE_READERS, query: enterpriseQuery, response: pageOf(enterpriseSummary),
    handler: (ctx, { query }) => svc.listEnterprises(ctx.state.user!, query),
  }),
  route({
    method: 'get', path: '/api/enterprises/export.xlsx', summary: '导出企业名录（Excel；与名录同一查询条件，至多20000家）', tags,
    requirements: [...REGISTRY, 'RE-064'], access: ENTERPRISE_READERS, query: enterpriseQuery.omit({ page: true, pageSize: true }), produces: XLSX_TYPE,
    handler: async (ctx, { query }) => {
      const { items } = await svc.listEnterprises(ctx.state.user!, { ...query, page: 1, pageSize: EXPORT_MAX_ROWS });
      return sendXlsx(ctx, { sheet: '企业名录', filename: `企业名录-${shanghaiDate().replaceAll('-', '')}.xlsx` }, [
        { header: '企业名称', key: 'name', width: 36 }, { header: '企业类别', key: 'kind', width: 16 }, { header: '统一社会信用代码', key: 'uscc', width: 22 },
        { header: '法定代表人', key: 'legalRep', width: 12 }, { header: '注册地址', key: 'address', width: 36 }, { header: '登记状态', key: 'status', width: 10 },
        { header: '注册/备案时间', key: 'registeredAt', width: 14 }, { header: '入库来源', key: 'source', width: 14 }, { header: '信用分', key: 'score', width: 8 },
        { header: '信用等级', key: 'grade', width: 14 },
      ], items.map((e) => ({
        name: e.name, kind: e.kindLabel, uscc: e.uscc, legalRep: e.legalRep, address: e.address, status: e.statusLabel,
        registeredAt: e.registeredAt ? shanghaiDate(new Date(e.registeredAt)) : null, source: ENTERPRISE_SOURCE_LABELS[e.source], score: e.credit.score,
        grade: e.credit.blacklisted ? e.credit.gradeLabel : `${e.credit.grade} ${e.credit.gradeLabel}`.trim(),
      })));
    },
  }),
  route({
    method: 'get', path: '/api/enterprises/mine', summary: '本企业信息（注册/备案、资质、证书、办理记录）', tags,
    requirements: [...REGISTRY, 'RE-065', 'PM-076', 'PM-127'], access: ENTERPRISE_STAFF, response: enterpriseDetail,
    handler: async (ctx) => svc.enterpriseDetail(ctx.deps, ctx.state.user!, await svc.myEnterpriseId(ctx.state.user!)),
  }),
  route({
    method: 'get', path: '/api/enterprises/:id', summary: '企业详情（企业用户仅本单位；行业协会可看中介机构）', tags,
    requirements: [...REGISTRY, 'RE-058', 'RE-066', 'RE-163'], access: ENTERPRISE_READERS, params: idParam, response: enterpriseDetail,
    handler: (ctx, { params }) => svc.enterpriseDetail(ctx.deps, ctx.state.user!, params.id),
  }),
  route({
    method: 'post', path: '/api/enterprises', summary: '企业入库（主管部门登记，含招投标结果；之后由企业办理注册或备案）', tags,
    requirements: ['PM-003', 'PM-004', 'RE-056'], access: DECIDERS, body: enterpriseCreateInput, response: enterpriseDetail, status: 201,
    handler: async (ctx, { body }) => {
      const org = await ctx.deps.db.tx((t) => svc.createEnterprise(t, actorOf(ctx), body));
      return svc.enterpriseDetail(ctx.deps, ctx.state.user!, org.id);
    },
  }),
  route({
    method: 'put', path: '/api/enterprises/:id/basic', summary: '维护企业基本信息（主管部门；须填写原因，留痕）', tags,
    requirements: ['PM-003'], access: DECIDERS, params: idParam, body: enterpriseBasicUpdate, response: enterpriseDetail,
    handler: async (ctx, { params, body }) => {
      await ctx.deps.db.tx((t) => svc.updateBasic(t, ctx.deps, actorOf(ctx), params.id, body));
      return svc.enterpriseDetail(ctx.deps, ctx.state.user!, params.id);
    },
  }),
  route({
    method: 'get', path: '/api/enterprises/:id/accounts', summary: '企业的登录账户（主管部门统一查看；账户由系统管理员开设）', tags,
    requirements: ['PM-003'], access: REGULATORS, params: idParam, response: z.array(enterpriseAccount),
    handler: (ctx, { params }) => svc.enterpriseAccounts(ctx.deps, params.id),
  }),
  route({
    method: 'post', path: '/api/agencies/:id/cancel', summary: '注销中介机构备案（备案证明自动失效并对外公示；其经纪人解除执业）', tags,
    requirements: ['RE-070'], access: ['reviewer_3', 'leader'], params: idParam, body: agencyCancelInput,
    response: z.object({ ok: z.literal(true), brokersReleased: z.number().int() }),
    handler: async (ctx, { params, body }) => {
      const r = await ctx.deps.db.tx((t) => svc.cancelAgency(t, ctx.state.user!, actorOf(ctx), params.id, body.reason));
      return { ok: true as const, ...r };
    },
  }),
  route({
    method: 'get', path: '/api/certificates/:id', summary: '证书详情（资质证书、备案证明、经纪人备案证明）', tags,
    requirements: ['RE-067', 'RE-068', 'RE-166', 'PM-004'], access: CERT_READERS, params: idParam, response: certificateView,
    handler: async (ctx, { params }) => presentCertificate(await visibleCertificate(ctx, params.id)),
  }),
  route({
    method: 'get', path: '/api/certificates/:id/certificate.pdf', summary: '打印《资质证书》《备案证明》《经纪人备案证明》（PDF，带核验二维码）', tags,
    requirements: ['RE-067', 'RE-068', 'RE-069', 'RE-162', 'RE-166'], access: CERT_READERS, params: idParam, produces: 'application/pdf',
    handler: async (ctx, { params }) => {
      const c = await visibleCertificate(ctx, params.id);
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${c.cert_no}.pdf`)}`);
      ctx.body = await certificatePdf(ctx.deps, c);
      return undefined;
    },
  }),

  // ---------- brokers ----------
  route({
    method: 'post', path: '/api/brokers', summary: '经纪人登记（查重：在其他机构执业的不能登记，并告知所在机构）', tags,
    requirements: BROKERS, access: ['agency_admin', 'broker', 'association', ...DECIDERS], body: brokerRegisterInput, response: brokerView, status: 201,
    handler: async (ctx, { body }) => {
      const b = await ctx.deps.db.tx((t) => brokers.registerBroker(t, ctx.deps, ctx.state.user!, actorOf(ctx), body));
      return brokers.brokerDetail(ctx.deps, ctx.state.user!, b.id);
    },
  }),
  route({
    method: 'post', path: '/api/brokers/check', summary: '经纪人查重（是否已在其他中介机构执业）', tags,
    requirements: ['RE-071'], access: ['agency_admin', 'association', ...REGULATORS], body: brokerCheckInput,
    response: brokerCheckResponse,
    handler: (ctx, { body }) => brokers.checkDuplicate(ctx.deps, ctx.state.user!, body.idType, body.idNumber, body.agencyOrgId),
  }),
  route({
    method: 'get', path: '/api/brokers', summary: '经纪人名录（中介机构仅本机构；经纪人仅本人）', tags,
    requirements: BROKERS, access: BROKER_READERS, query: brokerQuery, response: pageOf(brokerView),
    handler: (ctx, { query }) => brokers.listBrokers(ctx.deps, ctx.state.user!, query),
  }),
  route({
    method: 'get', path: '/api/my/broker', summary: '我的经纪人备案（小程序：备案进度、证明、从业资格、信用）', tags,
    requirements: ['RE-166', 'RE-167', 'RE-169'], access: ['broker'], response: z.array(brokerView),
    handler: (ctx) => brokers.myBrokerRecords(ctx.deps, ctx.state.user!),
  }),
  route({
    method: 'get', path: '/api/brokers/:id', summary: '经纪人详情（证件号、手机号脱敏；执业经历、备案进度）', tags,
    requirements: BROKERS, access: BROKER_READERS, params: idParam, response: brokerView,
    handler: (ctx, { params }) => brokers.brokerDetail(ctx.deps, ctx.state.user!, params.id),
  }),
  route({
    method: 'put', path: '/api/brokers/:id', summary: '修改经纪人联系方式、学历（本机构或本人）', tags,
    requirements: ['RE-072'], access: ['agency_admin', 'association', 'broker'], params: idParam, body: brokerUpdateInput, response: brokerView,
    handler: async (ctx, { params, body }) => {
      await ctx.deps.db.tx((t) => brokers.updateBroker(t, ctx.deps, ctx.state.user!, actorOf(ctx), params.id, body));
      return brokers.brokerDetail(ctx.deps, ctx.state.user!, params.id);
    },
  }),
  route({
    method: 'post', path: '/api/brokers/:id/release', summary: '解除执业（离职；备案证明失效，经纪人可转入其他机构）', tags,
    requirements: ['RE-071', 'RE-072'], access: BROKER_MANAGERS, params: idParam, body: brokerReleaseInput, response: brokerView,
    handler: async (ctx, { params, body }) => {
      // Once released the broker is no longer the agency's to look at: answer with the record as the release left it.
      const b = await ctx.deps.db.tx((t) => brokers.releaseBroker(t, ctx.state.user!, actorOf(ctx), params.id, body.reason));
      return (await brokers.presentBrokers(ctx.deps, [b]))[0];
    },
  }),
  route({
    method: 'post', path: '/api/brokers/:id/qualifications', summary: '建立从业资格（执业资格、上岗资格）', tags,
    requirements: ['RE-072'], access: BROKER_MANAGERS, params: idParam, body: brokerQualificationInput, response: brokerQualificationView, status: 201,
    handler: async (ctx, { params, body }) => brokers.presentQualification(
      await ctx.deps.db.tx((t) => brokers.addQualification(t, ctx.state.user!, actorOf(ctx), params.id, body)),
    ),
  }),
  route({
    method: 'put', path: '/api/broker-qualifications/:id', summary: '变更从业资格（证书编号、等级、有效期；留痕）', tags,
    requirements: ['RE-072'], access: BROKER_MANAGERS, params: idParam, body: brokerQualificationChange, response: brokerQualificationView,
    handler: async (ctx, { params, body }) => brokers.presentQualification(
      await ctx.deps.db.tx((t) => brokers.changeQualification(t, ctx.state.user!, actorOf(ctx), params.id, body)),
    ),
  }),
  route({
    method: 'post', path: '/api/broker-qualifications/:id/check', summary: '检查从业资格（不合格的暂停）', tags,
    requirements: ['RE-072'], access: ['association', ...REGULATORS], params: idParam, body: brokerQualificationCheck, response: brokerQualificationView,
    handler: async (ctx, { params, body }) => brokers.presentQualification(
      await ctx.deps.db.tx((t) => brokers.checkQualification(t, ctx.state.user!, actorOf(ctx), params.id, body)),
    ),
  }),
  route({
    method: 'post', path: '/api/broker-qualifications/:id/cancel', summary: '注销从业资格', tags,
    requirements: ['RE-072'], access: ['association', ...DECIDERS], params: idParam, body: brokerReleaseInput, response: brokerQualificationView,
    handler: async (ctx, { params, body }) => brokers.presentQualification(
      await ctx.deps.db.tx((t) => brokers.cancelQualification(t, actorOf(ctx), params.id, body.reason)),
    ),
  }),
];

