import Busboy from 'busboy';
import { z, fileInfo, FILE_LIMITS } from '@hq/common';
import { route } from '../../platform/http/route';
import type { AppContext } from '../../platform/http/types';
import { FileObject } from '../../platform/models';
import { errors } from '../../platform/errors';
import { actorOf } from '../../platform/http/actor';
import { assertFileAccess, storeUpload } from './service';
import { ACCEPTED_TYPES_TEXT, couldBeAllowed, describeRefused, extensionAllowed, SIGNATURE_BYTES } from '../../platform/files/detect';

const MAX_BYTES = Math.max(...Object.values(FILE_LIMITS));

/** Read one multipart file field into memory, refusing anything over the limit as it streams. */
function readMultipart(ctx: AppContext): Promise<{ name: string; data: Buffer }> {
  return new Promise((resolve, reject) => {
    if (!ctx.is('multipart')) return reject(errors.unsupported('MULTIPART_REQUIRED', '请以 multipart/form-data 上传，文件字段名为 file'));
    let bb: Busboy.Busboy;
    try {
      bb = Busboy({ headers: ctx.req.headers, limits: { fileSize: MAX_BYTES, files: 1, fields: 10 } });
    } catch {
      return reject(errors.badRequest('MULTIPART_INVALID', '上传格式不正确'));
    }
    let got: { name: string; data: Buffer } | null = null;
    let failed = false;
    bb.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      const name = Buffer.from(info.filename ?? 'file', 'latin1').toString('utf8');
      // A wrong type is refused as soon as it shows — by its name, or by its first bytes — so
      // the person does not wait for the rest to upload; the connection closes after the answer.
      const refuse = (e: Error) => {
        failed = true;
        ctx.set('Connection', 'close');
        ctx.req.unpipe(bb);
        stream.resume();
        reject(e);
      };
      if (!extensionAllowed(name)) {
        refuse(errors.unsupported('FILE_TYPE_REFUSED', `不支持的文件类型（.${name.split('.').pop()}），${ACCEPTED_TYPES_TEXT}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let checked = false;
      stream.on('data', (c: Buffer) => {
        if (failed) return;
        chunks.push(c);
        size += c.length;
        if (!checked && size >= SIGNATURE_BYTES) {
          checked = true;
          const head = Buffer.concat(chunks).subarray(0, 64);
          if (!couldBeAllowed(head)) refuse(errors.unsupported('FILE_TYPE_REFUSED', `不支持的文件类型（识别为${describeRefused(head)}），${ACCEPTED_TYPES_TEXT}`));
        }
      });
      stream.on('limit', () => {
        failed = true;
        reject(errors.tooLarge(`文件过大：单个文件不超过 ${Math.round(MAX_BYTES / 1048576)} MB`));
      });
      stream.on('end', () => {
        if (!failed) got = { name, data: Buffer.concat(chunks) };
      });
    });
    bb.on('error', () => reject(errors.badRequest('UPLOAD_INTERRUPTED', '上传中断，请重试')));
    bb.on('close', () => {
      if (failed) return;
      if (!got || got.data.length === 0) reject(errors.badRequest('FILE_REQUIRED', '请选择要上传的文件（字段名 file），文件不能为空'));
      else resolve(got);
    });
    ctx.req.on('aborted', () => reject(errors.badRequest('UPLOAD_INTERRUPTED', '上传中断，请重试')));
    ctx.req.pipe(bb);
  });
}

export const fileRoutes = [
  route({
    method: 'post', path: '/api/files', summary: '上传附件（图片、PDF、Office 文档；按内容识别类型）', tags: ['files'],
    requirements: ['NF-001', 'RE-001'], access: 'user', response: fileInfo, status: 201, produces: 'multipart/form-data 上传',
    handler: async (ctx) => {
      const { name, data } = await readMultipart(ctx);
      return storeUpload(ctx.deps, ctx.state.user!, actorOf(ctx), name, data);
    },
  }),
  route({
    method: 'get', path: '/api/files/:id', summary: '下载附件（原件需权限；variant=public/thumb 为去除位置信息的版本）', tags: ['files'],
    requirements: ['NF-001'], access: 'user', produces: 'application/octet-stream',
    params: z.object({ id: z.string().uuid('文件编号格式不正确') }),
    query: z.object({ variant: z.enum(['original', 'public', 'thumb']).default('original') }),
    handler: async (ctx, { params, query }) => {
      const f = await FileObject.findByPk(params.id);
      if (!f) throw errors.notFound('FILE_NOT_FOUND', '文件不存在或已删除');
      assertFileAccess(ctx.state.user!, f);
      const key = query.variant === 'thumb' ? f.thumb_key : query.variant === 'public' ? f.public_key : f.storage_key;
      if (!key) throw errors.notFound('FILE_VARIANT_NOT_FOUND', '该文件没有此版本（仅图片有缩略图）');
      ctx.type = query.variant === 'original' ? f.mime : 'image/jpeg';
      ctx.set('Cache-Control', 'private, max-age=300');
      ctx.set('Content-Disposition', `${f.kind === 'image' || f.kind === 'pdf' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`);
      ctx.body = ctx.deps.files.read(key);
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/public/files/:id', summary: '公开图片（已去除位置等元数据）', tags: ['files', 'public'],
    requirements: ['NF-001'], access: 'public', rateLimit: 'public', produces: 'image/jpeg',
    params: z.object({ id: z.string().uuid('文件编号格式不正确') }),
    query: z.object({ variant: z.enum(['public', 'thumb']).default('public') }),
    handler: async (ctx, { params, query }) => {
      const f = await FileObject.findByPk(params.id);
      const key = f && f.visibility === 'public' ? (query.variant === 'thumb' ? f.thumb_key : f.public_key) : null;
      if (!key) throw errors.notFound('FILE_NOT_FOUND', '文件不存在或未公开');
      ctx.type = 'image/jpeg';
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.body = ctx.deps.files.read(key);
      return undefined;
    },
  }),
];
