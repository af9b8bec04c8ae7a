// 政策法规 / 通知公告 / 购房须知: public reads (portal and mini-program) and the regulators'
// publishing desk, where property companies also publish their communities' notices (小区公告). Public answers carry an ETag so clients revalidate cheaply.
import crypto from 'node:crypto';
import {
  z, idParam, pageOf, CONTENT_EDITOR_ROLES, CONTENT_READER_ROLES, contentCreate, contentUpdate, contentListQuery, contentScheduleBody,
  contentVersionBody, contentWithdrawBody, managedContent, managedContentDetail, publicContentDetail, publicContentQuery,
  publicContentSummary, type ContentAction,
} from '@hq/common';
import { route, type RouteDef } from '../../platform/http/route';
import type { AppContext } from '../../platform/http/types';
import { actorOf } from '../../platform/http/actor';
import {
  COMMUNITY_NOTICE_EDITOR_ROLES, contentEditorOf, createContent, findPublicContent, getContent, listContents, listPublicContents, parseByteRange, presentPublicDetail,
  publicAttachmentOf, publicVideoOf, transitionContent, updateContent, type TransitionInput,
} from './service';

const PUBLIC_REQUIREMENTS = ['NF-010', 'RE-111', 'RE-112', 'RE-113', 'RE-114', 'RE-139', 'RE-140', 'RE-150', 'RE-151', 'RE-152', 'RE-153', 'RE-154',
  'RE-157', 'RE-158', 'RE-159', 'RE-160', 'PM-053', 'PM-054', 'PM-104', 'PM-105'];
const REVALIDATE = 'public, max-age=0, must-revalidate';
/** Regulators edit everything; property companies their communities' notices (checked per record). */
const EDITORS = [...CONTENT_EDITOR_ROLES, ...COMMUNITY_NOTICE_EDITOR_ROLES];
const READERS = [...CONTENT_READER_ROLES, ...COMMUNITY_NOTICE_EDITOR_ROLES];
const MANAGE_REQUIREMENTS = ['NF-010', 'PM-083', 'PM-134'];

const matches = (ifNoneMatch: string, etag: string) =>
  ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));

