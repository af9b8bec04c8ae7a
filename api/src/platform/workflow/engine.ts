// The application/review engine. A business type declares its form, its review steps (roles and
// working-day deadlines), its attachments, the conditions checked at submission and what
// approval does. Every state change goes through `act`: one transaction, the application row
// locked, the page's lockVersion checked, the transition looked up in the shared table, the
// action recorded with actor, role, opinion and attachments, audit written, people notified.
import { Op, type Transaction } from 'sequelize';
import {
  z, findTransition, allowedActions, nextStep, statusText, WORKFLOW_ACTION_LABELS, FINAL_STATUSES, ROLE_SCOPE,
  type ApplicationStatus, type WorkflowAction, type ReviewStepDef, type Role, type ApplicationDetail, type ApplicationSummary,
  type AttachmentRef,
} from '@hq/common';
import type { AuthUser } from '../http/types';
import type { Deps } from '../deps';
import { errors } from '../errors';
import { appendAudit, type AuditActor } from '../audit/audit';
import { Org, FileObject, UserRole } from '../models';
import { enqueueMessage } from '../notify/outbox';
import type { TemplateKey } from '../notify/templates';
import { loadCalendar } from '../../modules/calendar/routes';
import { Application, ApplicationAction, ApplicationVersion, Notification } from './models';

export interface ApprovalResult {
  resultType: string;
  resultId: number;
}

export interface BusinessType<F = Record<string, unknown>> {
  key: string;
  label: string;
  /** 受理编号 prefix, e.g. YS → YS2026000123. */
  prefix: string;
  applicantRoles: readonly Role[];
  steps: readonly ReviewStepDef[];
  /** The complete form, checked at submission (drafts may be partial). */
  form: z.ZodType<F>;
  attachments: readonly { key: string; label: string; required: boolean }[];
  /** The project the application is about, if any; checked against the applicant's organisation. */
  projectOf(form: Record<string, unknown>): number | null;
  title(form: Record<string, unknown>, t: Transaction): Promise<string>;
  /** Everything that stops submission (conditions of the regulations), all at once, in Chinese. */
  missing(t: Transaction, form: F, app: Application): Promise<string[]>;
  /** Final approval's effects, inside the approval transaction. */
  onApprove(t: Transaction, app: Application, form: F, actor: AuditActor, deps: Deps): Promise<ApprovalResult | void>;
  /** Extra check when a draft's project is chosen (e.g. it belongs to the applicant). */
  authoriseProject?(t: Transaction, projectId: number, user: AuthUser): Promise<void>;
  /** The reviewer of the current step may correct the form directly (审核人员修正, action `correct`). */
  reviewerMayCorrect?: boolean;
}

const registry = new Map<string, BusinessType<never>>();

export function registerBusinessType<F>(type: BusinessType<F>): void {
  registry.set(type.key, type as unknown as BusinessType<never>);
}

export function businessType(key: string): BusinessType<Record<string, unknown>> {
  const t = registry.get(key);
  if (!t) throw errors.validation([{ field: 'type', message: `业务类型「${key}」不存在` }]);
  return t as unknown as BusinessType<Record<string, unknown>>;
}

export function businessTypes(): BusinessType<Record<string, unknown>>[] {
  return [...registry.values()] as unknown as BusinessType<Record<string, unknown>>[];
}

// ---------- who is acting ----------

/**
 * The applicant's side: staff of the applicant enterprise; a person whose role sees only their
 * own records (a broker applying for their own filing) only on applications they created.
 */
export function isApplicant(user: AuthUser, app: Application, type: BusinessType<Record<string, unknown>>): boolean {
  const roles = type.applicantRoles.filter((r) => user.roles.includes(r));
  if (roles.some((r) => ROLE_SCOPE[r] !== 'self') && user.orgId === app.org_id) return true;
  return roles.some((r) => ROLE_SCOPE[r] === 'self') && app.created_by === user.id && user.orgId === app.org_id;
}

function reviewerRole(user: AuthUser, app: Application, type: BusinessType<Record<string, unknown>>): Role | null {
  if (app.status !== 'submitted' && app.status !== 'in_review') return null;
  const step = type.steps[app.step - 1];
  return (step?.roles.find((r) => user.roles.includes(r as Role)) as Role | undefined) ?? null;
}

