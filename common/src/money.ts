// Money is integer fen everywhere (BIGINT in the database). Never floating point.

export type Fen = number;

function assertSafeFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须为整数分：${fen}`);
}

/** Parse a 元 amount typed by a person ("1,234.5", "1234.56") into fen, exactly. */
export function yuanToFen(input: string | number): Fen {
  const s = String(input).replace(/[,，\s]/g, '');
  const m = /^(-)?([0-9]+)(?:\.([0-9]{0,2}))?$/.exec(s);
  if (!m) throw new RangeError(`金额格式不正确：${input}（最多两位小数）`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  assertSafeFen(fen);
  return m[1] ? -fen : fen;
}

/** 123456 → "1,234.56" */
export function formatFen(fen: Fen, opts: { grouping?: boolean } = {}): string {
  assertSafeFen(fen);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString();
  const grouped = opts.grouping === false ? yuan : yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "¥1,234.56元" style for people: "1,234.56 元". */
export function formatYuan(fen: Fen): string {
  return `${formatFen(fen)} 元`;
}

/** Large amounts as 万元 with 2 decimals, rounded half up: 123456789 → "123.46 万元". */
export function formatWanYuan(fen: Fen): string {
  assertSafeFen(fen);
  const wanHundredths = Math.round(fen / 10000);
  return `${formatFen(wanHundredths)} 万元`;
}

/** fen × ratio (as a rational num/den) rounded half up, in integers only. */
export function mulRatio(fen: Fen, num: number, den: number): Fen {
  assertSafeFen(fen);
  const r = (BigInt(fen) * BigInt(num) * 2n + BigInt(den)) / (2n * BigInt(den));
  return Number(r);
}
