import {
  checkUscc, checkResidentId, checkHkid, checkMacaoId, checkHomeReturnPermit, checkMobile, residentIdKind, checkIdDocument,
  normaliseIdDocument,
} from './ids';
import { checkPasswordStrength } from './password';

// Real-format numbers: published examples and numbers built with the standard's own algorithm.
describe('统一社会信用代码 (GB 32100)', () => {
  test.each(['91350100M000100Y43', '91110000600037341L', '91440400707946057T'])('accepts %s', (v) => {
    expect(checkUscc(v)).toEqual({ ok: true });
  });
  test('accepts lower case by normalising', () => expect(checkUscc('91350100m000100y43').ok).toBe(true));
  test.each([
    ['91350100M000100Y44', '校验位'],
    ['91350100M000100Y4', '18位'],
    ['91350100M00O100Y43', '无效字符'],
    ['9135AB00M000100Y43', '行政区划'],
    ['', '18位'],
  ])('refuses %s (%s)', (v, why) => {
    const r = checkUscc(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
});

describe('居民身份证 and residence permits (GB 11643)', () => {
  test.each(['11010519491231002X', '440524198001010013', '810000199408230021', '820000199501010025'])('accepts %s', (v) => {
    expect(checkResidentId(v).ok).toBe(true);
  });
  test('knows HK/Macao/Taiwan residence permits by area code', () => {
    expect(residentIdKind('810000199408230021')).toBe('hk');
    expect(residentIdKind('820000199501010025')).toBe('macao');
    expect(residentIdKind('11010519491231002X')).toBe('mainland');
  });
  test.each([
    ['110105194912310021', '校验位'],
    ['11010519491331002X', '出生日期'],
    ['11010520990101002X', '出生日期'],
    ['1101051949123100', '18位'],
    ['11010519491231002Y', '18位'],
  ])('refuses %s (%s)', (v, why) => {
    const r = checkResidentId(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
  test('a lower-case x check character is accepted', () => expect(checkResidentId('11010519491231002x').ok).toBe(true));
});

describe('HKID', () => {
  test.each(['A123456(3)', 'A1234563', 'a123456（3）'])('accepts the worked example written as %s', (v) => {
    expect(checkHkid(v).ok).toBe(true);
  });
  test('the worked example A123456(3) passes and its corruptions fail', () => {
    expect(checkHkid('A123456(3)').ok).toBe(true);
    expect(checkHkid('A123456(4)').ok).toBe(false);
    expect(checkHkid('A123457(3)').ok).toBe(false);
    expect(checkHkid('123456(3)').ok).toBe(false);
  });
  test('two-letter prefixes use both letters', () => {
    // Computed by hand: X=33,Y=34 → 33*9+34*8+ digits 1..6 * 7..2
    const sum = 33 * 9 + 34 * 8 + 1 * 7 + 2 * 6 + 3 * 5 + 4 * 4 + 5 * 3 + 6 * 2;
    const r = sum % 11;
    const check = r === 0 ? '0' : r === 1 ? 'A' : String(11 - r);
    expect(checkHkid(`XY123456(${check})`).ok).toBe(true);
  });
  test('check digit A (remainder 1) is supported', () => {
    // Find a number whose check is 'A' and make sure it validates.
    for (let n = 0; n < 1000; n++) {
      const digits = String(100000 + n);
      const sum = 36 * 9 + 10 * 8 + [...digits].reduce((a, c, i) => a + Number(c) * (7 - i), 0);
      if (sum % 11 === 1) {
        expect(checkHkid(`A${digits}(A)`).ok).toBe(true);
        return;
      }
    }
    throw new Error('no example found');
  });
});

describe('Macao ID, Home Return Permit, mobile', () => {
  test('Macao ID', () => {
    expect(checkMacaoId('1234567(8)').ok).toBe(true);
    expect(checkMacaoId('51234567').ok).toBe(true);
    expect(checkMacaoId('7123456').ok).toBe(false);
    expect(checkMacaoId('31234567').ok).toBe(false);
  });
  test('港澳居民来往内地通行证', () => {
    expect(checkHomeReturnPermit('H12345678').ok).toBe(true);
    expect(checkHomeReturnPermit('M1234567801').ok).toBe(true);
    expect(checkHomeReturnPermit('C12345678').ok).toBe(false);
    expect(checkHomeReturnPermit('H1234567').ok).toBe(false);
  });
  test('mobile', () => {
    expect(checkMobile('13812341234').ok).toBe(true);
    expect(checkMobile('+86 138-1234-1234').ok).toBe(true);
    expect(checkMobile('12812341234').ok).toBe(false);
    expect(checkMobile('1381234123').ok).toBe(false);
  });
  test('dispatch by document type and normalise for lookups', () => {
    expect(checkIdDocument('hkid', 'A123456(3)').ok).toBe(true);
    expect(checkIdDocument('resident_id', 'A123456(3)').ok).toBe(false);
    expect(normaliseIdDocument('hkid', 'a123456(3)')).toBe('A1234563');
  });
});

describe('password strength', () => {
  test.each([['Hengqin@2026', true], ['hengqin2026', false], ['Short#1', false], ['ABCdef123', true], ['abcdefgh', false]])('%s → %s', (pw, ok) => {
    expect(checkPasswordStrength(pw as string).ok).toBe(ok);
  });
});
