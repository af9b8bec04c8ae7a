// Excel exports (导出Excel): one sheet, a bold header row, and the file sent as an attachment named
// in Chinese. Routes build the rows from the same query as their list, so an export is the list.
import ExcelJS from 'exceljs';
import type { AppContext } from '../http/types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn<K extends string> {
  header: string;
  key: K;
  width: number;
}

export type XlsxCell = string | number | boolean | Date | null | undefined;

export async function xlsxBuffer<K extends string>(sheet: string, columns: readonly XlsxColumn<K>[], rows: Iterable<Partial<Record<K, XlsxCell>>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Answers with the workbook as a download. */
export async function sendXlsx<K extends string>(
  ctx: AppContext, file: { sheet: string; filename: string }, columns: readonly XlsxColumn<K>[], rows: Iterable<Partial<Record<K, XlsxCell>>>,
): Promise<undefined> {
  const body = await xlsxBuffer(file.sheet, columns, rows);
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  ctx.type = XLSX_TYPE;
  ctx.body = body;
  return undefined;
}
