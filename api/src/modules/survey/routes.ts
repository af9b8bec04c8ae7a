// 预售测绘数据导入 (RE-011, RE-008): template download, import (xlsx upload or JSON rows),
// progress and the row-error report. Developers reach only their own enterprise's projects.
import path from 'node:path';
import {
  idParam, pageQuery, SURVEY_IMPORT_MODES, surveyImportJson, surveyImportQuery, surveyImportDetail, surveyImportDetailQuery, surveyImportPage,
  type Role, type SurveyImportMode,
} from '@hq/common';
import { route } from '../../platform/http/route';
import { errors } from '../../platform/errors';
import { actorOf } from '../../platform/http/actor';
import { parseOrThrow } from '../../platform/http/validate';
import { storeUpload } from '../files/service';
import { SurveyImport } from '../realestate/models';
import { buildTemplate, errorsCsv, isZip, readWorkbook } from './template';
import { readSurveyUpload } from './upload';
import {
  contentHash, importErrors, loadImportInScope, loadProjectInScope, presentImport, presentImportDetail, startImport, type StartImport,
} from './service';

export const SURVEY_ROLES: readonly Role[] = ['developer_staff', 'reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

let template: Promise<Buffer> | null = null;

function parseMode(value: string | undefined, fallback: SurveyImportMode): SurveyImportMode {
  if (value === undefined || value === '') return fallback;
  if (!(SURVEY_IMPORT_MODES as readonly string[]).includes(value)) {
    throw errors.badRequest('SURVEY_MODE_INVALID', '导入方式应为 all_or_nothing（全部正确才导入）或 good_rows（仅导入正确的行）');
  }
  return value as SurveyImportMode;
}

export const surveyRoutes = [
  route({
    method: 'get', path: '/api/survey/template.xlsx', summary: '下载预售测绘数据导入模板（Excel）', tags: ['survey'],
    requirements: ['RE-011', 'RE-008'], access: SURVEY_ROLES, produces: XLSX_MIME,
    handler: async (ctx) => {
      template ??= buildTemplate();
      ctx.type = XLSX_MIME;
      ctx.set('Content-Disposition', attachment('预售测绘数据导入模板.xlsx'));
      ctx.set('Cache-Control', 'private, max-age=3600');
      ctx.body = await template;
      return undefined;
    },
  }),
  route({
    method: 'post', path: '/api/projects/:id/survey-imports',
    summary: '导入预售测绘数据：multipart 上传 .xlsx（字段 file，可选字段 mode），或 JSON { rows, mode }；返回 202 与导入编号，wait=true 时等待完成',
    tags: ['survey'], requirements: ['RE-011', 'RE-008'], access: SURVEY_ROLES, params: idParam, query: surveyImportQuery,
    response: surveyImportDetail, status: 202,
    handler: async (ctx, { params, query }) => {
      const user = ctx.state.user!;
      const project = await loadProjectInScope(user, params.id);
      let input: StartImport;
      if (ctx.is('multipart')) {
        const upload = await readSurveyUpload(ctx);
        const ext = path.extname(upload.name).toLowerCase();
        if (!isZip(upload.data) || (ext !== '' && ext !== '.xlsx')) {
          throw errors.unsupported('SURVEY_FILE_TYPE', `仅接受 .xlsx 格式的 Excel 文件${ext === '.xls' ? '（.xls 请在 Excel 中另存为 .xlsx）' : '，请使用导入模板'}`);
        }
        const mode = parseMode(upload.fields.mode, query.mode ?? 'all_or_nothing');
        const rows = await readWorkbook(upload.data);
        // The original file is kept with the import as evidence of what was submitted.
        const stored = await storeUpload(ctx.deps, user, actorOf(ctx), ext ? upload.name : `${upload.name}.xlsx`, upload.data);
        input = { project, source: 'xlsx', fileId: stored.id, contentHash: stored.sha256, mode, rows };
      } else if (ctx.is('json')) {
        const raw = (ctx.request as { body?: unknown }).body ?? {};
        const body = parseOrThrow(surveyImportJson, raw, 'body');
        const explicit = typeof raw === 'object' && raw !== null && 'mode' in raw;
        input = {
          project, source: 'json', fileId: null, contentHash: contentHash(JSON.stringify(body.rows)),
          mode: explicit ? body.mode : (query.mode ?? body.mode), rows: body.rows.map((cells, i) => ({ rowNo: i + 1, cells })),
        };
      } else {
        throw errors.unsupported('SURVEY_CONTENT_TYPE', '请以 multipart/form-data 上传 .xlsx 文件（字段名 file），或提交 JSON { rows, mode }');
      }
      const { imp, done } = await startImport(ctx.deps, actorOf(ctx), input);
      if (!query.wait) return presentImportDetail(imp);
      await done;
      await imp.reload();
      ctx.status = 200;
      ctx.body = presentImportDetail(imp);
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/projects/:id/survey-imports', summary: '项目的测绘数据导入记录', tags: ['survey'],
    requirements: ['RE-011', 'RE-008'], access: SURVEY_ROLES, params: idParam, query: pageQuery, response: surveyImportPage,
    handler: async (ctx, { params, query }) => {
      await loadProjectInScope(ctx.state.user!, params.id);
      const { rows, count } = await SurveyImport.findAndCountAll({
        where: { project_id: params.id }, attributes: { exclude: ['errors'] }, order: [['id', 'DESC']],
        limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
      });
      return { items: rows.map((r) => presentImport(r)), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get', path: '/api/survey-imports/:id', summary: '测绘数据导入的进度、结果与错误行（分页）', tags: ['survey'],
    requirements: ['RE-011', 'RE-008'], access: SURVEY_ROLES, params: idParam, query: surveyImportDetailQuery, response: surveyImportDetail,
    handler: async (ctx, { params, query }) => {
      const imp = await loadImportInScope(ctx.state.user!, params.id);
      return presentImportDetail(imp, query.errorsPage, query.errorsPageSize);
    },
  }),
  route({
    method: 'get', path: '/api/survey-imports/:id/errors.csv', summary: '下载导入错误清单（CSV：行号、列、错误代码、原因）', tags: ['survey'],
    requirements: ['RE-011', 'RE-008'], access: SURVEY_ROLES, params: idParam, produces: 'text/csv',
    handler: async (ctx, { params }) => {
      const imp = await loadImportInScope(ctx.state.user!, params.id);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set('Content-Disposition', attachment(`测绘导入${imp.id}错误清单.csv`));
      ctx.body = errorsCsv(importErrors(imp));
      return undefined;
    },
  }),
];

