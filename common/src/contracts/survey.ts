// 预售测绘数据导入 (RE-011): the template's columns, the JSON row shape, limits, row-error codes
// and what an import reports. One row per room; building facts repeat on every row.
import { z } from '../zod';
import { pageQuery, pageOf } from './common';

/** Template columns in order: the JSON key and the Chinese header a person sees in Excel. */
export const SURVEY_COLUMNS = [
  { key: 'buildingNo', header: '幢号', required: true },
  { key: 'surveyNo', header: '测绘单体号', required: false },
  { key: 'structure', header: '建筑结构', required: false },
  { key: 'buildingUse', header: '幢用途', required: true },
  { key: 'floorsTotal', header: '总层数', required: true },
  { key: 'floorsUnderground', header: '地下层数', required: false },
  { key: 'unit', header: '单元', required: false },
  { key: 'floor', header: '层', required: true },
  { key: 'roomNo', header: '房号', required: true },
  { key: 'unitNumber', header: '不动产单元号', required: true },
  { key: 'use', header: '用途', required: true },
  { key: 'officeSubtype', header: '办公类型', required: false },
  { key: 'buildArea', header: '建筑面积(m²)', required: true },
  { key: 'innerArea', header: '套内面积(m²)', required: true },
  { key: 'sharedArea', header: '分摊面积(m²)', required: true },
  { key: 'floorHeight', header: '层高(m)', required: false },
  { key: 'fitout', header: '装修交付(是/否)', required: false },
] as const;
export type SurveyColumnKey = (typeof SURVEY_COLUMNS)[number]['key'];
export const SURVEY_HEADER: Record<SurveyColumnKey, string> = Object.fromEntries(SURVEY_COLUMNS.map((c) => [c.key, c.header])) as Record<SurveyColumnKey, string>;
/** The data sheet's name in the template (an uploaded file may also keep its data on the first sheet). */
export const SURVEY_SHEET = '测绘数据';

export const SURVEY_LIMITS = {
  /** Upload size. */
  maxBytes: 20 * 1024 * 1024,
  /** Rooms per import. */
  maxRows: 50000,
  /** Rows written between two progress updates. */
  chunkRows: 500,
  /** Errors returned inline by GET /api/survey-imports/:id per page; the CSV has all. */
  errorsPageSize: 200,
} as const;

export const SURVEY_IMPORT_MODES = ['all_or_nothing', 'good_rows'] as const;
export type SurveyImportMode = (typeof SURVEY_IMPORT_MODES)[number];

/** Stable codes of row errors, with the label a person sees in the error list. */
export const SURVEY_ERROR_CODES = {
  CELL_REQUIRED: '必填项为空',
  NOT_A_NUMBER: '不是数字',
  NOT_AN_INTEGER: '不是整数',
  TOO_MANY_DECIMALS: '小数位过多',
  NUMBER_OUT_OF_RANGE: '数值超出范围',
  TEXT_TOO_LONG: '文字过长',
  UNIT_NUMBER_FORMAT: '不动产单元号格式错误',
  UNIT_NUMBER_PARCEL_MISMATCH: '不动产单元号与宗地代码不符',
  UNIT_NUMBER_DUPLICATE: '文件内不动产单元号重复',
  UNIT_NUMBER_OTHER_PROJECT: '不动产单元号已属其他项目',
  AREA_INCONSISTENT: '面积不一致',
  USE_UNKNOWN: '用途无法识别',
  OFFICE_SUBTYPE_UNKNOWN: '办公类型无法识别',
  OFFICE_SUBTYPE_REQUIRED: '办公用途须填写办公类型',
  OFFICE_SUBTYPE_NOT_OFFICE: '非办公用途不应填写办公类型',
  FITOUT_INVALID: '装修交付应填是或否',
  FLOOR_OUT_OF_RANGE: '层超出幢的层数',
  ROOM_NO_DUPLICATE: '同一层房号重复',
  BUILDING_FACTS_CONFLICT: '同一幢的幢信息前后不一致',
  ROOM_BUILDING_CHANGED: '房屋不能改到其他幢',
  ROOM_SOLD_LOCKED: '已售房屋不能修改面积或用途',
} as const;
export type SurveyErrorCode = keyof typeof SURVEY_ERROR_CODES;

const cell = z.union([z.string().max(200, '单元格内容不超过200个字符'), z.number(), z.boolean(), z.null()]).optional();

/** One room as JSON: the template's columns with English keys; areas in m², floor height in m. */
export const surveyRowInput = z.object(
  Object.fromEntries(SURVEY_COLUMNS.map((c) => [c.key, cell])) as Record<SurveyColumnKey, typeof cell>,
);
export type SurveyRowInput = z.infer<typeof surveyRowInput>;

export const surveyImportJson = z.object({
  rows: z.array(surveyRowInput, { message: 'rows 应为数组' }).min(1, '至少提交一行').max(SURVEY_LIMITS.maxRows, `每次最多导入${SURVEY_LIMITS.maxRows}行`),
  mode: z.enum(SURVEY_IMPORT_MODES, { message: '导入方式应为 all_or_nothing 或 good_rows' }).default('all_or_nothing'),
});
export type SurveyImportJson = z.infer<typeof surveyImportJson>;

export const surveyImportQuery = z.object({
  /** true: answer when the import has finished (200) instead of 202 at once. */
  wait: z.enum(['true', 'false', '1', '0'], { message: 'wait 应为 true 或 false' }).optional().transform((v) => v === 'true' || v === '1'),
  /** For multipart uploads (JSON carries `mode` in the body). */
  mode: z.enum(SURVEY_IMPORT_MODES, { message: '导入方式应为 all_or_nothing 或 good_rows' }).optional(),
});

export const surveyRowError = z.object({
  /** Excel row number for files; 1-based index for JSON. */
  row: z.number().int(),
  /** The Chinese header of the column at fault. */
  column: z.string(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type SurveyRowError = z.infer<typeof surveyRowError>;

export const surveyImportSummary = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  source: z.enum(['xlsx', 'json']),
  fileId: z.string().nullable(),
  mode: z.enum(SURVEY_IMPORT_MODES),
  status: z.enum(['running', 'failed', 'done']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  errorCount: z.number().int(),
  buildingsCreated: z.number().int(),
  roomsCreated: z.number().int(),
  roomsUpdated: z.number().int(),
  roomsUnchanged: z.number().int(),
  /** Rows not written (all rows when an all-or-nothing import had a bad row). */
  rowsSkipped: z.number().int(),
  createdBy: z.number().int().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Chinese one-line outcome, e.g. "导入完成：新建房屋 120 户". */
  message: z.string(),
});
export type SurveyImportSummary = z.infer<typeof surveyImportSummary>;

export const surveyImportDetail = surveyImportSummary.extend({
  /** Row errors, one page (row order). */
  errors: z.array(surveyRowError),
  errorsPage: z.number().int(),
  errorsPageSize: z.number().int(),
  errorsCsvUrl: z.string(),
});
export type SurveyImportDetail = z.infer<typeof surveyImportDetail>;

export const surveyImportDetailQuery = z.object({
  errorsPage: z.coerce.number().int().min(1, '页码从1开始').default(1),
  errorsPageSize: z.coerce.number().int().min(1).max(SURVEY_LIMITS.errorsPageSize, `每页最多${SURVEY_LIMITS.errorsPageSize}条`).default(SURVEY_LIMITS.errorsPageSize),
});

export const surveyImportListQuery = pageQuery;
export const surveyImportPage = pageOf(surveyImportSummary);