/** The actions this person may take now, from the shared table and their side. */
export function actionsFor(user: AuthUser, app: Application, type: BusinessType<Record<string, unknown>>): WorkflowAction[] {
  const out: WorkflowAction[] = [];
  if (isApplicant(user, app, type)) out.push(...allowedActions(app.status, 'applicant'));
  if (reviewerRole(user, app, type)) out.push(...allowedActions(app.status, 'reviewer').filter((a) => a !== 'correct' || type.reviewerMayCorrect));
  return out;
}

/**
 * May this person see the application at all? Any regulator; whoever reviews this business type
 * (e.g. the industry association for agency filings); the applicant's side; and staff of the
 * applicant organisation whose role sees its records (not a broker looking at a colleague's).
 */
export function canSee(user: AuthUser, app: Application, regulatorRoles: readonly Role[]): boolean {
  if (user.roles.some((r) => regulatorRoles.includes(r))) return true;
  const type = registry.get(app.type) as unknown as BusinessType<Record<string, unknown>> | undefined;
  if (type?.steps.some((s) => s.roles.some((r) => user.roles.includes(r as Role)))) return true;
  if (type && isApplicant(user, app, type)) return true;
  return user.orgId === app.org_id && user.roles.some((r) => ROLE_SCOPE[r] !== 'self');
}

// ---------- versions ----------

async function latestVersion(t: Transaction, app: Application): Promise<ApplicationVersion> {
  const v = await ApplicationVersion.findOne({ where: { application_id: app.id, version_no: app.version_no }, transaction: t });
  if (!v) throw new Error(`application ${app.id} has no version ${app.version_no}`);
  return v;
}

async function lastSubmittedVersion(t: Transaction, appId: number): Promise<number> {
  // A reviewer's correction freezes its version too: the applicant's next edit starts a new one.
  const a = await ApplicationAction.findOne({ where: { application_id: appId, action: ['submit', 'resubmit', 'correct'] }, order: [['seq', 'DESC']], transaction: t });
  return a?.version_no ?? 0;
}

async function checkAttachments(t: Transaction, user: AuthUser, attachments: AttachmentRef[], type: BusinessType<Record<string, unknown>>): Promise<void> {
  const keys = new Set(type.attachments.map((a) => a.key));
  const bad = attachments.filter((a) => !keys.has(a.key));
  if (bad.length) throw errors.validation(bad.map((a) => ({ field: 'attachments', message: `附件类别「${a.key}」不属于本业务` })));
  if (!attachments.length) return;
  const files = await FileObject.findAll({ where: { id: attachments.map((a) => a.fileId) }, attributes: ['id', 'owner_user_id', 'org_id'], transaction: t });
  const mine = new Set(files.filter((f) => f.owner_user_id === user.id || (user.orgId != null && f.org_id === user.orgId)).map((f) => f.id));
  const foreign = attachments.filter((a) => !mine.has(a.fileId));
  if (foreign.length) throw errors.validation(foreign.map((a) => ({ field: 'attachments', message: `附件 ${a.fileId} 不存在或不属于本单位，请重新上传` })));
}

/** Create a draft (草稿箱). */
export async function createDraft(
  t: Transaction, user: AuthUser, actor: AuditActor, typeKey: string, form: Record<string, unknown>, attachments: AttachmentRef[],
): Promise<Application> {
  const type = businessType(typeKey);
  if (!type.applicantRoles.some((r) => user.roles.includes(r)) || user.orgId == null) {
    throw errors.forbidden('WORKFLOW_NOT_APPLICANT', `您的角色不能申请「${type.label}」`);
  }
  const projectId = type.projectOf(form);
  if (projectId != null && type.authoriseProject) await type.authoriseProject(t, projectId, user);
  await checkAttachments(t, user, attachments, type);
  const app = await Application.create(
    { type: type.key, title: await type.title(form, t), org_id: user.orgId, project_id: projectId, created_by: user.id, status: 'draft' },
    { transaction: t },
  );
  await ApplicationVersion.create(
    { application_id: app.id, version_no: 1, form: JSON.stringify(form), attachments: JSON.stringify(attachments), created_by: user.id },
    { transaction: t },
  );
  await appendAudit(t, actor, { action: 'application.create', objectType: 'application', objectId: app.id, detail: { type: type.key } });
  return app;
}

async function lockApp(t: Transaction, id: number, lockVersion: number): Promise<Application> {
  const app = await Application.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!app) throw errors.notFound('APPLICATION_NOT_FOUND', '申请不存在');
  if (app.lock_version !== lockVersion) {
    throw errors.conflict('WORKFLOW_STALE', '该申请已被他人处理或修改，请刷新页面查看最新状态');
  }
  return app;
}

