// The Excel side of the survey import: the downloadable template and reading an uploaded file
// into rows keyed like the JSON import. Columns are found by their Chinese header, so a
// surveyor may reorder columns or add their own.
import ExcelJS from 'exceljs';
import { SURVEY_COLUMNS, SURVEY_LIMITS, SURVEY_SHEET, type SurveyColumnKey, type SurveyRowError } from '@hq/common';
import { errors } from '../../platform/errors';
import type { Cell, RawRow } from './rows';

const EXAMPLES: (string | number | null)[][] = [
  ['1栋', '00012-001', '钢筋混凝土', '住宅', 32, 2, '1单元', 3, '301', '440404001002GB00012F00010301', '住宅', null, 89.37, 72.15, 17.22, 3.0, '是'],
  ['1栋', '00012-001', '钢筋混凝土', '住宅', 32, 2, '1单元', 3, '302', '440404001002GB00012F00010302', '住宅', null, 118.6, 95.8, 22.8, 3.0, '否'],
  ['2栋', '00012-002', '钢筋混凝土', '办公', 26, 2, null, 12, '1208', '440404001002GB00012F00021208', '办公', '酒店式办公', 56.2, 41.3, 14.9, 4.5, '是'],
];

const NOTES: string[] = [
  '预售测绘数据导入模板（横琴房地产信息系统）',
  '',
  `1. 在「${SURVEY_SHEET}」工作表中每行填写一户房屋；幢的信息（幢号、测绘单体号、建筑结构、幢用途、总层数、地下层数）在该幢每一行重复填写，且须一致。`,
  '2. 带 * 的列为必填：幢号、幢用途、总层数、层、房号、不动产单元号、用途、建筑面积、套内面积、分摊面积。',
  '3. 不动产单元号为28位：19位宗地代码 + F + 8位数字；前19位须与本项目的宗地代码一致；同一文件内不得重复，也不得已被其他项目使用。',
  '4. 用途填 住宅、办公、商业 或 其他；用途为办公时，办公类型填 酒店式办公 或 普通办公。',
  '5. 面积单位为平方米，最多两位小数；建筑面积 = 套内面积 + 分摊面积（允许误差0.01 m²）。层高单位为米。',
  '6. 层：地上层从1起，不超过总层数；地下层用负数（如 -1），不超过地下层数。同一幢同一单元同一层的房号不得重复。',
  '7. 装修交付填 是 或 否（空白视为否）。',
  `8. 每个文件不超过 ${SURVEY_LIMITS.maxBytes / 1048576} MB、${SURVEY_LIMITS.maxRows} 行。`,
  '9. 导入方式：默认「全部正确才导入」——任一行有误则不写入任何数据；也可选择「仅导入正确的行」。每个错误都会列出行号、列名和原因，可下载错误清单。',
  '10. 以不动产单元号识别房屋：已有的房屋更新面积等属性（不改变销售状态）；已认购、已网签、已备案或已登记的房屋不能修改面积和用途。重复导入同一文件不会产生任何变化。',
  '',
  '以下示例行可删除后填写。',
];

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '横琴房地产信息系统';
  const notes = wb.addWorksheet('说明');
  notes.getColumn(1).width = 120;
  NOTES.forEach((line, i) => {
    const c = notes.getCell(i + 1, 1);
    c.value = line;
    c.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) c.font = { bold: true, size: 14 };
  });

  const ws = wb.addWorksheet(SURVEY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = SURVEY_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'unitNumber' ? 32 : Math.max(10, c.header.length * 2 + 2) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  SURVEY_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFEDEDED' } };
    cell.note = c.required ? '必填' : '选填';
  });
  ws.getColumn('unitNumber').numFmt = '@';
  ws.getColumn('roomNo').numFmt = '@';
  for (const row of EXAMPLES) ws.addRow(row);
  // Drop-downs for the enumerations, over a generous range of rows.
  const colLetter = (key: SurveyColumnKey) => ws.getColumn(key).letter;
  const list = (key: SurveyColumnKey, values: string[]) => {
    for (let r = 2; r <= 1000; r++) {
      ws.getCell(`${colLetter(key)}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
    }
  };
  list('buildingUse', ['住宅', '办公', '商业', '其他']);
  list('use', ['住宅', '办公', '商业', '其他']);
  list('officeSubtype', ['酒店式办公', '普通办公']);
  list('fitout', ['是', '否']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A header's core, so "建筑面积（m2）" and "建筑面积(m²)" and "*建筑面积" name the same column. */
const core = (s: string) => s.replace(/[\s*＊]/g, '').replace(/[(（].*$/, '');
const COLUMN_BY_CORE = new Map(SURVEY_COLUMNS.map((c) => [core(c.header), c.key]));

/** exceljs cell values come as numbers, strings, rich text, formulas, hyperlinks or dates. */
function plain(v: ExcelJS.CellValue): Cell {
  if (v == null) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

export function isZip(data: Buffer): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** Read the data sheet of an uploaded workbook into rows keyed by column, skipping blank rows. */
export async function readWorkbook(data: Buffer): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw errors.unsupported('SURVEY_FILE_UNREADABLE', '无法读取该文件：请上传 Excel 2007 及以上版本的 .xlsx 文件（可先下载导入模板）');
  }
  const candidates = [wb.getWorksheet(SURVEY_SHEET), ...wb.worksheets].filter((w): w is ExcelJS.Worksheet => !!w);
  for (const ws of candidates) {
    // The header is the first row (of the first ten) that names the unit-number column.
    for (let h = 1; h <= Math.min(10, ws.rowCount); h++) {
      const columns = new Map<number, SurveyColumnKey>();
      ws.getRow(h).eachCell((cell, col) => {
        const key = COLUMN_BY_CORE.get(core(String(plain(cell.value) ?? '')));
        if (key && ![...columns.values()].includes(key)) columns.set(col, key);
      });
      if (![...columns.values()].includes('unitNumber')) continue;
      const missing = SURVEY_COLUMNS.filter((c) => c.required && ![...columns.values()].includes(c.key)).map((c) => c.header);
      if (missing.length) {
        throw errors.badRequest('SURVEY_COLUMNS_MISSING', `工作表「${ws.name}」缺少必填列：${missing.join('、')}（请使用导入模板）`);
      }
      const rows: RawRow[] = [];
      for (let r = h + 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        if (!row.hasValues) continue;
        const cells: RawRow['cells'] = {};
        let blank = true;
        for (const [col, key] of columns) {
          const v = plain(row.getCell(col).value);
          const value = typeof v === 'string' ? v.trim() : v;
          if (value !== null && value !== '') blank = false;
          cells[key] = value === '' ? null : value;
        }
        if (blank) continue;
        rows.push({ rowNo: r, cells });
        if (rows.length > SURVEY_LIMITS.maxRows) {
          throw errors.badRequest('SURVEY_TOO_MANY_ROWS', `文件超过 ${SURVEY_LIMITS.maxRows} 行，请拆分后分批导入`);
        }
      }
      if (!rows.length) throw errors.badRequest('SURVEY_FILE_EMPTY', `工作表「${ws.name}」没有数据行，请在表头下方逐行填写房屋`);
      return rows;
    }
  }
  throw errors.badRequest('SURVEY_SHEET_NOT_FOUND', `未找到测绘数据表：请使用导入模板，在「${SURVEY_SHEET}」工作表第一行保留表头（含「不动产单元号」列）`);
}

/** The full error list as CSV (UTF-8 with BOM so Excel shows the Chinese correctly). */
export function errorsCsv(list: SurveyRowError[]): string {
  const q = (s: string | number) => {
    // A leading = + - @ would make Excel evaluate the cell as a formula.
    const t = typeof s === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : String(s);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = ['行号,列,错误代码,原因', ...list.map((e) => [e.row, e.column, e.code, e.message].map(q).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
