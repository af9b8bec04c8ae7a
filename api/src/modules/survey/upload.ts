// Reading the multipart upload of a survey workbook: one file field `file`, an optional `mode`
// field; refused as it streams once it passes the size limit.
import Busboy from 'busboy';
import { SURVEY_LIMITS } from '@hq/common';
import { errors } from '../../platform/errors';
import type { AppContext } from '../../platform/http/types';

export interface SurveyUpload {
  name: string;
  data: Buffer;
  fields: Record<string, string>;
}

export function readSurveyUpload(ctx: AppContext): Promise<SurveyUpload> {
  return new Promise((resolve, reject) => {
    let bb: Busboy.Busboy;
    try {
      bb = Busboy({ headers: ctx.req.headers, limits: { fileSize: SURVEY_LIMITS.maxBytes, files: 1, fields: 10, fieldSize: 1024 } });
    } catch {
      return reject(errors.badRequest('MULTIPART_INVALID', '上传格式不正确'));
    }
    let file: { name: string; data: Buffer } | null = null;
    const fields: Record<string, string> = {};
    let failed = false;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        failed = true;
        reject(errors.tooLarge(`文件过大：测绘数据文件不超过 ${SURVEY_LIMITS.maxBytes / 1048576} MB，请拆分后分批导入`));
      });
      stream.on('end', () => {
        if (!failed) file = { name: Buffer.from(info.filename ?? 'survey.xlsx', 'latin1').toString('utf8'), data: Buffer.concat(chunks) };
      });
    });
    bb.on('error', () => reject(errors.badRequest('UPLOAD_INTERRUPTED', '上传中断，请重试')));
    bb.on('close', () => {
      if (failed) return;
      const got = file as { name: string; data: Buffer } | null;
      if (!got || got.data.length === 0) reject(errors.badRequest('FILE_REQUIRED', '请选择要导入的 .xlsx 文件（字段名 file），文件不能为空'));
      else resolve({ ...got, fields });
    });
    ctx.req.on('aborted', () => reject(errors.badRequest('UPLOAD_INTERRUPTED', '上传中断，请重试')));
    ctx.req.pipe(bb);
  });
}
