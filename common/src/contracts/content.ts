// Published content (NF-010): 政策法规, 通知公告 and 购房须知 for new homes (新建商品房),
// second-hand homes (存量房) and property management (物业管理). Regulators write, schedule,
// publish and withdraw; the public portal and the mini-program read what is due.
//
// Body format (stored and sent as plain text; clients render it as text, never as HTML):
//   - paragraphs are separated by a blank line; single line breaks inside a paragraph are kept;
//   - a line starting with "# ", "## " or "### " is a heading of level 1–3;
//   - consecutive lines starting with "- " (or "• ") form a bullet list,
//     consecutive lines starting with "1. ", "2. " … form a numbered list;
//   - consecutive lines starting and ending with "|" form a table, cells split on "|";
//     a separator row such as "|---|---|" is ignored, the first row is the header.
// `parseContentBody` turns a body into these blocks so every client renders it the same way.
import { z } from '../zod';
import { pageQuery } from './common';
import type { Role } from '../roles';

export const CONTENT_CHANNELS = ['policy', 'notice', 'guide'] as const;
export type ContentChannel = (typeof CONTENT_CHANNELS)[number];
export const CONTENT_CHANNEL_LABELS: Record<ContentChannel, string> = { policy: '政策法规', notice: '通知公告', guide: '购房须知' };

export const CONTENT_SECTIONS = ['new_home', 'second_hand', 'property'] as const;
export type ContentSection = (typeof CONTENT_SECTIONS)[number];
export const CONTENT_SECTION_LABELS: Record<ContentSection, string> = { new_home: '新建商品房', second_hand: '存量房', property: '物业管理' };

/** Topics of 购房须知; only guide items carry a category. */
export const GUIDE_CATEGORIES = ['purchase_policy', 'process', 'land_use', 'residential_vs_non', 'risk_warning', 'faq', 'video'] as const;
export type GuideCategory = (typeof GUIDE_CATEGORIES)[number];
export const GUIDE_CATEGORY_LABELS: Record<GuideCategory, string> = {
  purchase_policy: '购房政策',
  process: '购房流程说明',
  land_use: '土地用途与规划用途对照说明',
  residential_vs_non: '住宅与非住宅差异说明',
  risk_warning: '交易风险提示',
  faq: '常见问题',
  video: '《购房陷阱知多少》视频',
};

export const CONTENT_STATUSES = ['draft', 'scheduled', 'published', 'withdrawn'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const CONTENT_STATUS_LABELS: Record<ContentStatus, string> = { draft: '草稿', scheduled: '定时发布', published: '已发布', withdrawn: '已下架' };

/** Allowed status changes; the API refuses anything else with CONTENT_TRANSITION. */
export const CONTENT_TRANSITIONS: Record<ContentStatus, readonly ContentStatus[]> = {
  draft: ['scheduled', 'published'],
  scheduled: ['draft', 'published', 'withdrawn'],
  published: ['withdrawn'],
  withdrawn: ['draft'],
};

/** Named workflow events and the status each leads to; admin buttons come from this. */
export const CONTENT_ACTIONS = { publish: 'published', schedule: 'scheduled', withdraw: 'withdrawn', redraft: 'draft' } as const satisfies Record<string, ContentStatus>;
export type ContentAction = keyof typeof CONTENT_ACTIONS;
export const CONTENT_ACTION_LABELS: Record<ContentAction, string> = { publish: '立即发布', schedule: '定时发布', withdraw: '下架', redraft: '退回草稿' };

export function canTransitionContent(from: ContentStatus, to: ContentStatus): boolean {
  return CONTENT_TRANSITIONS[from].includes(to);
}

/** The actions offered for a record in this (effective) status. */
export function contentActionsFor(status: ContentStatus): ContentAction[] {
  return (Object.keys(CONTENT_ACTIONS) as ContentAction[]).filter((a) => canTransitionContent(status, CONTENT_ACTIONS[a]));
}

/** A scheduled item counts as published once its time has come; no background job is needed. */
export function effectiveContentStatus(status: ContentStatus, publishAt: Date | string | null, now: Date = new Date()): ContentStatus {
  if (status === 'scheduled' && publishAt != null && new Date(publishAt).getTime() <= now.getTime()) return 'published';
  return status;
}

/** Who writes content, and who may also read the management views. */
export const CONTENT_EDITOR_ROLES = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'] as const satisfies readonly Role[];
export const CONTENT_READER_ROLES = [...CONTENT_EDITOR_ROLES, 'inspector'] as const satisfies readonly Role[];

export const CONTENT_BODY_MAX = 100_000;
export const CONTENT_ATTACHMENTS_MAX = 20;

// ---------- body blocks ----------

export type ContentBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] };

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^(?:-|•)\s+(.*)$/;
const NUMBERED = /^\d{1,3}[.、)]\s*(.*)$/;
const TABLE_ROW = /^\|.*\|$/;
const TABLE_SEPARATOR = /^\|[\s:|-]+\|$/;

