// Demo enterprises and credit, after everything else (its own random stream, so the rest of the
// demo data stays exactly as it was): a registry profile for every developer, agency and
// property company; qualification certificates and filing certificates numbered through the
// code service; three filed brokers per agency (the WeChat persona 郭家豪 among them) with practice
// qualifications; one agency in the registry not yet filed (UNFILED_AGENCY, whose admin is the
// WeChat persona 叶晓彤), with no brokers; the credit standards with the DOMAIN.md §11 defaults; a few reviewed credit
// events and one waiting for review.
import type { Transaction } from 'sequelize';
import { DEFAULT_CREDIT_STANDARDS, CREDIT_SUBJECT_KINDS, creditValidUntil, maskIdNumber, type CreditSubjectKind } from '@hq/common';
import type { Deps } from '../platform/deps';
import { Org, User } from '../platform/models';
import { encrypt, keyedHash } from '../platform/crypto';
import { appendAudit, SYSTEM_ACTOR } from '../platform/audit/audit';
import { Broker, BrokerAffiliation, BrokerQualification, EnterpriseProfile } from '../modules/enterprises/models';
import { issueCertificate, issuerOf, type CertificateFacts } from '../modules/enterprises/certificates';
import { CreditEvent, CreditStandard } from '../modules/credit/models';
import { Rng } from './rng';
import { mobile, residentId, usccOf } from './identifiers';

const BROKER_NAMES = ['郭家豪', '陈嘉欣', '黄志强', '李咏诗', '梁浩然', '刘子轩', '林梓涵', '何秀英', '吴家豪', '罗嘉欣', '郑志强', '谢咏诗', '冯浩然', '邓子轩', '曾梓涵'];
const SCOPES: Record<string, string> = {
  developer: '房地产开发经营；物业管理；房屋租赁',
  agency: '房地产经纪；房地产咨询；房地产营销策划',
  property_company: '物业管理；停车场服务；家政服务',
};

/** 横琴新启: registered with the regulator, 中介机构备案 not yet applied for (made in demo.ts with the other orgs). */
export const UNFILED_AGENCY = {
  name: '横琴新启房地产经纪有限公司', uscc: usccOf('36918027'), legal_rep: '叶晓彤', address: '珠海市横琴粤澳深度合作区港澳大道868号',
} as const;

export interface EnterpriseSeedSummary {
  profiles: number;
  certificates: number;
  brokers: number;
  events: number;
}

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