/**
 * Save the form (autosave of a draft, or edits while returned for supplements). A returned
 * application's first save starts a new version; the reviewed version stays as it was.
 */
export async function saveForm(
  t: Transaction, user: AuthUser, actor: AuditActor, id: number, lockVersion: number, form: Record<string, unknown>, attachments: AttachmentRef[],
): Promise<Application> {
  const app = await lockApp(t, id, lockVersion);
  const type = businessType(app.type);
  if (!isApplicant(user, app, type)) throw errors.forbidden('WORKFLOW_NOT_APPLICANT', '只有申请单位可以修改申请');
  if (!findTransition(app.status, 'save')) {
    throw errors.conflict('WORKFLOW_TRANSITION', `「${statusText(app.status, app.step, type.steps)}」状态的申请不能修改`);
  }
  const projectId = type.projectOf(form);
  if (projectId != null && projectId !== app.project_id && type.authoriseProject) await type.authoriseProject(t, projectId, user);
  await checkAttachments(t, user, attachments, type);
  const submitted = await lastSubmittedVersion(t, app.id);
  let versionNo = app.version_no;
  if (submitted === app.version_no) {
    versionNo = app.version_no + 1;
    await ApplicationVersion.create(
      { application_id: app.id, version_no: versionNo, form: JSON.stringify(form), attachments: JSON.stringify(attachments), created_by: user.id },
      { transaction: t },
    );
  } else {
    await ApplicationVersion.update(
      { form: JSON.stringify(form), attachments: JSON.stringify(attachments), updated_at: new Date() },
      { where: { application_id: app.id, version_no: versionNo }, transaction: t },
    );
  }
  await app.update(
    { title: await type.title(form, t), project_id: projectId, version_no: versionNo, lock_version: app.lock_version + 1, updated_at: new Date() },
    { transaction: t },
  );
  return app;
}

/** What stops submission: form errors, missing required attachments, unmet conditions — all at once. */
export async function missingFor(t: Transaction, app: Application): Promise<{ form: Record<string, unknown> | null; missing: string[] }> {
  const type = businessType(app.type);
  const v = await latestVersion(t, app);
  const raw = JSON.parse(v.form) as Record<string, unknown>;
  const attachments = JSON.parse(v.attachments) as AttachmentRef[];
  const missing: string[] = [];
  const parsed = type.form.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) missing.push(/[\u4e00-\u9fa5]/.test(i.message) ? i.message : `${i.path.join('.')}：${i.message}`);
  }
  for (const a of type.attachments) if (a.required && !attachments.some((x) => x.key === a.key)) missing.push(`缺少附件：${a.label}`);
  if (parsed.success) missing.push(...(await type.missing(t, parsed.data, app)));
  return { form: parsed.success ? (parsed.data as Record<string, unknown>) : null, missing: [...new Set(missing)] };
}

async function notify(t: Transaction, rows: { user_id?: number | null; role?: string | null; org_id?: number | null; kind: string; title: string; body?: string; link?: string }[]): Promise<void> {
  if (!rows.length) return;
  await Notification.bulkCreate(rows.map((r) => ({ user_id: r.user_id ?? null, role: r.role ?? null, org_id: r.org_id ?? null, kind: r.kind, title: r.title, body: r.body ?? null, link: r.link ?? null })), { transaction: t });
}

async function deadlineFor(t: Transaction, step: ReviewStepDef | undefined, from: Date): Promise<Date | null> {
  if (!step) return null;
  const cal = await loadCalendar(t);
  const day = from.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const due = cal.addWorkingDays(day, step.days);
  // The end of the due day in Shanghai.
  return new Date(`${due}T23:59:59.999+08:00`);
}

