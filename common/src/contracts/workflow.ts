// Contracts of the application/review engine (申请/审核): drafts, submissions, reviews, versions,
// inbox. Each business type adds its own form schema (e.g. contracts/permits.ts).
import { z } from '../zod';
import { pageQuery } from './common';
import { APPLICATION_STATUSES, WORKFLOW_ACTIONS } from '../workflow';

const status = z.enum(APPLICATION_STATUSES);
const action = z.enum(WORKFLOW_ACTIONS);

export const attachmentRef = z.object({
  key: z.string().trim().min(1).max(32),
  fileId: z.string().uuid('附件编号格式不正确'),
});
export type AttachmentRef = z.infer<typeof attachmentRef>;

export const draftCreateInput = z.object({
  type: z.string().trim().min(1, '请选择业务类型').max(32),
  form: z.record(z.string(), z.unknown()).default({}),
  attachments: z.array(attachmentRef).max(50, '附件最多50个').default([]),
});

export const draftSaveInput = z.object({
  form: z.record(z.string(), z.unknown()),
  attachments: z.array(attachmentRef).max(50, '附件最多50个').default([]),
  /** The lockVersion the person's page was loaded with; a newer one means someone else changed it. */
  lockVersion: z.number().int().nonnegative('请提供页面版本'),
});

export const actInput = z.object({
  action,
  opinion: z.string().trim().max(2000, '意见不超过2000字').optional(),
  attachmentIds: z.array(z.string().uuid('附件编号格式不正确')).max(20).default([]),
  lockVersion: z.number().int().nonnegative('请提供页面版本'),
  /** 审核人员修正 (action `correct`) only: the whole corrected form; the opinion says what and why. */
  form: z.record(z.string(), z.unknown()).optional(),
});
export type ActInput = z.infer<typeof actInput>;

export const applicationSummary = z.object({
  id: z.number().int(),
  type: z.string(),
  typeLabel: z.string(),
  appNo: z.string().nullable(),
  title: z.string(),
  orgId: z.number().int(),
  orgName: z.string().nullable(),
  projectId: z.number().int().nullable(),
  status,
  statusText: z.string(),
  step: z.number().int(),
  stepLabel: z.string().nullable(),
  versionNo: z.number().int(),
  lockVersion: z.number().int(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  updatedAt: z.string(),
  resultType: z.string().nullable(),
  resultId: z.number().int().nullable(),
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;

export const applicationActionView = z.object({
  seq: z.number().int(),
  action,
  actionLabel: z.string(),
  fromStatus: status,
  toStatus: status,
  stepLabel: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  opinion: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  versionNo: z.number().int(),
  at: z.string(),
});

export const applicationDetail = applicationSummary.extend({
  form: z.record(z.string(), z.unknown()),
  attachments: z.array(attachmentRef.extend({ label: z.string(), name: z.string().nullable() })),
  requiredAttachments: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  steps: z.array(z.object({ key: z.string(), label: z.string(), roles: z.array(z.string()), days: z.number().int() })),
  actions: z.array(applicationActionView),
  versions: z.array(z.object({ versionNo: z.number().int(), at: z.string(), submitted: z.boolean() })),
  /** What the caller may do now, from the transition table. */
  allowedActions: z.array(action),
  /** For drafts and returned applications: what still stops submission. */
  missing: z.array(z.string()),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const inboxQuery = pageQuery.extend({
  box: z.enum(['todo', 'done', 'mine']).default('todo'),
  type: z.string().trim().max(32).optional(),
  status: status.optional(),
  keyword: z.string().trim().max(50, '关键字不超过50个字符').optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const versionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const notificationView = z.object({
  id: z.number().int(), kind: z.string(), title: z.string(), body: z.string().nullable(), link: z.string().nullable(), read: z.boolean(), at: z.string(),
});
