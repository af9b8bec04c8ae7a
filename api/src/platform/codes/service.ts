// 赋码: codes are issued inside the caller's transaction from a counter row locked for update,
// so a caller that rolls back takes its number with it (no gap) and two callers never share a
// number. On SQLite the lock is the db.tx queue (one writer at a time); on MySQL/MariaDB the
// issuers of a family queue on their rule's row lock, held until each caller commits.
import { QueryTypes, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import {
  CODE_FAMILY_LABELS, CODE_FAMILY_SCOPES, CODE_ISSUE_STATUS_LABELS, CODE_SCOPE_LABELS,
  checkCodeRule, codeScopeKey, parseCodeTemplate, renderCode, shanghaiYearMonth,
  type CodeFamily, type CodeIssueRow, type CodeIssueStatus, type CodeRuleBody, type CodeVerifyResponse, type CodeToken, type z, type codeIssuesQuery,
} from '@hq/common';
import { errors } from '../errors';
import { appendAudit, type AuditActor } from '../audit/audit';
import { CodeCounter, CodeIssue, CodeRule } from './models';
import { User } from '../models';

export interface IssuedCode {
  id: number;
  code: string;
  seq: number;
  /** The counter's scope key: '2026', '2026-03' or 'all'. */
  scope: string;
  prefix: string;
  year: number;
}

/** Families whose numbers are also kept in presale_permits as (authority, year, seq). */
const PERMIT_FAMILIES: readonly CodeFamily[] = ['presale_permit', 'completed_filing'];

function tokensOf(rule: CodeRule): CodeToken[] {
  const parsed = parseCodeTemplate(rule.template);
  // Rules are checked when saved; a broken one here means someone edited the table by hand.
  if (!parsed.ok) throw new Error(`code rule ${rule.family} is invalid: ${parsed.errors.join('; ')}`);
  return parsed.tokens;
}

/**
 * Issues the next code of `family` within the caller's transaction `t`. Call it from inside
 * `db.tx` (SQLite relies on that queue for its lock).
 */
export async function issueCode(
  t: Transaction,
  family: CodeFamily,
  opts: { objectType: string; objectId: string | number; at?: Date },
): Promise<IssuedCode> {
  const at = opts.at ?? new Date();
  // The rule row always exists, so locking it first never takes a gap lock; under it, one
  // issuer of the family at a time creates or advances its scope's counter. (Locking only a
  // not-yet-existing counter row deadlocks on MySQL when the first issuer of a new year rolls
  // back while others wait for its row.)
  const rule = await CodeRule.findByPk(family, { transaction: t, lock: t.LOCK.UPDATE });
  if (!rule) throw new Error(`code rule ${family} missing: migrations not applied`);
  const tokens = tokensOf(rule);
  const scope = codeScopeKey(rule.scope, at);
  const { year, month } = shanghaiYearMonth(at);

  const sequelize = CodeCounter.sequelize!;
  const ensure = sequelize.getDialect() === 'sqlite'
    ? 'INSERT INTO code_counters (family, scope_key, last_seq, updated_at) VALUES (?, ?, 0, ?) ON CONFLICT (family, scope_key) DO NOTHING'
    : 'INSERT INTO code_counters (family, scope_key, last_seq, updated_at) VALUES (?, ?, 0, ?) ON DUPLICATE KEY UPDATE last_seq = last_seq';
  await sequelize.query(ensure, { replacements: [family, scope, at], transaction: t });
  const counter = await CodeCounter.findOne({ where: { family, scope_key: scope }, lock: t.LOCK.UPDATE, transaction: t });
  if (!counter) throw new Error(`code counter ${family}/${scope} vanished`);

  let last = counter.last_seq;
  if (PERMIT_FAMILIES.includes(family) && rule.scope !== 'year_month') {
    // Permits numbered before this service (seeded, imported) share the (authority, year, seq)
    // unique index: continue after the highest of them.
    const [row] = await sequelize.query<{ m: number | null }>(
      `SELECT MAX(seq) AS m FROM presale_permits WHERE authority = ?${rule.scope === 'year' ? ' AND year = ?' : ''}`,
      { replacements: rule.scope === 'year' ? [rule.prefix, year] : [rule.prefix], type: QueryTypes.SELECT, transaction: t },
    );
    last = Math.max(last, Number(row?.m ?? 0));
  }
  const seq = last + 1;
  const code = renderCode(tokens, { prefix: rule.prefix, year, month, seq });
  await CodeCounter.update({ last_seq: seq, updated_at: at }, { where: { family, scope_key: scope }, transaction: t });
  try {
    const issue = await CodeIssue.create(
      { family, scope_key: scope, seq, code, object_type: opts.objectType, object_id: String(opts.objectId), issued_at: at },
      { transaction: t },
    );
    return { id: issue.id, code, seq, scope, prefix: rule.prefix, year };
  } catch (e) {
    // Only reachable after a rule edit that prints an old code again; the caller rolls back.
    if (e instanceof UniqueConstraintError) throw errors.conflict('CODE_COLLISION', `按当前编码规则生成的编号 ${code} 与已发放的编号重复，请管理员调整${CODE_FAMILY_LABELS[family]}的编码规则`);
    throw e;
  }
}

/** Cancels (注销) an issued code for good: it verifies as 已注销 and its number is never reused. */
export async function cancelCode(t: Transaction, code: string, reason: string, actor: AuditActor): Promise<CodeIssue> {
  const issue = await CodeIssue.findOne({ where: { code }, lock: t.LOCK.UPDATE, transaction: t });
  if (!issue) throw errors.notFound('CODE_NOT_FOUND', `编码 ${code} 不存在`);
  if (issue.status === 'cancelled') throw errors.conflict('CODE_ALREADY_CANCELLED', `编码 ${code} 已注销，不能重复注销`);
  await issue.update({ status: 'cancelled', cancelled_at: new Date(), cancelled_by: actor.userId, cancel_reason: reason }, { transaction: t });
  await appendAudit(t, actor, {
    action: 'code.cancel', objectType: 'code_issue', objectId: issue.id,
    detail: { family: issue.family, code, reason, objectType: issue.object_type, objectId: issue.object_id },
  });
  return issue;
}

export function presentIssue(i: CodeIssue): CodeIssueRow {
  return {
    id: i.id, family: i.family, familyLabel: CODE_FAMILY_LABELS[i.family], scope: i.scope_key, seq: i.seq, code: i.code,
    objectType: i.object_type, objectId: i.object_id, status: i.status as CodeIssueStatus, statusLabel: CODE_ISSUE_STATUS_LABELS[i.status as CodeIssueStatus],
    issuedAt: new Date(i.issued_at).toISOString(), cancelledAt: i.cancelled_at ? new Date(i.cancelled_at).toISOString() : null,
    cancelReason: i.cancel_reason ?? null,
  };
}

export async function listRules() {
  const rules = await CodeRule.findAll({ order: [['family', 'ASC']] });
  const editors = await User.findAll({ where: { id: rules.map((r) => r.updated_by).filter((x): x is number => x != null) }, attributes: ['id', 'display_name'] });
  const { year, month } = shanghaiYearMonth(new Date());
  return rules.map((r) => ({
    family: r.family, familyLabel: CODE_FAMILY_LABELS[r.family], prefix: r.prefix, template: r.template, scope: r.scope,
    scopeLabel: CODE_SCOPE_LABELS[r.scope], example: renderCode(tokensOf(r), { prefix: r.prefix, year, month, seq: 1 }),
    updatedAt: new Date(r.updated_at).toISOString(), updatedBy: editors.find((u) => u.id === r.updated_by)?.display_name ?? null,
  }));
}

export async function updateRule(t: Transaction, family: CodeFamily, body: CodeRuleBody, actor: AuditActor): Promise<void> {
  const problems = checkCodeRule(body, CODE_FAMILY_SCOPES[family]);
  if (problems.length) {
    throw errors.badRequest('CODE_RULE_INVALID', `编码规则有误：${problems.join('；')}`, problems.map((message) => ({ field: 'template', message })));
  }
  const rule = await CodeRule.findByPk(family, { transaction: t, lock: t.LOCK.UPDATE });
  if (!rule) throw errors.notFound('CODE_RULE_NOT_FOUND', '编码规则不存在');
  // A new scope starts new counters, which would print codes already issued under the old one.
  if (body.scope !== rule.scope && (await CodeIssue.count({ where: { family }, transaction: t })) > 0) {
    throw errors.conflict('CODE_RULE_SCOPE_LOCKED', `${CODE_FAMILY_LABELS[family]}已有发放记录，流水号重置周期不能再修改（否则新编号可能与已发放的编号重复）`);
  }
  const before = { prefix: rule.prefix, template: rule.template, scope: rule.scope };
  await rule.update({ ...body, updated_at: new Date(), updated_by: actor.userId }, { transaction: t });
  await appendAudit(t, actor, { action: 'code.rule.update', objectType: 'code_rule', objectId: family, detail: { before, after: body } });
}

export async function listIssues(query: z.infer<typeof codeIssuesQuery>) {
  const where: WhereOptions<CodeIssue> = {};
  if (query.family) where.family = query.family;
  if (query.scope) where.scope_key = query.scope;
  if (query.status) where.status = query.status;
  if (query.code) where.code = query.code;
  const { rows, count } = await CodeIssue.findAndCountAll({
    where, order: [['id', 'DESC']], limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(presentIssue), total: count, page: query.page, pageSize: query.pageSize };
}

/** Half-width brackets typed on a phone still find a code printed with full-width ones. */
const fullWidth = (code: string) => code.replace(/\(/g, '（').replace(/\)/g, '）');

export async function verifyCode(code: string): Promise<CodeVerifyResponse> {
  let issue = await CodeIssue.findOne({ where: { code } });
  if (!issue && fullWidth(code) !== code) issue = await CodeIssue.findOne({ where: { code: fullWidth(code) } });
  if (!issue) {
    return {
      valid: false, code, family: null, familyLabel: null, status: null, objectType: null, objectId: null, issuedAt: null, cancelledAt: null,
      message: '未查询到该编码，请核对是否输入有误',
    };
  }
  const valid = issue.status === 'issued';
  return {
    valid, code: issue.code, family: issue.family, familyLabel: CODE_FAMILY_LABELS[issue.family], status: CODE_ISSUE_STATUS_LABELS[issue.status as CodeIssueStatus],
    objectType: issue.object_type, objectId: issue.object_id, issuedAt: new Date(issue.issued_at).toISOString(),
    cancelledAt: issue.cancelled_at ? new Date(issue.cancelled_at).toISOString() : null,
    message: valid ? `该${CODE_FAMILY_LABELS[issue.family]}有效` : `该${CODE_FAMILY_LABELS[issue.family]}已注销`,
  };
}