/** Split a body into headings, paragraphs, lists and tables (see the format at the top). */
export function parseContentBody(body: string): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) {
      flush();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flush();
      blocks.push({ type: 'heading', level: h[1].length as 1 | 2 | 3, text: h[2].trim() });
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      const rows: string[][] = [];
      for (; i < lines.length && TABLE_ROW.test(lines[i].trim()); i++) {
        const row = lines[i].trim();
        if (!TABLE_SEPARATOR.test(row)) rows.push(row.slice(1, -1).split('|').map((c) => c.trim()));
      }
      i--;
      blocks.push({ type: 'table', header: rows[0] ?? [], rows: rows.slice(1) });
      continue;
    }
    const listPattern = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (listPattern) {
      flush();
      const items: string[] = [];
      for (; i < lines.length && listPattern.test(lines[i].trim()); i++) items.push(listPattern.exec(lines[i].trim())![1].trim());
      i--;
      blocks.push({ type: 'list', ordered: listPattern === NUMBERED, items });
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return blocks;
}

// ---------- schemas ----------

const channel = z.enum(CONTENT_CHANNELS, { message: '栏目须为 政策法规(policy)、通知公告(notice) 或 购房须知(guide)' });
const section = z.enum(CONTENT_SECTIONS, { message: '板块须为 新建商品房(new_home)、存量房(second_hand) 或 物业管理(property)' });
const category = z.enum(GUIDE_CATEGORIES, { message: '购房须知分类不存在' });
const status = z.enum(CONTENT_STATUSES, { message: '状态须为 draft、scheduled、published 或 withdrawn' });
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不超过${max}个字符`).nullish().transform((v) => (v ? v : null));
const fileId = (label: string) => z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, `${label}文件编号格式不正确`);
const version = z.number({ message: '版本号必须为数字' }).int('版本号必须为整数').positive('版本号必须为正整数');

const contentFields = z.object({
  channel,
  section,
  category: category.nullish().transform((v) => v ?? null),
  title: z.string({ message: '请填写标题' }).trim().min(1, '请填写标题').max(200, '标题不超过200个字符'),
  summary: optionalText(500, '摘要'),
  body: z.string({ message: '请填写正文' }).trim().min(1, '请填写正文').max(CONTENT_BODY_MAX, `正文不超过${CONTENT_BODY_MAX}个字符`),
  issuer: optionalText(100, '发布机关'),
  docNo: optionalText(100, '文号'),
  videoFileId: fileId('视频').nullish().transform((v) => v ?? null),
  attachmentIds: z.array(fileId('附件')).max(CONTENT_ATTACHMENTS_MAX, `附件不超过${CONTENT_ATTACHMENTS_MAX}个`).default([]),
  communityId: z.number({ message: '小区编号必须为数字' }).int().positive('小区编号必须为正整数').nullish().transform((v) => v ?? null),
});

type ContentFields = z.infer<typeof contentFields>;

/** Cross-field rules: only guides have a category, and every guide has one; only property notices belong to a community. */
function checkContentFields(v: ContentFields, ctx: z.RefinementCtx) {
  if (v.channel === 'guide' && !v.category) ctx.addIssue({ code: 'custom', path: ['category'], message: '购房须知须选择分类' });
  if (v.channel !== 'guide' && v.category) ctx.addIssue({ code: 'custom', path: ['category'], message: '分类仅适用于购房须知' });
  if (v.channel === 'guide' && v.section === 'property') ctx.addIssue({ code: 'custom', path: ['section'], message: '购房须知仅适用于新建商品房和存量房板块' });
  if (v.communityId != null && !(v.channel === 'notice' && v.section === 'property')) {
    ctx.addIssue({ code: 'custom', path: ['communityId'], message: '小区仅适用于物业管理板块的通知公告' });
  }
  if (new Set(v.attachmentIds).size !== v.attachmentIds.length) ctx.addIssue({ code: 'custom', path: ['attachmentIds'], message: '附件不能重复' });
}

export const contentCreate = contentFields.superRefine(checkContentFields);
export type ContentCreate = z.infer<typeof contentCreate>;

/** A full replacement of the editable fields, against the version the editor last saw. */
export const contentUpdate = contentFields.extend({ version }).superRefine(checkContentFields);
export type ContentUpdate = z.infer<typeof contentUpdate>;

export const contentVersionBody = z.object({ version });
export const contentScheduleBody = z.object({
  version,
  publishAt: z.iso.datetime({ offset: true, message: '定时发布时间须为带时区的 ISO 时间，如 2026-05-01T09:00:00+08:00' }),
});
export const contentWithdrawBody = z.object({
  version,
  reason: z.string({ message: '请填写下架原因' }).trim().min(2, '请填写下架原因（至少2个字）').max(300, '下架原因不超过300个字符'),
});

const keyword = z.string().trim().max(50, '关键字不超过50个字符').optional();

export const publicContentQuery = pageQuery.extend({
  channel: channel.optional(),
  section: section.optional(),
  category: category.optional(),
  communityId: z.coerce.number().int().positive('小区编号必须为正整数').optional(),
  keyword,
});
export type PublicContentQuery = z.infer<typeof publicContentQuery>;

export const contentListQuery = publicContentQuery.extend({ status: status.optional() });
export type ContentListQuery = z.infer<typeof contentListQuery>;

export const contentAttachment = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() });

/** What the public sees in a list: no author, no workflow fields. */
export const publicContentSummary = z.object({
  id: z.number().int(),
  channel,
  section,
  category: category.nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  issuer: z.string().nullable(),
  docNo: z.string().nullable(),
  communityId: z.number().int().nullable(),
  hasVideo: z.boolean(),
  publishedAt: z.string(),
  updatedAt: z.string(),
});
export type PublicContentSummary = z.infer<typeof publicContentSummary>;

export const publicContentDetail = publicContentSummary.extend({
  body: z.string(),
  videoUrl: z.string().nullable(),
  attachments: z.array(contentAttachment),
});
export type PublicContentDetail = z.infer<typeof publicContentDetail>;

/** The management view: everything, with the effective status and the actions it allows. */
export const managedContent = z.object({
  id: z.number().int(),
  channel,
  section,
  category: category.nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  issuer: z.string().nullable(),
  docNo: z.string().nullable(),
  communityId: z.number().int().nullable(),
  hasVideo: z.boolean(),
  videoFileId: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  status,
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.number().int().nullable(),
  updatedBy: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(Object.keys(CONTENT_ACTIONS) as [ContentAction, ...ContentAction[]])),
});
export type ManagedContent = z.infer<typeof managedContent>;

export const managedContentDetail = managedContent.extend({ body: z.string(), attachments: z.array(contentAttachment), videoUrl: z.string().nullable() });
export type ManagedContentDetail = z.infer<typeof managedContentDetail>;
