// Valid-format identifiers for demo data (check characters computed, never random).
import { residentIdCheckChar, usccCheckChar } from '@hq/common';
import type { Rng } from './rng';

const ORG_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 组织机构代码 body (8) + its GB 11714 check character. */
function orgCode(rng: Rng): string {
  return orgCodeOf(Array.from({ length: 8 }, () => String(rng.int(0, 9))).join(''));
}

function orgCodeOf(body: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, c, i) => a + ORG_CODE_CHARS.indexOf(c) * w[i], 0);
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/** 统一社会信用代码 for an enterprise registered in Zhuhai (91 4404 00 …). */
export function uscc(rng: Rng): string {
  return zhuhaiUscc(orgCode(rng));
}

/** The same for a fixed 组织机构代码 body (8 digits): an enterprise the demo names on purpose. */
export function usccOf(orgCodeBody: string): string {
  return zhuhaiUscc(orgCodeOf(orgCodeBody));
}

function zhuhaiUscc(orgCode: string): string {
  const first17 = `91440400${orgCode}`;
  return first17 + usccCheckChar(first17);
}

/** 居民身份证 with a real birth date; area codes from Guangdong, or 810000/820000 permits. */
export function residentId(rng: Rng): string {
  const area = rng.weighted([
    ['440402', 4], ['440403', 2], ['440404', 3], ['440106', 2], ['440304', 2], ['820000', 2], ['810000', 1],
  ] as const);
  const y = rng.int(1955, 2000);
  const m = String(rng.int(1, 12)).padStart(2, '0');
  const d = String(rng.int(1, 28)).padStart(2, '0');
  const first17 = `${area}${y}${m}${d}${String(rng.int(0, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export function mobile(rng: Rng): string {
  return `1${rng.pick(['35', '36', '37', '38', '39', '50', '58', '86', '88'])}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
}

/** 宗地代码 (19): district 440404 + cadastral zone/subzone + GB (state-owned construction land) + seq. */
export function parcelCode(seq: number): string {
  return `440404${String(1 + (seq % 9)).padStart(3, '0')}${String(1 + Math.floor(seq / 9)).padStart(3, '0')}GB${String(10000 + seq).slice(-5)}`;
}

/** 不动产单元号 (28): parcel code + 'F' + 4-digit building + 4-digit room. */
export function unitNumber(parcel: string, building: number, room: number): string {
  return `${parcel}F${String(building).padStart(4, '0')}${String(room).padStart(4, '0')}`;
}
