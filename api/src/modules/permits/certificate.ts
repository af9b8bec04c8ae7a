// The printed certificate of a presale permit or completed-sale filing, its public
// verification facts, and its registration with the provincial e-licence platform.
import crypto from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { formatArea, PERMIT_STATUS_LABELS, ROOM_USE_LABELS, type RoomUse } from '@hq/common';
import type { Deps } from '../../platform/deps';
import { renderCertificatePdf, type CertificateStatus } from '../../platform/documents/certificate';
import { PresalePermit } from '../realestate/models';

export const ISSUER = '横琴粤澳深度合作区城市规划和建设局';
const TITLE = { presale: '商品房预售许可证', completed: '现房销售备案证明' } as const;
const KIND_LABEL = { presale: '商品房预售许可', completed: '现房销售备案' } as const;

export interface PermitFacts {
  id: number;
  permitNo: string;
  kind: 'presale' | 'completed';
  kindLabel: string;
  projectId: number;
  projectName: string;
  address: string;
  developerName: string;
  developerUscc: string | null;
  buildingNos: string[];
  uses: string[];
  roomCount: number;
  area: number;
  issuedOn: string;
  status: string;
  statusLabel: string;
  licenceId: string | null;
  validUntil: string | null;
  /** When a change application last changed the permit's facts. */
  changedAt: string | null;
}

export async function permitFacts(deps: Deps, where: { id?: number; permitNo?: string }): Promise<PermitFacts | null> {
  const permit = where.id ? await PresalePermit.findByPk(where.id) : await PresalePermit.findOne({ where: { permit_no: where.permitNo! } });
  if (!permit) return null;
  const [p] = await deps.db.sequelize.query<{ name: string; address: string; developer: string; uscc: string | null }>(
    'SELECT p.name, p.address, o.name AS developer, o.uscc FROM projects p JOIN orgs o ON o.id = p.developer_org_id WHERE p.id = :id',
    { replacements: { id: permit.project_id }, type: QueryTypes.SELECT },
  );
  const ids = permit.building_ids.split(',').map(Number);
  const buildings = await deps.db.sequelize.query<{ building_no: string; use: RoomUse }>(
    'SELECT building_no, `use` FROM buildings WHERE id IN (:ids) ORDER BY id', { replacements: { ids }, type: QueryTypes.SELECT },
  );
  const kind = permit.kind as 'presale' | 'completed';
  return {
    id: permit.id, permitNo: permit.permit_no, kind, kindLabel: KIND_LABEL[kind], projectId: permit.project_id, projectName: p.name,
    address: p.address, developerName: p.developer, developerUscc: p.uscc, buildingNos: buildings.map((b) => b.building_no),
    uses: [...new Set(buildings.map((b) => ROOM_USE_LABELS[b.use] ?? b.use))], roomCount: permit.room_count, area: Number(permit.area),
    issuedOn: permit.issued_on, status: permit.status, statusLabel: PERMIT_STATUS_LABELS[permit.status] ?? permit.status, licenceId: permit.licence_id,
    validUntil: permit.valid_until, changedAt: permit.changed_at?.toISOString() ?? null,
  };
}

/** The page the QR code opens: the mini-program's H5 verification page (web and phone alike). */
export function verifyUrl(deps: Deps, permitNo: string): string {
  return `${deps.config.publicUrl}/h5/#/subpackages/public/pages/verify/index?no=${encodeURIComponent(permitNo)}`;
}

export function certificateFacts(f: PermitFacts): [string, string][] {
  return [
    ['开发企业', f.developerName],
    ['统一社会信用代码', f.developerUscc ?? '—'],
    ['项目名称', f.projectName],
    ['坐落', f.address],
    [f.kind === 'presale' ? '预售范围' : '现售范围', f.buildingNos.join('、')],
    ['房屋用途', f.uses.join('、')],
    [f.kind === 'presale' ? '预售套数' : '现售套数', `${f.roomCount} 套`],
    [f.kind === 'presale' ? '预售建筑面积' : '现售建筑面积', formatArea(f.area)],
    ...(f.validUntil ? [['有效期至', f.validUntil] as [string, string]] : []),
  ];
}

export async function certificatePdf(deps: Deps, f: PermitFacts): Promise<Buffer> {
  return renderCertificatePdf({
    kind: f.kind === 'presale' ? 'presale_permit' : 'completed_filing', title: TITLE[f.kind], number: f.permitNo, facts: certificateFacts(f),
    issuer: ISSUER, issuedOn: f.issuedOn, verifyUrl: verifyUrl(deps, f.permitNo), sealText: '行政许可专用章', status: f.status as CertificateStatus,
  });
}

let queue: Promise<unknown> = Promise.resolve();

/** Registrations run one at a time in the background (rendering a certificate is CPU work). */
export function registerElicenceLater(deps: Deps, permitId: number): void {
  queue = queue
    .then(() => registerElicence(deps, permitId))
    .catch((err: unknown) => deps.logger.warn({ err: String(err), permitId }, 'e-licence registration failed; POST /api/permits/:id/elicence retries'));
}

/**
 * Register the certificate with the provincial e-licence platform and keep its licence id. Runs
 * after the approval has committed; safe to repeat (the platform answers a repeated request
 * with the licence it already made).
 */
export async function registerElicence(deps: Deps, permitId: number): Promise<string> {
  const f = await permitFacts(deps, { id: permitId });
  if (!f) throw new Error(`permit ${permitId} not found`);
  if (f.licenceId) return f.licenceId;
  const pdf = await certificatePdf(deps, f);
  const issued = await deps.elicence.issue({
    kind: f.kind === 'presale' ? 'presale_permit' : 'completed_filing', number: f.permitNo, holderUscc: f.developerUscc ?? '', holderName: f.developerName,
    facts: certificateFacts(f), pdfSha256: crypto.createHash('sha256').update(pdf).digest('hex'),
  });
  await deps.db.tx((t) => PresalePermit.update({ licence_id: issued.licenceId, sealed_at: new Date(issued.sealedAt) }, { where: { id: permitId }, transaction: t }));
  return issued.licenceId;
}
