// Row checks of a survey import that need no database: every cell of every row is read and
// every fault is reported (row + column + code + Chinese reason), never only the first one.
import {
  OFFICE_SUBTYPES, ROOM_USES, ROOM_USE_LABELS, SURVEY_ERROR_CODES, SURVEY_HEADER,
  type RoomUse, type SurveyColumnKey, type SurveyErrorCode, type SurveyRowError,
} from '@hq/common';

export type Cell = string | number | boolean | null;
export interface RawRow {
  /** Excel row number for files; 1-based index for JSON. */
  rowNo: number;
  cells: Partial<Record<SurveyColumnKey, Cell | undefined>>;
}

export interface BuildingFacts {
  buildingNo: string;
  surveyNo: string | null;
  structure: string | null;
  buildingUse: RoomUse;
  floorsTotal: number;
  floorsUnderground: number;
}

/** A row whose every cell parsed; areas in 0.01 m², floor height in cm. */
export interface SurveyRow extends BuildingFacts {
  rowNo: number;
  unit: string | null;
  floor: number;
  roomNo: string;
  unitNumber: string;
  use: RoomUse;
  officeSubtype: keyof typeof OFFICE_SUBTYPES | null;
  buildArea: number;
  innerArea: number;
  sharedArea: number;
  floorHeight: number | null;
  fitout: boolean;
}

export class RowErrors {
  readonly list: SurveyRowError[] = [];
  readonly badRows = new Set<number>();

  add(rowNo: number, field: SurveyColumnKey, code: SurveyErrorCode, message: string): void {
    this.list.push({ row: rowNo, column: SURVEY_HEADER[field], field, code, message });
    this.badRows.add(rowNo);
  }

  sorted(): SurveyRowError[] {
    return [...this.list].sort((a, b) => a.row - b.row);
  }
}

/** 不动产单元号: 19-char parcel code (宗地代码) + 'F' + 8 digits (GB/T 37346). */
export const UNIT_NUMBER_RE = /^[0-9A-Z]{19}F[0-9]{8}$/;

const USE_BY_TEXT: Record<string, RoomUse> = Object.fromEntries([
  ...ROOM_USES.map((u) => [u, u]),
  ...Object.entries(ROOM_USE_LABELS).map(([k, label]) => [label, k]),
]) as Record<string, RoomUse>;
const SUBTYPE_BY_TEXT: Record<string, keyof typeof OFFICE_SUBTYPES> = Object.fromEntries([
  ...Object.keys(OFFICE_SUBTYPES).map((k) => [k, k]),
  ...Object.entries(OFFICE_SUBTYPES).map(([k, label]) => [label, k]),
]) as Record<string, keyof typeof OFFICE_SUBTYPES>;
const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);

const isBlank = (v: Cell | undefined) => v == null || (typeof v === 'string' && v.trim() === '');
const fmt = (hundredths: number) => (hundredths / 100).toFixed(2);

