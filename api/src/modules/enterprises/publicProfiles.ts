// Public profiles of developers, agencies, brokers and property companies: registry state,
// qualification or filing certificate, and the credit grade. No person's full name, ID or phone
// number leaves here: brokers appear as 郭**, with their agency.
import { Op } from 'sequelize';
import {
  enterpriseStatusLabel, maskName, shanghaiDate, BROKER_STATUS_LABELS, BROKER_QUALIFICATION_KIND_LABELS, BROKER_QUALIFICATION_LEVEL_LABELS,
  BROKER_QUALIFICATION_STATUS_LABELS, QUALIFICATION_GRADE_LABELS,
  type PublicDeveloperProfile, type PublicAgencySummary, type PublicAgencyProfile, type PublicBrokerSummary, type EnterpriseKind, type QualificationGrade,
  type CreditBrief, type z, type publicBrokerQuery, type publicEnterpriseQuery, type agencyQuery,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import { Org } from '../../platform/models';
import { qrPng } from '../../platform/documents/certificate';
import { Community } from '../property/models';
import { projectIndex, summaryOf } from '../public/projectIndex';
import { briefs } from '../credit/engine';
import { Broker, BrokerQualification, EnterpriseCertificate, EnterpriseProfile } from './models';
import { publicCertificate } from './certificates';
import { parseFacts, profileUrl } from './service';

const like = (k: string) => `%${k.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
const NO_CREDIT: CreditBrief = { score: 0, grade: 'C', gradeLabel: '', blacklisted: false };

/** What a public page of this subject depends on, for its ETag: its profile's version and the day (validity windows end by date). */
export async function profileVersion(kind: EnterpriseKind | 'broker', id: number): Promise<string | null> {
  if (kind === 'broker') {
    const b = await Broker.findByPk(id, { attributes: ['version', 'status'] });
    return b && b.status !== 'pending' ? `${b.version}:${shanghaiDate()}` : null;
  }
  const org = await Org.findByPk(id, { attributes: ['kind'] });
  if (!org || org.kind !== kind) return null;
  const p = await EnterpriseProfile.findByPk(id, { attributes: ['version'] });
  return `${p?.version ?? 0}:${shanghaiDate()}`;
}

// ---------- developers ----------

export async function developerProfile(deps: Deps, id: number): Promise<PublicDeveloperProfile | null> {
  const org = await Org.findByPk(id);
  if (!org || org.kind !== 'developer') return null;
  const [p, credit] = await Promise.all([EnterpriseProfile.findByPk(id), briefs('developer', [id])]);
  const facts = parseFacts(p);
  const cert = p?.qualification_cert_id ? await EnterpriseCertificate.findByPk(p.qualification_cert_id) : null;
  const projects = (await projectIndex(deps.db).all()).filter((x) => x.developerId === id).sort((a, b) => a.id - b.id);
  const status = p?.status ?? 'pending';
  return {
    id: org.id, name: org.name, uscc: org.uscc, legalRep: org.legal_rep ?? null, address: org.address ?? null, status,
    statusLabel: enterpriseStatusLabel('developer', status), registeredAt: p?.registered_at ? new Date(p.registered_at).toISOString() : null,
    establishedOn: facts.establishedOn ?? null, registeredCapitalFen: facts.registeredCapitalFen ?? null,
    qualification: cert ? { ...publicCertificate(cert), grade: cert.grade ?? null, gradeLabel: cert.grade ? QUALIFICATION_GRADE_LABELS[cert.grade as QualificationGrade] ?? null : null } : null,
    credit: credit.get(id) ?? NO_CREDIT,
    projects: projects.map(summaryOf), roomCount: projects.reduce((a, x) => a + x.roomCount, 0), availableCount: projects.reduce((a, x) => a + x.availableCount, 0),
    profileUrl: profileUrl(deps, org)!, qrUrl: `/api/public/developers/${org.id}/qr.png`,
  };
}

/** The QR code (PNG) that opens an enterprise's public page, for its office wall and its documents (RE-057). */
export async function profileQr(deps: Deps, kind: 'developer' | 'agency', id: number): Promise<Buffer | null> {
  const org = await Org.findByPk(id, { attributes: ['id', 'kind'] });
  if (!org || org.kind !== kind) return null;
  return qrPng(profileUrl(deps, org)!);
}

// ---------- agencies ----------

async function agencyRows(orgs: Org[]): Promise<PublicAgencySummary[]> {
  const ids = orgs.map((o) => o.id);
  const [profiles, counts, credit] = await Promise.all([
    EnterpriseProfile.findAll({ where: { org_id: ids } }),
    Broker.findAll({ where: { agency_org_id: ids, status: 'active' }, attributes: ['agency_org_id'] }),
    briefs('agency', ids),
  ]);
  const certs = await EnterpriseCertificate.findAll({ where: { id: profiles.map((p) => p.filing_cert_id).filter((x): x is number => x != null) }, attributes: ['id', 'cert_no'] });
  return orgs.map((o) => {
    const p = profiles.find((x) => x.org_id === o.id);
    const status = p?.status ?? 'pending';
    return {
      id: o.id, name: o.name, uscc: o.uscc, address: o.address ?? null, registered: status === 'active',
      brokerCount: counts.filter((c) => c.agency_org_id === o.id).length, status, statusLabel: enterpriseStatusLabel('agency', status),
      filingNo: certs.find((c) => c.id === p?.filing_cert_id)?.cert_no ?? null, credit: credit.get(o.id) ?? NO_CREDIT,
    };
  });
}

/** 备案中介查询 (RE-115, RE-155, RE-161): by name, code or address; cancelled agencies show as 已注销. */
export async function searchAgencies(_deps: Deps, q: z.infer<typeof agencyQuery>) {
  const where: Record<string | symbol, unknown> = { kind: 'agency' };
  if (q.keyword) where[Op.or] = [{ name: { [Op.like]: like(q.keyword) } }, { uscc: { [Op.like]: like(q.keyword) } }, { address: { [Op.like]: like(q.keyword) } }];
  const { rows, count } = await Org.findAndCountAll({ where, order: [['id', 'ASC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: await agencyRows(rows), total: count, page: q.page, pageSize: q.pageSize };
}

export async function agencyProfile(deps: Deps, id: number): Promise<PublicAgencyProfile | null> {
  const org = await Org.findByPk(id);
  if (!org || org.kind !== 'agency') return null;
  const [row] = await agencyRows([org]);
  const p = await EnterpriseProfile.findByPk(id);
  const cert = p?.filing_cert_id ? await EnterpriseCertificate.findByPk(p.filing_cert_id) : null;
  const brokers = await Broker.findAll({ where: { agency_org_id: id, status: 'active' }, order: [['id', 'ASC']] });
  return {
    ...row, legalRep: org.legal_rep ?? null, filing: cert ? publicCertificate(cert) : null,
    cancelledAt: p?.cancelled_at ? new Date(p.cancelled_at).toISOString() : null, brokers: await brokerRows(brokers), qrUrl: `/api/public/agencies/${id}/qr.png`,
  };
}

// ---------- brokers ----------

async function brokerRows(brokers: Broker[]): Promise<PublicBrokerSummary[]> {
  if (!brokers.length) return [];
  const ids = brokers.map((b) => b.id);
  const [quals, certs, credit, agencies] = await Promise.all([
    BrokerQualification.findAll({ where: { broker_id: ids, status: { [Op.ne]: 'cancelled' } }, order: [['id', 'ASC']] }),
    EnterpriseCertificate.findAll({ where: { id: brokers.map((b) => b.filing_cert_id).filter((x): x is number => x != null) }, attributes: ['id', 'cert_no', 'status'] }),
    briefs('broker', ids),
    Org.findAll({ where: { id: brokers.map((b) => b.agency_org_id).filter((x): x is number => x != null) }, attributes: ['id', 'name'] }),
  ]);
  return brokers.map((b) => {
    const agency = agencies.find((a) => a.id === b.agency_org_id);
    const cert = certs.find((c) => c.id === b.filing_cert_id && c.status === 'valid');
    return {
      id: b.id, name: maskName(b.name), agency: agency ? { id: agency.id, name: agency.name } : null, status: b.status, statusLabel: BROKER_STATUS_LABELS[b.status],
      filingNo: cert?.cert_no ?? null,
      qualifications: quals.filter((q) => q.broker_id === b.id).map((q) => ({
        kindLabel: BROKER_QUALIFICATION_KIND_LABELS[q.kind], levelLabel: BROKER_QUALIFICATION_LEVEL_LABELS[q.level], certNo: q.cert_no, validUntil: q.valid_until,
        statusLabel: q.valid_until < shanghaiDate() ? '已过期' : BROKER_QUALIFICATION_STATUS_LABELS[q.status],
      })),
      credit: credit.get(b.id) ?? NO_CREDIT,
    };
  });
}

/** Brokers the public may look up: filed ones, and those whose filing ended (so a buyer sees 已解除/已注销). */
const PUBLIC_BROKER_STATUSES = ['active', 'released', 'cancelled'];

/** 备案中介查询 — brokers with their agency, by name, agency or filing number. */
export async function searchBrokers(_deps: Deps, q: z.infer<typeof publicBrokerQuery>) {
  const where: Record<string | symbol, unknown> = { status: PUBLIC_BROKER_STATUSES };
  if (q.agencyId) where.agency_org_id = q.agencyId;
  if (q.keyword) {
    const k = like(q.keyword);
    const agencies = await Org.findAll({ where: { kind: 'agency', name: { [Op.like]: k } }, attributes: ['id'] });
    const certs = await EnterpriseCertificate.findAll({ where: { kind: 'broker_filing', cert_no: { [Op.like]: k } }, attributes: ['broker_id'] });
    where[Op.or] = [
      { name: { [Op.like]: k } },
      ...(agencies.length ? [{ agency_org_id: agencies.map((a) => a.id) }] : []),
      ...(certs.length ? [{ id: certs.map((c) => c.broker_id).filter((x): x is number => x != null) }] : []),
    ];
  }
  const { rows, count } = await Broker.findAndCountAll({ where, order: [['id', 'ASC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: await brokerRows(rows), total: count, page: q.page, pageSize: q.pageSize };
}

export async function brokerProfile(_deps: Deps, id: number): Promise<PublicBrokerSummary | null> {
  const b = await Broker.findOne({ where: { id, status: PUBLIC_BROKER_STATUSES } });
  return b ? (await brokerRows([b]))[0] : null;
}

// ---------- property companies (PM-055, PM-106) ----------

async function propertyRows(orgs: Org[]) {
  const ids = orgs.map((o) => o.id);
  const [profiles, communities, credit] = await Promise.all([
    EnterpriseProfile.findAll({ where: { org_id: ids } }),
    Community.findAll({ where: { property_org_id: ids }, attributes: ['id', 'name', 'district', 'property_org_id'], order: [['id', 'ASC']] }),
    briefs('property_company', ids),
  ]);
  const certs = await EnterpriseCertificate.findAll({ where: { id: profiles.map((p) => p.filing_cert_id).filter((x): x is number => x != null) } });
  return orgs.map((o) => {
    const p = profiles.find((x) => x.org_id === o.id);
    const status = p?.status ?? 'pending';
    const cert = certs.find((c) => c.id === p?.filing_cert_id);
    const mine = communities.filter((c) => c.property_org_id === o.id);
    return {
      row: {
        id: o.id, name: o.name, uscc: o.uscc, address: o.address ?? null, status, statusLabel: enterpriseStatusLabel('property_company', status),
        filingNo: cert?.cert_no ?? null, communityCount: mine.length, credit: credit.get(o.id) ?? NO_CREDIT,
      },
      org: o, profile: p, cert, communities: mine,
    };
  });
}

export async function searchPropertyCompanies(_deps: Deps, q: z.infer<typeof publicEnterpriseQuery>) {
  const where: Record<string | symbol, unknown> = { kind: 'property_company' };
  if (q.keyword) where[Op.or] = [{ name: { [Op.like]: like(q.keyword) } }, { uscc: { [Op.like]: like(q.keyword) } }];
  const { rows, count } = await Org.findAndCountAll({ where, order: [['id', 'ASC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: (await propertyRows(rows)).map((r) => r.row), total: count, page: q.page, pageSize: q.pageSize };
}

export async function propertyCompanyProfile(_deps: Deps, id: number) {
  const org = await Org.findByPk(id);
  if (!org || org.kind !== 'property_company') return null;
  const [r] = await propertyRows([org]);
  return {
    ...r.row, legalRep: org.legal_rep ?? null, serviceScope: parseFacts(r.profile ?? null).serviceScope ?? null,
    filing: r.cert ? publicCertificate(r.cert) : null, communities: r.communities.map((c) => ({ id: c.id, name: c.name, district: c.district })),
  };
}
