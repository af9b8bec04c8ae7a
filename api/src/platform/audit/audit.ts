// Append-only audit records chained by SM3: each record's hash covers the previous hash and
// its own fields. `seq` comes from audit_head under a row lock, so the chain has no gaps and
// a missing seq means a deleted record. Written in the same transaction as the change, as its
// last step.
import type { Transaction } from 'sequelize';
import { AuditHead, AuditLog } from '../models';
import { sm3 } from '../crypto';
import { beforeCommit, type Db } from '../db';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  userId: number | null;
  name: string | null;
  role: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  objectType?: string | null;
  objectId?: string | number | null;
  result?: 'success' | 'failure' | 'denied';
  detail?: Record<string, unknown> | null;
}

const SECRET_KEYS = /pass(word)?|token|secret|otp|code_verifier|verifier|authorization|cookie|idNumber|id_no|session_key/i;
const ID_LIKE = /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g;

/** Never let a password, token or full ID number into the audit trail. */
export function scrubDetail(detail: unknown): unknown {
  if (detail == null) return detail;
  if (typeof detail === 'string') return detail.replace(ID_LIKE, (m) => `${m.slice(0, 3)}***********${m.slice(-4)}`);
  if (Array.isArray(detail)) return detail.map(scrubDetail);
  if (typeof detail === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(detail as Record<string, unknown>)) {
      out[k] = SECRET_KEYS.test(k) ? '[redacted]' : scrubDetail(v);
    }
    return out;
  }
  return detail;
}

type Hashable = Pick<
  AuditLog,
  'seq' | 'at' | 'actor_id' | 'actor_name' | 'actor_role' | 'action' | 'object_type' | 'object_id' | 'result' | 'ip' | 'request_id' | 'detail'
>;

/** The exact bytes a record's hash covers: the previous hash and every field, in fixed order. */
export function recordHash(prevHash: string, r: Hashable): string {
  const canonical = JSON.stringify([
    Number(r.seq), new Date(r.at).toISOString(), r.actor_id ?? null, r.actor_name ?? null, r.actor_role ?? null, r.action,
    r.object_type ?? null, r.object_id ?? null, r.result, r.ip ?? null, r.request_id ?? null, r.detail ?? null,
  ]);
  return sm3(`${prevHash}\n${canonical}`);
}

interface PendingAudit {
  actor: AuditActor;
  entry: AuditEntry;
  at: Date;
}
const pendingAudits = new WeakMap<Transaction, PendingAudit[]>();

/**
 * Records `entry` in transaction `t`. Inside db.tx the record is chained at the end of the
 * transaction, just before it commits: every audited transaction locks the chain's head, and
 * holding that lock only for the last moment keeps writers from queueing behind each other's
 * work. The record commits or rolls back with the change either way.
 */
export async function appendAudit(t: Transaction, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const item = { actor, entry, at: new Date() };
  const queued = pendingAudits.get(t);
  if (queued) {
    queued.push(item);
    return;
  }
  const list = [item];
  if (beforeCommit(t, () => chain(t, list))) pendingAudits.set(t, list);
  else await chain(t, list);
}

/** Appends records to the chain under the head's row lock: consecutive seqs, each hash over the previous. */
async function chain(t: Transaction, items: PendingAudit[]): Promise<void> {
  pendingAudits.delete(t);
  const head = await AuditHead.findByPk(1, { transaction: t, lock: t.LOCK.UPDATE });
  if (!head) throw new Error('audit_head missing: migrations not applied');
  let seq = Number(head.seq);
  let prev = head.hash;
  const rows = [];
  for (const { actor, entry, at } of items) {
    const fields: Hashable = {
      seq: ++seq, at, actor_id: actor.userId, actor_name: actor.name, actor_role: actor.role, action: entry.action,
      object_type: entry.objectType ?? null, object_id: entry.objectId == null ? null : String(entry.objectId),
      result: entry.result ?? 'success', ip: actor.ip, request_id: actor.requestId,
      detail: entry.detail ? JSON.stringify(scrubDetail(entry.detail)) : null,
    };
    const hash = recordHash(prev, fields);
    rows.push({ ...fields, prev_hash: prev, hash });
    prev = hash;
  }
  await AuditLog.bulkCreate(rows, { transaction: t });
  await AuditHead.update({ seq, hash: prev }, { where: { id: 1 }, transaction: t });
}

/** For events that are not part of a change (a failed login, a denial): their own transaction. */
export function writeAudit(db: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  return db.tx((t) => appendAudit(t, actor, entry));
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, name: '系统', role: null, ip: null, requestId: null };
