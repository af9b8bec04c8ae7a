// 形象进度 (RE-010): a developer reports a building's construction node with 1–9 photos; the
// photos become public and the building's progress moves forward only.
import { z } from '../zod';
import { pageQuery, pageOf } from './common';
import { PROGRESS_NODES, type ProgressNode } from '../realestate';
import { photo } from './realestate';

export const PROGRESS_NODE_KEYS = Object.keys(PROGRESS_NODES) as [ProgressNode, ...ProgressNode[]];
/** Construction order: a report may not name a node before the building's current one. */
export const progressRank = (node: string): number => PROGRESS_NODE_KEYS.indexOf(node as ProgressNode);
export const PROGRESS_PHOTO_LIMITS = { min: 1, max: 9 } as const;

export const progressReportInput = z.object({
  node: z.enum(PROGRESS_NODE_KEYS, { message: `形象进度节点应为：${Object.values(PROGRESS_NODES).join('、')}` }),
  /** Floors whose structure is done; required for 主体施工. */
  floorsDone: z.number({ message: '已完成层数必须是数字' }).int('已完成层数必须为整数').min(0, '已完成层数不能为负').max(200).nullable().optional(),
  reportedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '进度日期格式为 YYYY-MM-DD'),
  description: z.string().trim().max(1000, '进度说明不超过1000个字符').nullable().optional(),
  photoIds: z
    .array(z.string().uuid('照片编号格式不正确'), { message: '请上传现场照片' })
    .min(PROGRESS_PHOTO_LIMITS.min, `至少上传${PROGRESS_PHOTO_LIMITS.min}张现场照片`)
    .max(PROGRESS_PHOTO_LIMITS.max, `最多上传${PROGRESS_PHOTO_LIMITS.max}张现场照片`),
});
export type ProgressReportInput = z.infer<typeof progressReportInput>;

export const progressReportView = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  buildingId: z.number().int(),
  buildingNo: z.string(),
  node: z.enum(PROGRESS_NODE_KEYS),
  nodeLabel: z.string(),
  floorsDone: z.number().int().nullable(),
  reportedOn: z.string(),
  description: z.string().nullable(),
  /** Public URLs (location metadata removed). */
  photos: z.array(photo),
  reportedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ProgressReportView = z.infer<typeof progressReportView>;

export const progressListQuery = pageQuery;
export const progressPage = pageOf(progressReportView);
