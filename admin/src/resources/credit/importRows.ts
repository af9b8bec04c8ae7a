// 跨部门信用信息导入: the CSV template's columns and how a row becomes an item of the API's batch.
// Words people write (开发企业, 通报, 居民身份证) and the API's codes are both accepted; what cannot
// be read is reported per row here, and the API checks the rest row by row.
import {
  CREDIT_BASIS_LABELS, CREDIT_BASIS_TYPES, CREDIT_SUBJECT_KINDS, CREDIT_SUBJECT_LABELS, ID_DOCUMENT_LABELS, type CreditBasisType,
  type CreditSubjectKind,
} from '@hq/common';
import type { CreditImportInput } from './api';

export const IMPORT_COLUMNS = [
  '记录编号', '主体类别', '统一社会信用代码', '经纪人证件类型', '经纪人证件号码', '指标代码', '发生日期', '标题', '情况说明', '依据类型', '依据文号',
] as const;

export const IMPORT_EXAMPLE = [
  'ZF2026-0001', '房地产开发企业', '91440400MA4UXXXXXX', '', '', 'complaint_verified', '2026-05-20', '交付后渗漏投诉经查属实', '', '通报', '横琴建督〔2026〕31号',
];

type Item = CreditImportInput['items'][number];
type IdType = NonNullable<Item['brokerIdType']>;

const SHORT_KIND: Record<string, CreditSubjectKind> = { 开发企业: 'developer', 中介机构: 'agency', 经纪人: 'broker', 物业企业: 'property_company' };

function kindOf(v: string): CreditSubjectKind | null {
  const t = v.trim();
  if ((CREDIT_SUBJECT_KINDS as readonly string[]).includes(t)) return t as CreditSubjectKind;
  return SHORT_KIND[t] ?? CREDIT_SUBJECT_KINDS.find((k) => CREDIT_SUBJECT_LABELS[k] === t) ?? null;
}

function basisOf(v: string): CreditBasisType | null {
  const t = v.trim();
  if ((CREDIT_BASIS_TYPES as readonly string[]).includes(t)) return t as CreditBasisType;
  return CREDIT_BASIS_TYPES.find((b) => CREDIT_BASIS_LABELS[b] === t) ?? null;
}

function idTypeOf(v: string): IdType | undefined {
  const t = v.trim();
  if (!t) return undefined;
  if (t === '居民身份证' || t === '居住证') return 'resident_id';
  const entry = Object.entries(ID_DOCUMENT_LABELS).find(([code, label]) => code === t || label === t);
  return entry?.[0] as IdType | undefined;
}

export interface ParsedImport {
  items: Item[];
  /** The line in the file of each item (the API answers by item index). */
  lines: number[];
  /** Rows that cannot be sent, by their line number in the file. */
  problems: string[];
}

export function rowsToItems(rows: string[][]): ParsedImport {
  const [header, ...body] = rows;
  const problems: string[] = [];
  if (!header) return { items: [], lines: [], problems: ['文件是空的，请使用导入模板填写'] };
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = IMPORT_COLUMNS.filter((c) => !col.has(c) && c !== '情况说明');
  if (missing.length) return { items: [], lines: [], problems: [`缺少列：${missing.join('、')}，请使用导入模板`] };
  const get = (r: string[], c: (typeof IMPORT_COLUMNS)[number]) => (r[col.get(c) ?? -1] ?? '').trim();
  const items: Item[] = [];
  const lines: number[] = [];
  body.forEach((r, i) => {
    const line = i + 2;
    const kind = kindOf(get(r, '主体类别'));
    const basis = basisOf(get(r, '依据类型'));
    if (!kind) { problems.push(`第${line}行：主体类别「${get(r, '主体类别')}」应为开发企业、中介机构、经纪人或物业企业`); return; }
    if (!basis) { problems.push(`第${line}行：依据类型「${get(r, '依据类型')}」应为${CREDIT_BASIS_TYPES.map((b) => CREDIT_BASIS_LABELS[b]).join('、')}之一`); return; }
    const idType = idTypeOf(get(r, '经纪人证件类型'));
    if (get(r, '经纪人证件类型') && !idType) { problems.push(`第${line}行：经纪人证件类型「${get(r, '经纪人证件类型')}」无法识别`); return; }
    const description = get(r, '情况说明');
    lines.push(line);
    items.push({
      externalRef: get(r, '记录编号'), subjectKind: kind, indicatorCode: get(r, '指标代码'), occurredOn: get(r, '发生日期'), title: get(r, '标题'),
      basis: { type: basis, number: get(r, '依据文号') }, evidenceFileIds: [],
      ...(kind === 'broker' ? { brokerIdType: idType ?? 'resident_id', brokerIdNumber: get(r, '经纪人证件号码') } : { uscc: get(r, '统一社会信用代码') }),
      ...(description ? { description } : {}),
    });
  });
  return { items, lines, problems };
}
