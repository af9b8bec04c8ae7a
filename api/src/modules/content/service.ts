// Rules of published content (NF-010): what the public may see, and the status changes
// regulators make. Property companies edit one kind of content too: the notices of the
// communities they serve (小区公告, PM-083/134), and only those. A scheduled item becomes public when its time comes, with no background
// job: every public read asks for "published, or scheduled and due", and the first change to
// a due item records it as published before anything else happens.
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import {
  CONTENT_ACTIONS, CONTENT_ACTION_LABELS, CONTENT_READER_ROLES, CONTENT_STATUS_LABELS, canTransitionContent, contentActionsFor, effectiveContentStatus,
  type ContentAction, type ContentCreate, type ContentListQuery, type ContentStatus, type ContentUpdate, type ManagedContent,
  type ManagedContentDetail, type PublicContentDetail, type PublicContentQuery, type PublicContentSummary,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import type { AuthUser } from '../../platform/http/types';
import { FileObject, Org } from '../../platform/models';
import { AppError, errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { Community } from '../property/models';
import { Content } from './models';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const idsOf = (csv: string) => (csv ? csv.split(',').filter(Boolean) : []);
const likeOf = (keyword: string) => `%${keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

const notFound = () => errors.notFound('CONTENT_NOT_FOUND', '内容不存在或尚未发布');

/** Published, or scheduled and due: what the public may see at `now`. */
export function visibleAt(now: Date): WhereOptions {
  return { [Op.or]: [{ status: 'published' }, { status: 'scheduled', publish_at: { [Op.lte]: now } }] };
}

function statusWhere(status: ContentStatus, now: Date): WhereOptions {
  if (status === 'published') return visibleAt(now);
  if (status === 'scheduled') return { status: 'scheduled', publish_at: { [Op.gt]: now } };
  return { status };
}

function filterWhere(q: PublicContentQuery): WhereOptions[] {
  const and: WhereOptions[] = [];
  if (q.channel) and.push({ channel: q.channel });
  if (q.section) and.push({ section: q.section });
  if (q.category) and.push({ category: q.category });
  if (q.communityId) and.push({ community_id: q.communityId });
  if (q.keyword) {
    const like = likeOf(q.keyword);
    and.push({ [Op.or]: ['title', 'summary', 'doc_no', 'issuer', 'body'].map((col) => ({ [col]: { [Op.like]: like } })) });
  }
  return and;
}

const statusOf = (c: Content, now: Date) => effectiveContentStatus(c.status as ContentStatus, c.publish_at, now);

// ---------- who edits: regulators everything, a property company its communities' notices ----------

/** Property company staff and managers publish notices to the communities their company serves. */
export const COMMUNITY_NOTICE_EDITOR_ROLES = ['property_staff', 'property_manager'] as const;

export type ContentEditor = { kind: 'regulator' } | { kind: 'property'; orgId: number };
export const REGULATOR_EDITOR: ContentEditor = { kind: 'regulator' };

/** The route let the person in; which content they may touch depends on which side they are on. */
export function contentEditorOf(user: AuthUser): ContentEditor {
  if (user.roles.some((r) => (CONTENT_READER_ROLES as readonly string[]).includes(r))) return REGULATOR_EDITOR;
  if (user.orgId != null && user.roles.some((r) => (COMMUNITY_NOTICE_EDITOR_ROLES as readonly string[]).includes(r))) return { kind: 'property', orgId: user.orgId };
  throw errors.forbidden('ROLE_DENIED', '您的角色无权访问此功能');
}

async function communitiesOf(orgId: number, t?: Transaction): Promise<number[]> {
  return (await Community.findAll({ where: { property_org_id: orgId }, attributes: ['id'], transaction: t })).map((c) => c.id);
}

/** A property company may write only 物业管理 notices of a community it serves. */
async function checkCommunityNotice(t: Transaction, editor: ContentEditor, input: ContentCreate): Promise<void> {
  if (editor.kind === 'regulator') return;
  if (input.channel !== 'notice' || input.section !== 'property' || input.communityId == null) {
    throw errors.forbidden('CONTENT_COMMUNITY_ONLY', '物业服务企业只能发布本企业服务小区的小区公告（栏目选“通知公告”、板块选“物业管理”并选择小区）');
  }
  const c = await Community.findByPk(input.communityId, { attributes: ['id', 'property_org_id'], transaction: t });
  if (c && c.property_org_id !== editor.orgId) throw errors.forbidden('CONTENT_COMMUNITY_ONLY', '只能向本企业服务的小区发布公告');
}

/** Content outside a property company's communities does not exist for it. */
async function assertEditable(t: Transaction | undefined, editor: ContentEditor, c: Content): Promise<void> {
  if (editor.kind === 'regulator') return;
  const own = c.community_id != null && c.channel === 'notice' && (await communitiesOf(editor.orgId, t)).includes(c.community_id);
  if (!own) throw errors.notFound('CONTENT_NOT_FOUND', '内容不存在');
}

// ---------- presenters: the public never sees authors or workflow fields ----------

function presentPublicSummary(c: Content): PublicContentSummary {
  return {
    id: c.id, channel: c.channel as PublicContentSummary['channel'], section: c.section as PublicContentSummary['section'],
    category: (c.category ?? null) as PublicContentSummary['category'], title: c.title, summary: c.summary ?? null,
    issuer: c.issuer ?? null, docNo: c.doc_no ?? null, communityId: c.community_id ?? null, hasVideo: !!c.video_file_id,
    publishedAt: iso(c.published_at ?? c.publish_at)!, updatedAt: iso(c.updated_at)!,
  };
}

async function attachmentsOf(c: Content, urlOf: (fileId: string) => string) {
  const ids = idsOf(c.attachment_ids);
  if (!ids.length) return [];
  const files = await FileObject.findAll({ where: { id: ids } });
  return ids.flatMap((id) => {
    const f = files.find((x) => x.id === id);
    return f ? [{ id: f.id, name: f.name, mime: f.kind === 'image' ? 'image/jpeg' : f.mime, size: Number(f.size), url: urlOf(f.id) }] : [];
  });
}

function presentManaged(c: Content, now: Date): ManagedContent {
  const status = statusOf(c, now);
  return {
    ...presentPublicSummary(c),
    videoFileId: c.video_file_id ?? null, attachmentIds: idsOf(c.attachment_ids), status,
    publishAt: iso(c.publish_at), publishedAt: iso(c.published_at ?? (status === 'published' ? c.publish_at : null)),
    withdrawnAt: iso(c.withdrawn_at), withdrawReason: c.withdraw_reason ?? null, version: c.version,
    createdBy: c.created_by ?? null, updatedBy: c.updated_by ?? null, createdAt: iso(c.created_at)!, updatedAt: iso(c.updated_at)!,
    actions: contentActionsFor(status),
  };
}

// ---------- public reads ----------

export async function listPublicContents(q: PublicContentQuery, now = new Date()): Promise<Page<PublicContentSummary>> {
  const { rows, count } = await Content.findAndCountAll({
    where: { [Op.and]: [visibleAt(now), ...filterWhere(q)] },
    attributes: { exclude: ['body'] },
    order: [['publish_at', 'DESC'], ['id', 'DESC']],
    limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(presentPublicSummary), total: count, page: q.page, pageSize: q.pageSize };
}

/** The content if the public may see it now; otherwise CONTENT_NOT_FOUND, whatever the reason. */
export async function findPublicContent(id: number, now = new Date()): Promise<Content> {
  const c = await Content.findOne({ where: { [Op.and]: [{ id }, visibleAt(now)] } });
  if (!c) throw notFound();
  return c;
}

export async function presentPublicDetail(c: Content): Promise<PublicContentDetail> {
  return {
    ...presentPublicSummary(c), body: c.body,
    videoUrl: c.video_file_id ? `/api/public/contents/${c.id}/video` : null,
    attachments: await attachmentsOf(c, (fid) => `/api/public/contents/${c.id}/attachments/${fid}`),
  };
}

/** The stored video of public content, or 404. */
export async function publicVideoOf(id: number): Promise<FileObject> {
  const c = await findPublicContent(id);
  const f = c.video_file_id ? await FileObject.findByPk(c.video_file_id) : null;
  if (!f || f.kind !== 'video') throw errors.notFound('CONTENT_VIDEO_NOT_FOUND', '该内容没有视频');
  return f;
}

/** One attachment of public content; only files the content lists are reachable this way. */
export async function publicAttachmentOf(id: number, fileId: string): Promise<FileObject> {
  const c = await findPublicContent(id);
  const f = idsOf(c.attachment_ids).includes(fileId) ? await FileObject.findByPk(fileId) : null;
  if (!f) throw errors.notFound('CONTENT_ATTACHMENT_NOT_FOUND', '附件不存在');
  return f;
}

// ---------- management ----------

export async function listContents(q: ContentListQuery, now = new Date(), editor: ContentEditor = REGULATOR_EDITOR): Promise<Page<ManagedContent>> {
  const and = filterWhere(q);
  if (q.status) and.push(statusWhere(q.status, now));
  if (editor.kind === 'property') and.push({ channel: 'notice', community_id: await communitiesOf(editor.orgId) });
  const { rows, count } = await Content.findAndCountAll({
    where: { [Op.and]: and },
    attributes: { exclude: ['body'] },
    order: [['updated_at', 'DESC'], ['id', 'DESC']],
    limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((c) => presentManaged(c, now)), total: count, page: q.page, pageSize: q.pageSize };
}

export async function getContent(id: number, now = new Date(), editor: ContentEditor = REGULATOR_EDITOR): Promise<ManagedContentDetail> {
  const c = await Content.findByPk(id);
  if (!c) throw errors.notFound('CONTENT_NOT_FOUND', '内容不存在');
  await assertEditable(undefined, editor, c);
  return {
    ...presentManaged(c, now), body: c.body,
    videoUrl: c.video_file_id ? `/api/files/${c.video_file_id}` : null,
    attachments: await attachmentsOf(c, (fid) => `/api/files/${fid}`),
  };
}

/** Linked files and community must exist; the video must really be a video. */
async function checkReferences(t: Transaction, input: ContentCreate): Promise<void> {
  if (input.videoFileId) {
    const v = await FileObject.findByPk(input.videoFileId, { transaction: t });
    if (!v || v.kind !== 'video') {
      throw errors.badRequest('CONTENT_VIDEO_INVALID', '视频文件不存在或不是 MP4 视频', [{ field: 'videoFileId', message: '视频：请先上传 MP4 视频文件' }]);
    }
  }
  if (input.attachmentIds.length) {
    const found = await FileObject.findAll({ where: { id: input.attachmentIds }, attributes: ['id'], transaction: t });
    const missing = input.attachmentIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) {
      throw errors.badRequest('CONTENT_ATTACHMENT_INVALID', `附件不存在：${missing.join('、')}`, [{ field: 'attachmentIds', message: '附件：请先上传附件文件' }]);
    }
  }
  if (input.communityId != null && !(await Community.findByPk(input.communityId, { transaction: t }))) {
    throw errors.badRequest('COMMUNITY_NOT_FOUND', '小区不存在', [{ field: 'communityId', message: '小区：所选小区不存在' }]);
  }
}

const columnsOf = (input: ContentCreate) => ({
  channel: input.channel, section: input.section, category: input.category, title: input.title, summary: input.summary, body: input.body,
  issuer: input.issuer, doc_no: input.docNo, video_file_id: input.videoFileId, attachment_ids: input.attachmentIds.join(','),
  community_id: input.communityId,
});

export async function createContent(deps: Deps, actor: AuditActor, input: ContentCreate, editor: ContentEditor = REGULATOR_EDITOR): Promise<ManagedContentDetail> {
  const id = await deps.db.tx(async (t) => {
    await checkReferences(t, input);
    await checkCommunityNotice(t, editor, input);
    // A company's notice is signed by the company unless it says otherwise.
    const issuer = input.issuer ?? (editor.kind === 'property' ? (await Org.findByPk(editor.orgId, { attributes: ['name'], transaction: t }))?.name ?? null : null);
    const now = new Date();
    const c = await Content.create(
      { ...columnsOf(input), issuer, status: 'draft', publish_at: null, published_at: null, created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now },
      { transaction: t },
    );
    await appendAudit(t, actor, { action: 'content.create', objectType: 'content', objectId: c.id, detail: { channel: c.channel, section: c.section, title: c.title } });
    return c.id;
  });
  return getContent(id, undefined, editor);
}

/** Lock the row, check the version the editor saw, and record a due schedule as published. */
async function lockForChange(t: Transaction, id: number, version: number, now: Date, editor: ContentEditor): Promise<{ c: Content; status: ContentStatus }> {
  const c = await Content.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!c) throw errors.notFound('CONTENT_NOT_FOUND', '内容不存在');
  await assertEditable(t, editor, c);
  if (c.version !== version) {
    throw errors.conflict('CONTENT_STALE', `内容已被他人修改（您看到的是第${version}版，当前为第${c.version}版），请刷新后再操作`);
  }
  const status = statusOf(c, now);
  if (status !== c.status) c.set({ status, published_at: c.publish_at });
  return { c, status };
}

export async function updateContent(deps: Deps, actor: AuditActor, id: number, input: ContentUpdate, editor: ContentEditor = REGULATOR_EDITOR): Promise<ManagedContentDetail> {
  await deps.db.tx(async (t) => {
    const now = new Date();
    const { c } = await lockForChange(t, id, input.version, now, editor);
    await checkReferences(t, input);
    await checkCommunityNotice(t, editor, input);
    const next = columnsOf(input);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => (c.get(k) ?? null) !== next[k]);
    c.set({ ...next, version: c.version + 1, updated_by: actor.userId, updated_at: now });
    await c.save({ transaction: t });
    await appendAudit(t, actor, { action: 'content.update', objectType: 'content', objectId: c.id, detail: { version: c.version, status: c.status, changed } });
  });
  return getContent(id, undefined, editor);
}

export type TransitionInput = { version: number; publishAt?: string; reason?: string };

/** Publish, schedule, withdraw or return to draft, as the transition table allows. */
export async function transitionContent(
  deps: Deps, actor: AuditActor, id: number, action: ContentAction, input: TransitionInput, editor: ContentEditor = REGULATOR_EDITOR,
): Promise<ManagedContentDetail> {
  await deps.db.tx(async (t) => {
    const now = new Date();
    const { c, status: from } = await lockForChange(t, id, input.version, now, editor);
    const to = CONTENT_ACTIONS[action];
    if (!canTransitionContent(from, to)) {
      throw errors.conflict('CONTENT_TRANSITION', `「${CONTENT_STATUS_LABELS[from]}」状态的内容不能${CONTENT_ACTION_LABELS[action]}`);
    }
    if ((action === 'publish' || action === 'schedule') && c.category === 'video' && !c.video_file_id) {
      throw errors.badRequest('CONTENT_VIDEO_REQUIRED', '视频类购房须知须先上传视频再发布', [{ field: 'videoFileId', message: '视频：请先上传 MP4 视频文件' }]);
    }
    let publishAt: Date | null = null;
    if (action === 'schedule') {
      publishAt = new Date(input.publishAt!);
      if (publishAt.getTime() <= now.getTime() + 60_000) {
        throw errors.badRequest('CONTENT_PUBLISH_AT_PAST', '定时发布时间须晚于当前时间至少1分钟', [{ field: 'publishAt', message: '定时发布时间：须晚于当前时间至少1分钟' }]);
      }
      if (publishAt.getTime() > now.getTime() + 366 * 86_400_000) {
        throw errors.badRequest('CONTENT_PUBLISH_AT_TOO_LATE', '定时发布时间不能晚于一年后', [{ field: 'publishAt', message: '定时发布时间：不能晚于一年后' }]);
      }
    }
    const changes: Partial<Content> =
      action === 'publish' ? { publish_at: now, published_at: now, withdrawn_at: null, withdraw_reason: null }
        : action === 'schedule' ? { publish_at: publishAt, published_at: null, withdrawn_at: null, withdraw_reason: null }
          : action === 'withdraw' ? { withdrawn_at: now, withdraw_reason: input.reason! }
            : { publish_at: null, published_at: null, withdrawn_at: null, withdraw_reason: null };
    c.set({ ...changes, status: to, version: c.version + 1, updated_by: actor.userId, updated_at: now });
    await c.save({ transaction: t });
    await appendAudit(t, actor, {
      action: `content.${action}`, objectType: 'content', objectId: c.id,
      detail: { from, to, version: c.version, ...(publishAt ? { publishAt: publishAt.toISOString() } : {}), ...(input.reason ? { reason: input.reason } : {}) },
    });
  });
  return getContent(id, undefined, editor);
}

// ---------- HTTP byte ranges for video ----------

/**
 * One byte range from a Range header, or null for the whole file (absent, malformed or
 * multi-range headers are answered with the whole file, as RFC 9110 allows).
 * An unsatisfiable range is a 416 carrying the size.
 */
export function parseByteRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) throw rangeError(size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null; // invalid range: ignore it
  }
  if (start >= size) throw rangeError(size);
  return { start, end };
}

function rangeError(size: number): AppError {
  return new AppError(416, 'RANGE_NOT_SATISFIABLE', '请求的字节范围超出文件大小', undefined, { 'Content-Range': `bytes */${size}` });
}