/** Parses one row's cells; the parse fails (null) when any cell is at fault. */
function parseRow(raw: RawRow, parcelCode: string | null, errs: RowErrors): Partial<SurveyRow> & { ok: boolean } {
  const { rowNo, cells } = raw;
  let ok = true;
  const fail = (field: SurveyColumnKey, code: SurveyErrorCode, message: string) => {
    ok = false;
    errs.add(rowNo, field, code, message);
  };
  const required = (field: SurveyColumnKey): Cell | undefined => {
    const v = cells[field];
    if (isBlank(v)) {
      fail(field, 'CELL_REQUIRED', `「${SURVEY_HEADER[field]}」为必填项，不能为空`);
      return undefined;
    }
    return v;
  };
  const text = (field: SurveyColumnKey, max: number, need: boolean): string | null | undefined => {
    const v = need ? required(field) : cells[field];
    if (isBlank(v)) return need ? undefined : null;
    const s = String(v).trim();
    if (s.length > max) {
      fail(field, 'TEXT_TOO_LONG', `「${SURVEY_HEADER[field]}」不超过${max}个字符`);
      return undefined;
    }
    return s;
  };
  const int = (field: SurveyColumnKey, min: number, max: number, need: boolean): number | null | undefined => {
    const v = need ? required(field) : cells[field];
    if (isBlank(v)) return need ? undefined : null;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n)) {
      fail(field, 'NOT_A_NUMBER', `「${SURVEY_HEADER[field]}」应为数字，现为「${String(v)}」`);
      return undefined;
    }
    if (!Number.isInteger(n)) {
      fail(field, 'NOT_AN_INTEGER', `「${SURVEY_HEADER[field]}」应为整数，现为 ${n}`);
      return undefined;
    }
    if (n < min || n > max) {
      fail(field, 'NUMBER_OUT_OF_RANGE', `「${SURVEY_HEADER[field]}」应在 ${min} 到 ${max} 之间，现为 ${n}`);
      return undefined;
    }
    return n;
  };
  /** A decimal with at most two places, returned ×100 as an integer. */
  const hundredths = (field: SurveyColumnKey, min: number, max: number, need: boolean, unit: string): number | null | undefined => {
    const v = need ? required(field) : cells[field];
    if (isBlank(v)) return need ? undefined : null;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n)) {
      fail(field, 'NOT_A_NUMBER', `「${SURVEY_HEADER[field]}」应为数字（单位${unit}），现为「${String(v)}」`);
      return undefined;
    }
    const x = Math.round(n * 100);
    if (Math.abs(n * 100 - x) > 1e-6) {
      fail(field, 'TOO_MANY_DECIMALS', `「${SURVEY_HEADER[field]}」最多保留两位小数，现为 ${n}`);
      return undefined;
    }
    if (x < min || x > max) {
      fail(field, 'NUMBER_OUT_OF_RANGE', `「${SURVEY_HEADER[field]}」应在 ${fmt(min)} 到 ${fmt(max)} ${unit}之间，现为 ${n}`);
      return undefined;
    }
    return x;
  };
  const use = (field: 'use' | 'buildingUse'): RoomUse | undefined => {
    const v = required(field);
    if (v === undefined) return undefined;
    const u = USE_BY_TEXT[String(v).trim()];
    if (!u) fail(field, 'USE_UNKNOWN', `「${SURVEY_HEADER[field]}」应为 住宅、办公、商业 或 其他，现为「${String(v)}」`);
    return u;
  };

  const buildingNo = text('buildingNo', 32, true) ?? undefined;
  const surveyNo = text('surveyNo', 32, false);
  const structure = text('structure', 32, false);
  const buildingUse = use('buildingUse');
  const floorsTotal = int('floorsTotal', 1, 200, true) ?? undefined;
  const floorsUndergroundCell = int('floorsUnderground', 0, 20, false);
  const floorsUnderground = floorsUndergroundCell === null ? 0 : floorsUndergroundCell;
  const unit = text('unit', 16, false);
  const floor = int('floor', -20, 200, true) ?? undefined;
  const roomNo = text('roomNo', 16, true) ?? undefined;

  let unitNumber: string | undefined;
  const un = required('unitNumber');
  if (un !== undefined) {
    const s = String(un).trim().toUpperCase();
    if (!UNIT_NUMBER_RE.test(s)) {
      fail('unitNumber', 'UNIT_NUMBER_FORMAT', `不动产单元号应为28位：19位宗地代码 + F + 8位数字，现为「${String(un)}」（${String(un).trim().length}位）`);
    } else if (parcelCode && s.slice(0, 19) !== parcelCode) {
      fail('unitNumber', 'UNIT_NUMBER_PARCEL_MISMATCH', `不动产单元号前19位应为本项目宗地代码 ${parcelCode}，现为 ${s.slice(0, 19)}`);
    } else unitNumber = s;
  }

  const roomUse = use('use');
  let officeSubtype: SurveyRow['officeSubtype'] | undefined = null;
  const st = cells.officeSubtype;
  if (!isBlank(st)) {
    officeSubtype = SUBTYPE_BY_TEXT[String(st).trim()];
    if (!officeSubtype) fail('officeSubtype', 'OFFICE_SUBTYPE_UNKNOWN', `「办公类型」应为 酒店式办公 或 普通办公，现为「${String(st)}」`);
    else if (roomUse && roomUse !== 'office') {
      fail('officeSubtype', 'OFFICE_SUBTYPE_NOT_OFFICE', `用途为「${ROOM_USE_LABELS[roomUse]}」的房屋不填写办公类型`);
    }
  } else if (roomUse === 'office') {
    fail('officeSubtype', 'OFFICE_SUBTYPE_REQUIRED', '用途为「办公」的房屋须填写办公类型：酒店式办公 或 普通办公');
  }

  const buildArea = hundredths('buildArea', 1, 10_000_000, true, 'm²') ?? undefined;
  const innerArea = hundredths('innerArea', 0, 10_000_000, true, 'm²') ?? undefined;
  const sharedArea = hundredths('sharedArea', 0, 10_000_000, true, 'm²') ?? undefined;
  if (buildArea !== undefined && innerArea !== undefined && sharedArea !== undefined && Math.abs(buildArea - innerArea - sharedArea) > 1) {
    fail('buildArea', 'AREA_INCONSISTENT',
      `建筑面积 ${fmt(buildArea)} m² 应等于套内面积 ${fmt(innerArea)} + 分摊面积 ${fmt(sharedArea)} = ${fmt(innerArea + sharedArea)} m²（允许误差0.01 m²）`);
  }
  const floorHeight = hundredths('floorHeight', 100, 2000, false, 'm');

  let fitout = false;
  const fo = cells.fitout;
  if (!isBlank(fo)) {
    const s = String(fo).trim().toLowerCase();
    if (fo === true || YES.has(s)) fitout = true;
    else if (fo === false || NO.has(s)) fitout = false;
    else fail('fitout', 'FITOUT_INVALID', `「装修交付」应填 是 或 否，现为「${String(fo)}」`);
  }

  if (floor !== undefined && floorsTotal !== undefined && floorsUndergroundCell !== undefined) {
    const below = floorsUnderground ?? 0;
    const inRange = floor > 0 ? floor <= floorsTotal : floor < 0 && -floor <= below;
    if (!inRange) {
      fail('floor', 'FLOOR_OUT_OF_RANGE', floor === 0
        ? '「层」不能为0：地上层从1起，地下层用负数（如 -1）'
        : `第${floor}层超出该幢层数（地上${floorsTotal}层${below ? `、地下${below}层` : ''}）`);
    }
  }

  return {
    ok, rowNo, buildingNo, surveyNo, structure, buildingUse, floorsTotal,
    floorsUnderground: floorsUndergroundCell === undefined ? undefined : floorsUnderground, unit, floor, roomNo, unitNumber,
    use: roomUse, officeSubtype, buildArea, innerArea, sharedArea, floorHeight, fitout,
  };
}