/** Tag the answer; a client that already holds it gets 304 and no body. */
function conditional<T>(ctx: AppContext, body: T): T | undefined {
  const etag = `W/"${crypto.createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', REVALIDATE);
  if (ctx.get('If-None-Match') && matches(ctx.get('If-None-Match'), etag)) {
    ctx.status = 304;
    return undefined;
  }
  return body;
}

const attachmentParams = z.object({
  id: idParam.shape.id,
  fileId: z.string().regex(/^[0-9a-f-]{36}$/, '附件编号格式不正确'),
});

function transitionRoute(action: ContentAction, path: string, summary: string, body: z.ZodType<TransitionInput>): RouteDef {
  return route({
    method: 'post', path: `/api/contents/:id/${path}`, summary, tags: ['content'], requirements: MANAGE_REQUIREMENTS,
    access: EDITORS, params: idParam, body, response: managedContentDetail,
    handler: (ctx, { params, body: input }) => transitionContent(ctx.deps, actorOf(ctx), params.id, action, input, contentEditorOf(ctx.state.user!)),
  });
}

export const contentRoutes: RouteDef[] = [
  // ---------- public ----------
  route({
    method: 'get', path: '/api/public/contents', summary: '政策法规、通知公告、购房须知列表（仅已发布和已到定时发布时间的内容）',
    tags: ['content', 'public'], requirements: PUBLIC_REQUIREMENTS, access: 'public', rateLimit: 'public',
    query: publicContentQuery, response: pageOf(publicContentSummary),
    handler: async (ctx, { query }) => conditional(ctx, await listPublicContents(query)),
  }),
  route({
    method: 'get', path: '/api/public/contents/:id', summary: '内容详情（正文为纯文本，格式见 parseContentBody）',
    tags: ['content', 'public'], requirements: [...PUBLIC_REQUIREMENTS, 'RE-156'], access: 'public', rateLimit: 'public',
    params: idParam, response: publicContentDetail,
    handler: async (ctx, { params }) => conditional(ctx, await presentPublicDetail(await findPublicContent(params.id))),
  }),
  route({
    method: 'get', path: '/api/public/contents/:id/video', summary: '播放内容所附视频（如《购房陷阱知多少》；支持 Range 分段请求）',
    tags: ['content', 'public'], requirements: ['RE-156'], access: 'public', rateLimit: 'public', params: idParam,
    produces: 'video/mp4（Range 请求返回 206）',
    handler: async (ctx, { params }) => {
      const f = await publicVideoOf(params.id);
      const size = Number(f.size);
      const etag = `"${f.sha256}"`;
      ctx.set('Accept-Ranges', 'bytes');
      ctx.set('ETag', etag);
      ctx.set('Cache-Control', REVALIDATE);
      ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`);
      const ifRange = ctx.get('If-Range');
      const range = ifRange && ifRange !== etag ? null : parseByteRange(ctx.get('Range') || undefined, size);
      if (!range && ctx.get('If-None-Match') && matches(ctx.get('If-None-Match'), etag)) {
        ctx.status = 304;
        return undefined;
      }
      ctx.type = f.mime;
      if (range) {
        ctx.status = 206;
        ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
        ctx.body = ctx.deps.files.read(f.storage_key, range);
        ctx.length = range.end - range.start + 1;
      } else {
        ctx.status = 200;
        ctx.body = ctx.deps.files.read(f.storage_key);
        ctx.length = size;
      }
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/public/contents/:id/attachments/:fileId', summary: '下载已发布内容的附件（图片为去除位置信息的版本）',
    tags: ['content', 'public'], requirements: ['NF-010', 'RE-139', 'PM-053'], access: 'public', rateLimit: 'public',
    params: attachmentParams, produces: 'application/octet-stream',
    handler: async (ctx, { params }) => {
      const f = await publicAttachmentOf(params.id, params.fileId);
      const key = f.kind === 'image' ? f.public_key ?? f.storage_key : f.storage_key;
      ctx.type = f.kind === 'image' && f.public_key ? 'image/jpeg' : f.mime;
      ctx.set('Cache-Control', REVALIDATE);
      ctx.set('ETag', `"${f.sha256}"`);
      ctx.set('Content-Disposition', `${f.kind === 'office' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(f.name)}`);
      ctx.body = ctx.deps.files.read(key);
      return undefined;
    },
  }),

  // ---------- management ----------
  route({
    method: 'get', path: '/api/contents', summary: '内容管理列表（全部状态；定时发布已到时的显示为已发布；物业服务企业仅本企业服务小区的公告）', tags: ['content'],
    requirements: MANAGE_REQUIREMENTS, access: READERS, query: contentListQuery, response: pageOf(managedContent),
    handler: (ctx, { query }) => listContents(query, undefined, contentEditorOf(ctx.state.user!)),
  }),
  route({
    method: 'get', path: '/api/contents/:id', summary: '内容详情（含可执行的操作）', tags: ['content'], requirements: MANAGE_REQUIREMENTS,
    access: READERS, params: idParam, response: managedContentDetail,
    handler: (ctx, { params }) => getContent(params.id, undefined, contentEditorOf(ctx.state.user!)),
  }),
  route({
    method: 'post', path: '/api/contents', summary: '新建内容（草稿；物业服务企业只能新建本企业服务小区的公告）', tags: ['content'], requirements: MANAGE_REQUIREMENTS,
    access: EDITORS, body: contentCreate, response: managedContentDetail, status: 201,
    handler: (ctx, { body }) => createContent(ctx.deps, actorOf(ctx), body, contentEditorOf(ctx.state.user!)),
  }),
  route({
    method: 'put', path: '/api/contents/:id', summary: '修改内容（须带上次读取的版本号，已被他人修改时返回 409）', tags: ['content'],
    requirements: MANAGE_REQUIREMENTS, access: EDITORS, params: idParam, body: contentUpdate, response: managedContentDetail,
    handler: (ctx, { params, body }) => updateContent(ctx.deps, actorOf(ctx), params.id, body, contentEditorOf(ctx.state.user!)),
  }),
  transitionRoute('publish', 'publish', '立即发布', contentVersionBody),
  transitionRoute('schedule', 'schedule', '定时发布（到时自动对外可见）', contentScheduleBody),
  transitionRoute('withdraw', 'withdraw', '下架（须填写原因）', contentWithdrawBody),
  transitionRoute('redraft', 'redraft', '退回草稿', contentVersionBody),
];