/** Take one action on an application (submit, approve, return, reject, resubmit, withdraw). */
export async function act(
  t: Transaction, user: AuthUser, actor: AuditActor, id: number,
  input: { action: WorkflowAction; opinion?: string; attachmentIds?: string[]; lockVersion: number; form?: Record<string, unknown> },
  deps: Deps,
): Promise<Application> {
  const current = await Application.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!current) throw errors.notFound('APPLICATION_NOT_FOUND', '申请不存在');
  const type = businessType(current.type);
  // A second click on 提交 (the same person, nothing changed since) is harmless: answer with the application as it is.
  if ((input.action === 'submit' || input.action === 'resubmit') && current.status === 'submitted' && current.lock_version === input.lockVersion + 1) {
    const last = await ApplicationAction.findOne({ where: { application_id: id }, order: [['seq', 'DESC']], transaction: t });
    if (last && last.action === input.action && last.actor_user_id === user.id) return current;
  }
  const app = await lockApp(t, id, input.lockVersion);
  const tr = findTransition(app.status, input.action);
  if (!tr || input.action === 'save') {
    throw errors.conflict('WORKFLOW_TRANSITION', `「${statusText(app.status, app.step, type.steps)}」状态的申请不能「${WORKFLOW_ACTION_LABELS[input.action]}」`);
  }
  let role: Role | null = null;
  if (tr.by === 'applicant') {
    if (!isApplicant(user, app, type)) throw errors.forbidden('WORKFLOW_NOT_APPLICANT', '只有申请单位可以进行此操作');
    role = type.applicantRoles.find((r) => user.roles.includes(r)) ?? null;
  } else {
    role = reviewerRole(user, app, type);
    if (!role) throw errors.forbidden('WORKFLOW_NOT_YOUR_STEP', `当前环节为「${type.steps[app.step - 1]?.label ?? ''}」，您没有该环节的审核权限`);
  }
  if (tr.opinion && !input.opinion?.trim()) throw errors.validation([{ field: 'opinion', message: `「${WORKFLOW_ACTION_LABELS[input.action]}」须填写意见` }]);
  if (input.action === 'correct') return correctForm(t, user, actor, app, type, role!, input.form, input.opinion!.trim());

  const now = new Date();
  let to: { status: ApplicationStatus; step: number };
  let form: Record<string, unknown> | null = null;
  if (input.action === 'submit' || input.action === 'resubmit') {
    const check = await missingFor(t, app);
    if (check.missing.length) {
      throw errors.validation(check.missing.map((m) => ({ field: 'form', message: m })));
    }
    form = check.form;
    to = { status: 'submitted', step: 1 };
  } else if (tr.to === 'next') {
    to = nextStep(app.step, type.steps.length);
  } else {
    to = { status: tr.to, step: tr.to === 'withdrawn' || tr.to === 'returned' || tr.to === 'rejected' ? app.step : 0 };
  }

  const updates: Partial<Application> = { status: to.status, step: to.step, lock_version: app.lock_version + 1, updated_at: now };
  if (to.status === 'submitted' || to.status === 'in_review') {
    const step = type.steps[to.step - 1];
    updates.step_roles = step.roles.join(',');
    updates.deadline_at = await deadlineFor(t, step, now);
  } else {
    updates.step_roles = '';
    updates.deadline_at = null;
  }
  if (input.action === 'submit' && !app.app_no) {
    updates.app_no = `${type.prefix}${now.getFullYear()}${String(app.id).padStart(6, '0')}`;
    updates.submitted_at = now;
  }
  if (input.action === 'resubmit') updates.submitted_at = now;
  if (FINAL_STATUSES.includes(to.status)) updates.decided_at = now;
  if (to.status === 'approved') {
    const v = await latestVersion(t, app);
    const parsed = type.form.parse(JSON.parse(v.form));
    const result = await type.onApprove(t, app, parsed, actor, deps);
    if (result) {
      updates.result_type = result.resultType;
      updates.result_id = result.resultId;
    }
  }
  const seq = (await ApplicationAction.count({ where: { application_id: app.id }, transaction: t })) + 1;
  const stepLabel = tr.by === 'reviewer' ? type.steps[app.step - 1]?.label ?? null : null;
  await ApplicationAction.create({
    application_id: app.id, seq, action: input.action, from_status: app.status, from_step: app.step, to_status: to.status, to_step: to.step,
    step_label: stepLabel, actor_user_id: user.id, actor_name: user.displayName, actor_role: role, opinion: input.opinion?.trim() || null,
    attachment_ids: (input.attachmentIds ?? []).join(','), version_no: app.version_no,
  }, { transaction: t });
  const fromStatus = app.status;
  await app.update(updates, { transaction: t });
  await appendAudit(t, actor, {
    action: `application.${input.action}`, objectType: 'application', objectId: app.id,
    detail: { type: type.key, appNo: app.app_no, from: fromStatus, to: to.status, step: to.step, opinion: input.opinion ?? null, version: app.version_no, form: form ? '[checked]' : undefined },
  });

  const link = `/applications/${app.id}`;
  const label = `${type.label}${app.app_no ? `（${app.app_no}）` : ''}`;
  const notice = { business: type.label, appNo: app.app_no, title: app.title, opinion: input.opinion?.trim() || null };
  if (to.status === 'submitted' || to.status === 'in_review') {
    const step = type.steps[to.step - 1];
    await notify(t, step.roles.map((r) => ({ role: r, kind: 'workflow.todo', title: `待${step.label}：${app.title}`, body: label, link })));
    // Phones too: every active holder of the step's roles gets one 待办 notice per step reached.
    const holders = await UserRole.findAll({ where: { role: [...step.roles] }, attributes: ['user_id'], transaction: t });
    for (const userId of new Set(holders.map((h) => h.user_id))) {
      await enqueueMessage(t, { userId, template: 'workflow.todo', data: { ...notice, opinion: null, step: step.label }, dedupeKey: `application:${app.id}:todo:${seq}` });
    }
  }
  if (['returned', 'rejected', 'approved'].includes(to.status) && app.created_by) {
    await notify(t, [{ user_id: app.created_by, org_id: app.org_id, kind: `workflow.${to.status}`, title: `${label}${to.status === 'approved' ? '已通过' : to.status === 'returned' ? '被退回补正' : '未予通过'}`, body: input.opinion ?? undefined, link }]);
    await enqueueMessage(t, { userId: app.created_by, template: `workflow.${to.status}` as TemplateKey, data: notice, dedupeKey: `application:${app.id}:${to.status}:${seq}` });
  }
  return app;
}

