import { z } from '../zod';
import { pageQuery } from './common';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;

export const auditRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});
export type AuditRecordDto = z.infer<typeof auditRecord>;

export const auditQuery = pageQuery.extend({
  action: z.string().max(64).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  from: z.string().datetime({ offset: true, message: '开始时间格式应为 ISO 8601' }).optional(),
  to: z.string().datetime({ offset: true, message: '结束时间格式应为 ISO 8601' }).optional(),
});

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  problems: z.array(
    z.object({ seq: z.number().int(), kind: z.enum(['edited', 'deleted', 'broken_link', 'tail_deleted']), message: z.string() }),
  ),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResponse>;
