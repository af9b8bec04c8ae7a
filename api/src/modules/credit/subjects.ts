// Credit subjects: an organisation of the subject's kind, or a broker. Loading one, who stands on
// its side (may report for it and object), and who may see its record.
import type { Transaction } from 'sequelize';
import { CREDIT_SUBJECT_LABELS, type CreditSubjectKind } from '@hq/common';
import { Org } from '../../platform/models';
import { errors } from '../../platform/errors';
import type { AuthUser } from '../../platform/http/types';
import { Broker, EnterpriseProfile } from '../enterprises/models';
import { STAFF_ROLE, associationKind, isAssociation, isRegulator } from '../enterprises/policy';

export interface CreditSubject {
  kind: CreditSubjectKind;
  id: number;
  name: string;
  /** The organisation whose staff answer for it: the enterprise itself, or the broker's agency now. */
  orgId: number | null;
  /** The broker's own login, when linked. */
  userId: number | null;
  status: string;
}

export async function loadSubject(kind: CreditSubjectKind, id: number, t?: Transaction): Promise<CreditSubject> {
  if (kind === 'broker') {
    const b = await Broker.findByPk(id, { attributes: ['id', 'name', 'agency_org_id', 'user_id', 'status'], transaction: t });
    if (!b) throw errors.notFound('BROKER_NOT_FOUND', '经纪人不存在');
    return { kind, id: b.id, name: b.name, orgId: b.agency_org_id, userId: b.user_id ?? null, status: b.status };
  }
  const org = await Org.findByPk(id, { attributes: ['id', 'name', 'kind', 'status'], transaction: t });
  if (!org || org.kind !== kind) throw errors.notFound('CREDIT_SUBJECT_NOT_FOUND', `${CREDIT_SUBJECT_LABELS[kind]}不存在`);
  return { kind, id: org.id, name: org.name, orgId: org.id, userId: null, status: org.status };
}

/** The subject's own side: its enterprise's staff; for a broker, their agency's staff or the broker. */
export function isSubjectSide(user: AuthUser, s: Pick<CreditSubject, 'kind' | 'id' | 'orgId' | 'userId'>): boolean {
  if (s.kind === 'broker') {
    return (user.roles.includes('agency_admin') && s.orgId != null && user.orgId === s.orgId) || (user.roles.includes('broker') && s.userId === user.id);
  }
  return user.roles.includes(STAFF_ROLE[s.kind]) && user.orgId === s.id;
}

export function canSeeSubject(user: AuthUser, s: Pick<CreditSubject, 'kind' | 'id' | 'orgId' | 'userId'>): boolean {
  return isRegulator(user) || (isAssociation(user) && associationKind(s.kind)) || isSubjectSide(user, s);
}

export function assertSeeSubject(user: AuthUser, s: CreditSubject): void {
  if (!canSeeSubject(user, s)) throw errors.forbidden('DATA_SCOPE_DENIED', '无权查看其他单位或他人的信用信息');
}

/** Names of many subjects of one kind at once. */
export async function subjectNames(kind: CreditSubjectKind, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = kind === 'broker'
    ? await Broker.findAll({ where: { id: [...new Set(ids)] }, attributes: ['id', 'name'] })
    : await Org.findAll({ where: { id: [...new Set(ids)] }, attributes: ['id', 'name'] });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Public pages are cached by the subject's version: bump it with every change to its credit. */
export async function touchSubject(t: Transaction, kind: CreditSubjectKind, id: number): Promise<void> {
  if (kind === 'broker') await Broker.increment('version', { where: { id }, transaction: t });
  else await EnterpriseProfile.increment('version', { where: { org_id: id }, transaction: t });
}