/**
 * 审核人员修正 (RE-066): the reviewer of the current step replaces the form with a corrected one.
 * The corrected form must be complete and meet the type's conditions; it becomes a new version
 * (the applicant's stays as it was, and the diff shows what changed), recorded as an action with
 * the reviewer's reason, audited with the changed fields, and the applicant is told.
 */
async function correctForm(
  t: Transaction, user: AuthUser, actor: AuditActor, app: Application, type: BusinessType<Record<string, unknown>>, role: Role,
  form: Record<string, unknown> | undefined, opinion: string,
): Promise<Application> {
  if (!type.reviewerMayCorrect) throw errors.conflict('WORKFLOW_TRANSITION', `「${type.label}」不允许审核人员直接修改申请内容，请退回申请单位补正`);
  if (!form) throw errors.validation([{ field: 'form', message: '请提交修正后的完整申请表（form）' }]);
  const parsed = type.form.safeParse(form);
  if (!parsed.success) {
    throw errors.validation(parsed.error.issues.map((i) => ({ field: `form.${i.path.join('.')}`, message: /[\u4e00-\u9fa5]/.test(i.message) ? i.message : `${i.path.join('.')}：${i.message}` })));
  }
  const current = await latestVersion(t, app);
  const changes = diffForms(JSON.parse(current.form), form);
  if (!changes.length) throw errors.validation([{ field: 'form', message: '修正后的申请表与原申请表相同，没有需要保存的修改' }]);
  const missing = await type.missing(t, parsed.data, app);
  if (missing.length) throw errors.validation(missing.map((m) => ({ field: 'form', message: m })));
  const versionNo = app.version_no + 1;
  await ApplicationVersion.create(
    { application_id: app.id, version_no: versionNo, form: JSON.stringify(form), attachments: current.attachments, created_by: user.id },
    { transaction: t },
  );
  const seq = (await ApplicationAction.count({ where: { application_id: app.id }, transaction: t })) + 1;
  await ApplicationAction.create({
    application_id: app.id, seq, action: 'correct', from_status: app.status, from_step: app.step, to_status: app.status, to_step: app.step,
    step_label: type.steps[app.step - 1]?.label ?? null, actor_user_id: user.id, actor_name: user.displayName, actor_role: role, opinion,
    attachment_ids: '', version_no: versionNo,
  }, { transaction: t });
  await app.update({ title: await type.title(form, t), version_no: versionNo, lock_version: app.lock_version + 1, updated_at: new Date() }, { transaction: t });
  await appendAudit(t, actor, {
    action: 'application.correct', objectType: 'application', objectId: app.id,
    detail: { type: type.key, appNo: app.app_no, version: versionNo, reason: opinion, changes: changes.map((c) => ({ path: c.path, before: c.before, after: c.after })) },
  });
  if (app.created_by) {
    await notify(t, [{
      user_id: app.created_by, org_id: app.org_id, kind: 'workflow.corrected', title: `${type.label}${app.app_no ? `（${app.app_no}）` : ''}的申请内容已由审核人员修正`,
      body: `${opinion}（修改了${changes.length}项）`, link: `/applications/${app.id}`,
    }]);
  }
  return app;
}

