// 资质证书 and 备案证明 (RE-067, RE-068, RE-069, RE-070, RE-166, PM-004): numbered by the
// code-assignment service inside the approving transaction, printed as PDFs with a QR code to
// the public verification, superseded when a change re-issues them and revoked (the number
// cancelled in the code register too) when the holder is cancelled or the broker released.
import type { Transaction } from 'sequelize';
import {
  CERTIFICATE_STATUS_LABELS, ENTERPRISE_CERTIFICATE_TITLES, QUALIFICATION_GRADE_LABELS, formatWanYuan, maskName,
  type CertificateVerifyResponse, type CertificateView, type EnterpriseCertificateKind, type QualificationGrade,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import { AppError, errors } from '../../platform/errors';
import { Org } from '../../platform/models';
import { cancelCode, issueCode } from '../../platform/codes/service';
import type { AuditActor } from '../../platform/audit/audit';
import { renderCertificatePdf } from '../../platform/documents/certificate';
import { EnterpriseCertificate } from './models';

export const REGULATOR_ISSUER = '横琴粤澳深度合作区城市规划和建设局';
export const ASSOCIATION_ISSUER = '横琴房地产行业协会';

/** What a certificate states, frozen when it is issued. */
export interface CertificateFacts {
  holderName: string;
  holderUscc: string | null;
  legalRep?: string | null;
  address?: string | null;
  registeredCapitalFen?: number | null;
  storeAddress?: string | null;
  serviceScope?: string | null;
  brokerName?: string;
  brokerIdMasked?: string;
  practiceCertNo?: string | null;
  agencyName?: string;
  issuer: string;
}

/** The issuer of each kind: the regulator for qualifications and property filings, the association for agencies and brokers. */
export async function issuerOf(kind: EnterpriseCertificateKind, t: Transaction): Promise<string> {
  if (kind === 'developer_qualification' || kind === 'property_filing') return REGULATOR_ISSUER;
  const association = await Org.findOne({ where: { kind: 'association' }, order: [['id', 'ASC']], attributes: ['name'], transaction: t });
  return association?.name ?? ASSOCIATION_ISSUER;
}

export async function issueCertificate(t: Transaction, opts: {
  kind: EnterpriseCertificateKind; orgId: number; brokerId?: number | null; applicationId?: number | null; grade?: QualificationGrade | null;
  facts: CertificateFacts; issuedOn: string; validUntil?: string | null; at?: Date;
}): Promise<EnterpriseCertificate> {
  const issued = await issueCode(t, opts.kind, {
    objectType: opts.brokerId ? 'broker' : 'org', objectId: opts.brokerId ?? opts.orgId, at: opts.at,
  });
  return EnterpriseCertificate.create({
    kind: opts.kind, cert_no: issued.code, org_id: opts.orgId, broker_id: opts.brokerId ?? null, application_id: opts.applicationId ?? null,
    grade: opts.grade ?? null, facts: JSON.stringify(opts.facts), issued_on: opts.issuedOn, valid_until: opts.validUntil ?? null, status: 'valid',
  }, { transaction: t });
}

/** A change re-issues the certificate: the old one says 已变更换发 and points to the new one. */
export async function supersede(t: Transaction, old: EnterpriseCertificate | null, by: EnterpriseCertificate, reason: string): Promise<void> {
  if (!old || old.status !== 'valid') return;
  await old.update({ status: 'superseded', replaced_by: by.id, status_reason: reason, status_changed_at: new Date() }, { transaction: t });
}

/** The certificate no longer stands (注销, 解除执业): it verifies as 已失效 and its number is cancelled in the code register. */
export async function revokeCertificate(t: Transaction, cert: EnterpriseCertificate | null, reason: string, actor: AuditActor): Promise<void> {
  if (!cert || cert.status === 'revoked') return;
  await cert.update({ status: 'revoked', status_reason: reason, status_changed_at: new Date() }, { transaction: t });
  await cancelCode(t, cert.cert_no, reason, actor).catch((err: unknown) => {
    if (!(err instanceof AppError && (err.code === 'CODE_NOT_FOUND' || err.code === 'CODE_ALREADY_CANCELLED'))) throw err;
  });
}

export const factsOf = (c: EnterpriseCertificate) => JSON.parse(c.facts) as CertificateFacts;
const gradeLabel = (g: string | null | undefined) => (g ? QUALIFICATION_GRADE_LABELS[g as QualificationGrade] ?? g : null);

export function presentCertificate(c: EnterpriseCertificate): CertificateView {
  const f = factsOf(c);
  return {
    id: c.id, kind: c.kind, title: ENTERPRISE_CERTIFICATE_TITLES[c.kind], certNo: c.cert_no, issuedOn: c.issued_on, validUntil: c.valid_until ?? null,
    status: c.status, statusLabel: CERTIFICATE_STATUS_LABELS[c.status], statusReason: c.status_reason ?? null, grade: c.grade ?? null, gradeLabel: gradeLabel(c.grade),
    holderName: c.kind === 'broker_filing' ? f.brokerName ?? f.holderName : f.holderName, brokerId: c.broker_id ?? null,
    pdfUrl: `/api/certificates/${c.id}/certificate.pdf`,
  };
}

export function publicCertificate(c: EnterpriseCertificate) {
  return {
    certNo: c.cert_no, title: ENTERPRISE_CERTIFICATE_TITLES[c.kind], issuedOn: c.issued_on, validUntil: c.valid_until ?? null, status: c.status,
    statusLabel: CERTIFICATE_STATUS_LABELS[c.status],
  };
}

function printedFacts(c: EnterpriseCertificate): [string, string][] {
  const f = factsOf(c);
  const rows: [string, string | null | undefined][] = c.kind === 'broker_filing'
    ? [['姓名', f.brokerName], ['证件号码', f.brokerIdMasked], ['执业机构', f.agencyName], ['执业资格证书编号', f.practiceCertNo ?? '—']]
    : [
      [c.kind === 'agency_filing' ? '机构名称' : '企业名称', f.holderName],
      ['统一社会信用代码', f.holderUscc],
      ['法定代表人', f.legalRep],
      ['注册地址', f.address],
      ...(c.kind === 'agency_filing' ? [['经营场所', f.storeAddress ?? f.address] as [string, string | null | undefined]] : []),
      ...(c.kind === 'developer_qualification'
        ? [['资质等级', gradeLabel(c.grade)], ['注册资本', f.registeredCapitalFen ? formatWanYuan(f.registeredCapitalFen) : null]] as [string, string | null | undefined][]
        : []),
      ...(c.kind === 'property_filing' ? [['服务范围', f.serviceScope] as [string, string | null | undefined]] : []),
    ];
  if (c.valid_until) rows.push(['有效期至', c.valid_until]);
  return rows.map(([k, v]) => [k, v || '—']);
}

/** The page the QR code opens: the mini-program's H5 verification page. */
export function certificateVerifyUrl(deps: Deps, certNo: string): string {
  return `${deps.config.publicUrl}/h5/#/subpackages/public/pages/verify/index?type=certificate&no=${encodeURIComponent(certNo)}`;
}

export async function certificatePdf(deps: Deps, c: EnterpriseCertificate): Promise<Buffer> {
  const f = factsOf(c);
  return renderCertificatePdf({
    kind: c.kind, title: ENTERPRISE_CERTIFICATE_TITLES[c.kind], number: c.cert_no, facts: printedFacts(c), issuer: f.issuer, issuedOn: c.issued_on,
    verifyUrl: certificateVerifyUrl(deps, c.cert_no), sealText: c.kind === 'developer_qualification' ? '资质审批专用章' : '备案专用章', status: c.status,
  });
}

const fullWidth = (no: string) => no.replace(/\(/g, '（').replace(/\)/g, '）');

/** 证书核验 (public): what the certificate states and whether it still stands; a broker's name masked. */
export async function verifyCertificate(no: string): Promise<CertificateVerifyResponse> {
  let c = await EnterpriseCertificate.findOne({ where: { cert_no: no } });
  if (!c && fullWidth(no) !== no) c = await EnterpriseCertificate.findOne({ where: { cert_no: fullWidth(no) } });
  if (!c) {
    return {
      valid: false, certNo: no, kind: null, title: null, holderName: null, holderUscc: null, agencyName: null, grade: null, issuedOn: null, validUntil: null,
      status: null, statusLabel: null, message: '未查询到该证书编号，请谨防伪造证件',
    };
  }
  const f = factsOf(c);
  const title = ENTERPRISE_CERTIFICATE_TITLES[c.kind];
  const expired = c.status === 'valid' && !!c.valid_until && c.valid_until < new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const valid = c.status === 'valid' && !expired;
  const replacement = c.replaced_by ? await EnterpriseCertificate.findByPk(c.replaced_by, { attributes: ['cert_no'] }) : null;
  const message = valid ? `该${title}有效`
    : expired ? `该${title}已过有效期（有效期至${c.valid_until}）`
      : c.status === 'superseded' ? `该${title}已变更换发${replacement ? `，请以新证 ${replacement.cert_no} 为准` : ''}`
        : `该${title}已失效：${c.status_reason ?? '已注销'}`;
  return {
    valid, certNo: c.cert_no, kind: c.kind, title, holderName: c.kind === 'broker_filing' ? maskName(f.brokerName) : f.holderName,
    holderUscc: c.kind === 'broker_filing' ? null : f.holderUscc, agencyName: f.agencyName ?? null, grade: gradeLabel(c.grade), issuedOn: c.issued_on,
    validUntil: c.valid_until ?? null, status: c.status, statusLabel: expired ? '已过期' : CERTIFICATE_STATUS_LABELS[c.status], message,
  };
}

export async function certificateById(id: number): Promise<EnterpriseCertificate> {
  const c = await EnterpriseCertificate.findByPk(id);
  if (!c) throw errors.notFound('CERTIFICATE_NOT_FOUND', '证书不存在');
  return c;
}