export async function seedEnterprises(deps: Deps, t: Transaction): Promise<EnterpriseSeedSummary> {
  const rng = new Rng(20261201);
  const key = deps.config.dataKey;
  const summary: EnterpriseSeedSummary = { profiles: 0, certificates: 0, brokers: 0, events: 0 };
  const now = new Date();

  for (const kind of CREDIT_SUBJECT_KINDS) {
    await CreditStandard.create({ kind, body: JSON.stringify(DEFAULT_CREDIT_STANDARDS[kind]), version: 1, updated_by: null, updated_at: now }, { transaction: t });
  }

  const all = await Org.findAll({ where: { kind: ['developer', 'agency', 'property_company'] }, order: [['id', 'ASC']], transaction: t });
  // The unfiled agency stays off the random stream, so everything else is seeded exactly as before.
  const unfiled = all.find((o) => o.name === UNFILED_AGENCY.name);
  const orgs = all.filter((o) => o !== unfiled);
  const byKind = (k: string) => orgs.filter((o) => o.kind === k);
  for (const [i, org] of orgs.entries()) {
    const established = `${2005 + (i % 15)}-0${1 + (i % 9)}-15`;
    const profile = await EnterpriseProfile.create({
      org_id: org.id, kind: org.kind as 'developer', status: 'active', source: 'registry', registered_at: at('2024-01-08'),
      facts: JSON.stringify({
        // 1,000万–9,999万元: ten digits in fen (eleven starting 13–19 would read like a mobile number to the leak check).
        registeredCapitalFen: rng.int(1000, 9999) * 1000000, establishedOn: established, businessScope: SCOPES[org.kind],
        personnel: [{ name: org.legal_rep ?? '负责人', position: '法定代表人' }], ...(org.kind === 'property_company' ? { serviceScope: '住宅及商业物业服务' } : {}),
      }),
      contact_name: org.legal_rep, contact_phone_enc: encrypt(key, mobile(rng)),
    }, { transaction: t });
    summary.profiles++;
    const facts = async (kind: Parameters<typeof issuerOf>[0]): Promise<CertificateFacts> => ({
      holderName: org.name, holderUscc: org.uscc, legalRep: org.legal_rep ?? null, address: org.address ?? null,
      registeredCapitalFen: JSON.parse(profile.facts).registeredCapitalFen, serviceScope: org.kind === 'property_company' ? '住宅及商业物业服务' : null,
      storeAddress: null, issuer: await issuerOf(kind, t),
    });
    if (org.kind === 'developer') {
      const issuedOn = `2025-0${1 + (i % 9)}-10`;
      const grade = i % 2 === 0 ? 'first' as const : 'second' as const;
      const cert = await issueCertificate(t, {
        kind: 'developer_qualification', orgId: org.id, grade, facts: await facts('developer_qualification'), issuedOn,
        validUntil: creditValidUntil(issuedOn, 36), at: at(issuedOn),
      });
      await profile.update({ qualification_cert_id: cert.id }, { transaction: t });
      summary.certificates++;
    } else {
      const kind = org.kind === 'agency' ? 'agency_filing' as const : 'property_filing' as const;
      const issuedOn = `2025-1${i % 3}-0${1 + (i % 8)}`;
      const cert = await issueCertificate(t, { kind, orgId: org.id, facts: await facts(kind), issuedOn, at: at(issuedOn) });
      await profile.update({ filing_cert_id: cert.id }, { transaction: t });
      summary.certificates++;
    }
  }

  if (unfiled) {
    await EnterpriseProfile.create({
      org_id: unfiled.id, kind: 'agency', status: 'pending', source: 'registry', registered_at: null,
      facts: JSON.stringify({ registeredCapitalFen: 500_000_000, establishedOn: '2026-03-18', businessScope: SCOPES.agency, storeAddress: '珠海市横琴粤澳深度合作区港澳大道868号1层' }),
      contact_name: unfiled.legal_rep, contact_phone_enc: encrypt(key, '13926880521'),
    }, { transaction: t });
    summary.profiles++;
  }

  // Brokers: three per agency; the first of the first agency is the WeChat persona.
  const persona = await User.findOne({ where: { wechat_openid: 'o_demo_broker_a' }, attributes: ['id', 'display_name'], transaction: t });
  const brokers: Broker[] = [];
  let n = 0;
  for (const [ai, agency] of byKind('agency').entries()) {
    for (let j = 0; j < 3; j++, n++) {
      const name = n === 0 && persona ? persona.display_name : BROKER_NAMES[n % BROKER_NAMES.length];
      const idNumber = residentId(rng);
      const phone = mobile(rng);
      const filedOn = `2025-1${ai % 3}-1${j}`;
      const b = await Broker.create({
        agency_org_id: agency.id, user_id: n === 0 && persona ? persona.id : null, name, id_type: 'resident_id', id_no_enc: encrypt(key, idNumber),
        id_no_hash: keyedHash(key, `resident_id:${idNumber}`), phone_enc: encrypt(key, phone), phone_hash: keyedHash(key, `phone:${phone}`),
        education: rng.pick(['大专', '本科', '硕士']), status: 'active', registered_at: at(filedOn), filed_at: at(filedOn),
      }, { transaction: t });
      await BrokerAffiliation.create({ broker_id: b.id, agency_org_id: agency.id, started_at: at(filedOn), created_by: null }, { transaction: t });
      const practiceNo = `粤经纪执字第${String(2020000000 + n * 7919 + 13)}号`;
      await BrokerQualification.create({
        broker_id: b.id, kind: 'practice', level: j === 2 ? 'assistant' : 'broker', cert_no: practiceNo, issued_on: '2024-06-30', valid_until: '2029-06-29', status: 'valid',
      }, { transaction: t });
      const cert = await issueCertificate(t, {
        kind: 'broker_filing', orgId: agency.id, brokerId: b.id, issuedOn: filedOn, at: at(filedOn),
        facts: {
          holderName: agency.name, holderUscc: agency.uscc, brokerName: name, brokerIdMasked: maskIdNumber(idNumber), practiceCertNo: practiceNo,
          agencyName: agency.name, issuer: await issuerOf('broker_filing', t),
        },
      });
      await b.update({ filing_cert_id: cert.id }, { transaction: t });
      brokers.push(b);
      summary.brokers++;
      summary.certificates++;
    }
  }

  // Credit events (reviewed by the system on seeding; real ones are reviewed by people).
  const event = async (kind: CreditSubjectKind, subjectId: number, orgId: number | null, code: string, occurredOn: string, title: string, basisNo: string, status: 'effective' | 'pending' = 'effective') => {
    const ind = DEFAULT_CREDIT_STANDARDS[kind].indicators.find((x) => x.code === code)!;
    await CreditEvent.create({
      subject_kind: kind, subject_id: subjectId, subject_org_id: orgId, indicator_code: code, indicator_label: ind.label, direction: ind.direction, points: ind.points,
      blacklist: !!ind.blacklist, occurred_on: occurredOn, valid_until: creditValidUntil(occurredOn, ind.validityMonths), title, description: null,
      basis_type: 'circular', basis_no: basisNo, evidence_file_ids: '', source: status === 'pending' ? 'self_report' : 'regulator', source_dept: null, external_ref: null,
      status, reported_by: null, reported_role: null, reviewed_at: status === 'effective' ? at(occurredOn) : null,
      review_opinion: status === 'effective' ? '经核实，情况属实' : null,
    }, { transaction: t });
    summary.events++;
  };
  const [dev0, dev1] = byKind('developer');
  const [ag0, ag1] = byKind('agency');
  const [pm0] = byKind('property_company');
  if (dev0) await event('developer', dev0.id, dev0.id, 'quality_award_city', '2026-03-16', '项目获评珠海市优质结构工程奖', '珠建质〔2026〕12号');
  if (dev1) await event('developer', dev1.id, dev1.id, 'complaint_verified', '2026-05-20', '交付后渗漏投诉经查属实', '横琴建督〔2026〕31号');
  if (ag0) await event('agency', ag0.id, ag0.id, 'association_commendation', '2026-02-26', '获评年度诚信经营中介机构', '横琴房协〔2026〕3号');
  if (ag1) await event('agency', ag1.id, ag1.id, 'unverified_listing', '2026-06-08', '发布未经核验房源信息', '横琴建督〔2026〕45号');
  if (brokers[4]) await event('broker', brokers[4].id, brokers[4].agency_org_id, 'false_listing', '2026-07-02', '发布虚假房源价格信息', '横琴房协〔2026〕17号');
  if (pm0) await event('property_company', pm0.id, pm0.id, 'satisfaction_high', '2026-09-30', '业主满意度测评优秀', '横琴物业〔2026〕8号', 'pending');

  await appendAudit(t, SYSTEM_ACTOR, { action: 'system.seed.enterprises', detail: { ...summary } });
  return summary;
}