const FACT_FIELDS = ['surveyNo', 'structure', 'buildingUse', 'floorsTotal', 'floorsUnderground'] as const;

/**
 * Parse and check every row, then the checks across rows: a unit number twice in the file, a
 * room number twice on one floor of one unit of one building, and building facts that differ
 * between the rows of one building. Returns the rows that parsed (bad ones included, so that
 * database checks can still report on them) and the error collector.
 */
export function checkRows(raw: RawRow[], parcelCode: string | null): { rows: SurveyRow[]; errs: RowErrors; unitNumbers: Map<string, number[]> } {
  const errs = new RowErrors();
  const parsed = raw.map((r) => parseRow(r, parcelCode, errs));

  const byUnitNumber = new Map<string, number[]>();
  const byPosition = new Map<string, number[]>();
  const facts = new Map<string, Partial<SurveyRow>>();
  for (const p of parsed) {
    if (p.unitNumber) byUnitNumber.set(p.unitNumber, [...(byUnitNumber.get(p.unitNumber) ?? []), p.rowNo!]);
    if (p.buildingNo && p.floor !== undefined && p.roomNo && p.unit !== undefined) {
      const key = `${p.buildingNo}\u0000${p.unit ?? ''}\u0000${p.floor}\u0000${p.roomNo}`;
      byPosition.set(key, [...(byPosition.get(key) ?? []), p.rowNo!]);
    }
    if (p.buildingNo && FACT_FIELDS.every((f) => p[f] !== undefined)) {
      const first = facts.get(p.buildingNo);
      if (!first) facts.set(p.buildingNo, p);
      else {
        for (const f of FACT_FIELDS) {
          if (first[f] !== p[f]) {
            errs.add(p.rowNo!, f, 'BUILDING_FACTS_CONFLICT',
              `「${p.buildingNo}」的「${SURVEY_HEADER[f]}」与第${first.rowNo}行不一致（${String(first[f] ?? '空')} / ${String(p[f] ?? '空')}），同一幢各行应相同`);
          }
        }
      }
    }
  }
  for (const [unitNumber, rowNos] of byUnitNumber) {
    if (rowNos.length < 2) continue;
    for (const rowNo of rowNos) {
      errs.add(rowNo, 'unitNumber', 'UNIT_NUMBER_DUPLICATE', `不动产单元号 ${unitNumber} 在文件中出现多次（第${rowNos.join('、')}行）`);
    }
  }
  for (const [key, rowNos] of byPosition) {
    if (rowNos.length < 2) continue;
    const [buildingNo, unit, floor, roomNo] = key.split('\u0000');
    for (const rowNo of rowNos) {
      errs.add(rowNo, 'roomNo', 'ROOM_NO_DUPLICATE', `${buildingNo}${unit ? ` ${unit}` : ''} 第${floor}层房号 ${roomNo} 重复（第${rowNos.join('、')}行）`);
    }
  }
  const rows = parsed.filter((p) => p.ok).map(({ ok: _ok, ...r }) => r as SurveyRow);
  return { rows, errs, unitNumbers: byUnitNumber };
}

export const errorLabel = (code: string) => SURVEY_ERROR_CODES[code as SurveyErrorCode] ?? code;