// ---------- presenting ----------

export function isOverdue(app: Pick<Application, 'status' | 'deadline_at'>, now = new Date()): boolean {
  return (app.status === 'submitted' || app.status === 'in_review') && !!app.deadline_at && app.deadline_at < now;
}

export function summarise(app: Application, orgName: string | null): ApplicationSummary {
  const type = registry.get(app.type) as unknown as BusinessType<Record<string, unknown>> | undefined;
  const steps = type?.steps ?? [];
  return {
    id: app.id, type: app.type, typeLabel: type?.label ?? app.type, appNo: app.app_no, title: app.title, orgId: app.org_id, orgName,
    projectId: app.project_id, status: app.status, statusText: statusText(app.status, app.step, steps), step: app.step,
    stepLabel: app.step ? steps[app.step - 1]?.label ?? null : null, versionNo: app.version_no, lockVersion: app.lock_version,
    deadlineAt: app.deadline_at?.toISOString() ?? null, overdue: isOverdue(app), submittedAt: app.submitted_at?.toISOString() ?? null,
    decidedAt: app.decided_at?.toISOString() ?? null, updatedAt: app.updated_at.toISOString(), resultType: app.result_type, resultId: app.result_id,
  };
}

export async function orgNames(ids: number[], t?: Transaction): Promise<Map<number, string>> {
  const orgs = await Org.findAll({ where: { id: [...new Set(ids)] }, attributes: ['id', 'name'], transaction: t });
  return new Map(orgs.map((o) => [o.id, o.name]));
}

export async function detail(t: Transaction, user: AuthUser, app: Application): Promise<ApplicationDetail> {
  const type = businessType(app.type);
  const [v, actions, versions, names] = await Promise.all([
    latestVersion(t, app),
    ApplicationAction.findAll({ where: { application_id: app.id }, order: [['seq', 'ASC']], transaction: t }),
    ApplicationVersion.findAll({ where: { application_id: app.id }, attributes: ['version_no', 'created_at', 'updated_at'], order: [['version_no', 'ASC']], transaction: t }),
    orgNames([app.org_id], t),
  ]);
  const attachments = JSON.parse(v.attachments) as AttachmentRef[];
  const files = attachments.length ? await FileObject.findAll({ where: { id: attachments.map((a) => a.fileId) }, attributes: ['id', 'name'], transaction: t }) : [];
  const fileNames = new Map(files.map((f) => [f.id, f.name]));
  const submittedVersions = new Set(actions.filter((a) => a.action === 'submit' || a.action === 'resubmit' || a.action === 'correct').map((a) => a.version_no));
  const editable = app.status === 'draft' || app.status === 'returned';
  return {
    ...summarise(app, names.get(app.org_id) ?? null),
    form: JSON.parse(v.form) as Record<string, unknown>,
    attachments: attachments.map((a) => ({ ...a, label: type.attachments.find((x) => x.key === a.key)?.label ?? a.key, name: fileNames.get(a.fileId) ?? null })),
    requiredAttachments: type.attachments.map((a) => ({ ...a })),
    steps: type.steps.map((s) => ({ key: s.key, label: s.label, roles: [...s.roles], days: s.days })),
    actions: actions.map((a) => ({
      seq: a.seq, action: a.action, actionLabel: WORKFLOW_ACTION_LABELS[a.action], fromStatus: a.from_status, toStatus: a.to_status, stepLabel: a.step_label,
      actorName: a.actor_name, actorRole: a.actor_role, opinion: a.opinion, attachmentIds: a.attachment_ids ? a.attachment_ids.split(',') : [], versionNo: a.version_no,
      at: a.created_at.toISOString(),
    })),
    versions: versions.map((x) => ({ versionNo: x.version_no, at: x.updated_at.toISOString(), submitted: submittedVersions.has(x.version_no) })),
    allowedActions: actionsFor(user, app, type),
    missing: editable ? (await missingFor(t, app)).missing : [],
  };
}

/** Field-by-field differences between two versions of the form (paths like rooms[3] or contacts.salesDirector.name). */
export function diffForms(a: unknown, b: unknown, path = ''): { path: string; before: unknown; after: unknown }[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => diffForms(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return [{ path: path || '(form)', before: a ?? null, after: b ?? null }];
}

export { Op };
