// Identity-number validators (DOMAIN.md §7). Each returns a Chinese message a person can act on.
import { Check, fail, ok } from './result';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Check character of a 统一社会信用代码 from its first 17 characters (GB 32100). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c];
}

/** 统一社会信用代码 (GB 32100-2015). */
export function checkUscc(value: string): Check {
  const v = (value ?? '').trim().toUpperCase();
  if (v.length !== 18) return fail('统一社会信用代码应为18位，请核对后重新输入');
  for (const ch of v) {
    if (!USCC_CHARS.includes(ch)) return fail(`统一社会信用代码含有无效字符“${ch}”（不使用 I、O、Z、S、V）`);
  }
  if (!/^[0-9]{6}$/.test(v.slice(2, 8))) return fail('统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）');
  if (usccCheckChar(v.slice(0, 17)) !== v[17]) return fail('统一社会信用代码校验位不正确，请核对是否输错');
  return ok;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function validBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= Date.now();
}

/**
 * 居民身份证 (GB 11643), also the HK/Macao/Taiwan residence permits that share its format
 * (area codes 810000/820000/830000).
 */
export function checkResidentId(value: string): Check {
  const v = (value ?? '').trim().toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(v)) return fail('身份证号码应为18位，前17位为数字，最后一位为数字或X');
  if (!validBirthDate(v.slice(6, 14))) return fail('身份证号码中的出生日期无效，请核对第7至14位');
  if (residentIdCheckChar(v.slice(0, 17)) !== v[17]) return fail('身份证号码校验位不正确，请核对是否输错');
  return ok;
}

/** Which kind of 18-digit number this is (居民身份证 or a 港澳台居民居住证). */
export function residentIdKind(value: string): 'mainland' | 'hk' | 'macao' | 'taiwan' {
  const area = value.slice(0, 6);
  if (area === '810000') return 'hk';
  if (area === '820000') return 'macao';
  if (area === '830000') return 'taiwan';
  return 'mainland';
}

/** 香港身份证 HKID, e.g. A123456(3). Brackets around the check digit are optional. */
export function hkidCheckChar(prefix: string, digits: string): string {
  const letters = prefix.length === 1 ? [36, prefix.charCodeAt(0) - 55] : [...prefix].map((c) => c.charCodeAt(0) - 55);
  const values = [...letters, ...[...digits].map(Number)];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += values[i] * (9 - i);
  const r = sum % 11;
  if (r === 0) return '0';
  if (r === 1) return 'A';
  return String(11 - r);
}

export function checkHkid(value: string): Check {
  const v = (value ?? '').trim().toUpperCase().replace(/[()（）]/g, '');
  const m = /^([A-Z]{1,2})([0-9]{6})([0-9A])$/.exec(v);
  if (!m) return fail('香港身份证号码格式应为1至2个字母+6位数字+校验位，例如 A123456(3)');
  if (hkidCheckChar(m[1], m[2]) !== m[3]) return fail('香港身份证号码校验位不正确，请核对是否输错');
  return ok;
}

/** 澳门身份证: 8 digits, first 1, 5 or 7 (no public check digit). Accepts 1234567(8). */
export function checkMacaoId(value: string): Check {
  const v = (value ?? '').trim().replace(/[()（）/]/g, '');
  if (!/^[157][0-9]{7}$/.test(v)) return fail('澳门身份证号码应为8位数字，且以1、5或7开头');
  return ok;
}

/** 港澳居民来往内地通行证 (回乡证): H or M + 8 digits, optionally + 2-digit issue count. */
export function checkHomeReturnPermit(value: string): Check {
  const v = (value ?? '').trim().toUpperCase();
  if (!/^[HM][0-9]{8}([0-9]{2})?$/.test(v)) {
    return fail('港澳居民来往内地通行证号码应为H或M开头加8位数字（可再加2位换证次数）');
  }
  return ok;
}

/** Mainland mobile number: 11 digits starting 1[3-9]; accepts +86/86 prefixes and separators. */
export function normaliseMobile(value: string): string {
  return (value ?? '').replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
}

export function checkMobile(value: string): Check {
  const v = normaliseMobile(value);
  if (!/^1[3-9][0-9]{9}$/.test(v)) return fail('手机号码应为11位，以13至19开头');
  return ok;
}

export type IdDocumentType = 'resident_id' | 'hkid' | 'macao_id' | 'home_return_permit';

export const ID_DOCUMENT_LABELS: Record<IdDocumentType, string> = {
  resident_id: '居民身份证/港澳台居民居住证',
  hkid: '香港身份证',
  macao_id: '澳门身份证',
  home_return_permit: '港澳居民来往内地通行证',
};

export function checkIdDocument(type: IdDocumentType, value: string): Check {
  switch (type) {
    case 'resident_id':
      return checkResidentId(value);
    case 'hkid':
      return checkHkid(value);
    case 'macao_id':
      return checkMacaoId(value);
    case 'home_return_permit':
      return checkHomeReturnPermit(value);
  }
}

/** Canonical form stored and hashed, so that `a123456(3)` and `A1234563` are the same person. */
export function normaliseIdDocument(type: IdDocumentType, value: string): string {
  const v = (value ?? '').trim().toUpperCase();
  return type === 'hkid' || type === 'macao_id' ? v.replace(/[()（）/]/g, '') : v;
}
