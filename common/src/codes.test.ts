import {
  checkCharacter, checkCodeRule, codeScopeKey, iso7064Mod11_2, mod31Check, parseCodeTemplate, renderCode, shanghaiYearMonth,
  type CodeToken,
} from './codes';
import { residentIdCheckChar, usccCheckChar } from './validators/ids';
import { CODE_FAMILY_SCOPES } from './contracts/codes';

const tokens = (template: string): CodeToken[] => {
  const p = parseCodeTemplate(template);
  if (!p.ok) throw new Error(p.errors.join('; '));
  return p.tokens;
};

describe('rendering', () => {
  test('a presale permit number as printed on the certificate', () => {
    expect(renderCode(tokens('{prefix}（{year}）第{seq:5}号'), { prefix: '横琴房预许字', year: 2026, month: 3, seq: 12 })).toBe('横琴房预许字（2026）第00012号');
  });

  test('two-digit year, month, unpadded sequence, and a sequence longer than its padding printed in full', () => {
    const t = tokens('{prefix}-{yy}{month}-{seq}');
    expect(renderCode(t, { prefix: 'ZL', year: 2026, month: 3, seq: 7 })).toBe('ZL-2603-7');
    expect(renderCode(tokens('{seq:3}'), { prefix: '', year: 2026, month: 1, seq: 12345 })).toBe('12345');
  });

  test('literal braces are written doubled', () => {
    expect(renderCode(tokens('{{{year}}}-{seq:2}'), { prefix: '', year: 2026, month: 1, seq: 3 })).toBe('{2026}-03');
  });

  test('the check character covers the digits to its left and changes when one digit does', () => {
    const t = tokens('{prefix}{year}{seq:7}{check}');
    const a = renderCode(t, { prefix: 'HQXF', year: 2026, month: 1, seq: 1 });
    const b = renderCode(t, { prefix: 'HQXF', year: 2026, month: 1, seq: 2 });
    expect(a).toBe(`HQXF20260000001${iso7064Mod11_2('20260000001')}`);
    expect(a.slice(0, -1)).toBe('HQXF20260000001');
    expect(a.at(-1)).not.toBe(b.at(-1));
  });
});

describe('check characters', () => {
  test('ISO 7064 MOD 11-2 agrees with the resident ID check and ORCID examples', () => {
    for (const id of ['11010519491231002X', '440524198001010013', '810000199408230021']) {
      expect(iso7064Mod11_2(id.slice(0, 17))).toBe(residentIdCheckChar(id.slice(0, 17)));
      expect(iso7064Mod11_2(id.slice(0, 17))).toBe(id[17]);
    }
    expect(iso7064Mod11_2('000000021825009')).toBe('7');
    expect(iso7064Mod11_2('000000021694233')).toBe('X');
  });

  test('MOD 31 agrees with the 统一社会信用代码 check (GB 32100) on 17 characters', () => {
    expect(mod31Check('91350100M000100Y4')).toBe('3');
    for (const s of ['91350100M000100Y4', '12100000400000624', '91440400MA4WXXXX0'.replace(/X/g, '1')]) expect(mod31Check(s)).toBe(usccCheckChar(s));
  });

  test('every single-digit error is caught by both algorithms', () => {
    const base = '202600012345';
    for (const algorithm of ['mod11_2', 'mod31'] as const) {
      const c = checkCharacter(algorithm, base);
      for (let i = 0; i < base.length; i++) {
        for (const d of '0123456789') {
          if (d === base[i]) continue;
          expect(checkCharacter(algorithm, base.slice(0, i) + d + base.slice(i + 1))).not.toBe(c);
        }
      }
    }
  });

  test('Chinese text and punctuation are outside the check', () => {
    expect(checkCharacter('mod11_2', '横琴（2026）第00012号')).toBe(iso7064Mod11_2('202600012'));
  });
});

describe('rule validation', () => {
  const ok = { prefix: 'HQ', template: '{prefix}{year}{seq:6}{check}', scope: 'year' as const };

  test('the seeded defaults are valid', () => {
    expect(checkCodeRule({ prefix: '横琴房预许字', template: '{prefix}（{year}）第{seq:5}号', scope: 'year' }, CODE_FAMILY_SCOPES.presale_permit)).toEqual([]);
    expect(checkCodeRule({ prefix: 'HQZL', template: '{prefix}{year}{month}{seq:6}{check:mod31}', scope: 'year_month' })).toEqual([]);
    expect(checkCodeRule(ok)).toEqual([]);
  });

  test.each([
    ['{prefix}{year}', '流水号'],
    ['{prefix}{year}{seq:5}{seq:5}', '只包含一个流水号'],
    ['{prefix}{year}{seq:0}', '流水号位数'],
    ['{prefix}{year}{seq:13}', '流水号位数'],
    ['{prefix}{year}{seq:x}', '流水号位数'],
    ['{prefix}{yr}{seq:5}', '未知的占位符“{yr}”'],
    ['{prefix}{year}{seq:5', '缺少“}”'],
    ['{prefix}{year}}{seq:5}', '没有对应的“{”'],
    ['{prefix}{check}{year}{seq:5}', '校验位 {check} 须放在流水号之后'],
    ['{prefix}{year}{seq:5}{check:luhn}', '校验位算法“luhn”不支持'],
    ['{prefix}{year}{seq:5}{check}{check}', '最多包含一个校验位'],
    ['{prefix}<{year}>{seq:5}', '不能用于编码的字符'],
    ['{prefix} {year}{seq:5}', '不能用于编码的字符'],
    ['{prefix}{seq:5}', '模板须包含年份'],
    ['{prefix}{year}{month:2}{seq:5}', '不带参数'],
  ])('%s is refused with a message saying %s', (template, message) => {
    const problems = checkCodeRule({ ...ok, template });
    expect(problems.join('；')).toContain(message);
  });

  test('a monthly sequence must print the month; a never-reset one needs no year', () => {
    expect(checkCodeRule({ ...ok, scope: 'year_month' }).join()).toContain('月份');
    expect(checkCodeRule({ ...ok, template: '{prefix}{seq:8}{check}', scope: 'never' })).toEqual([]);
  });

  test('permit numbers may restart only at a new year', () => {
    expect(checkCodeRule({ ...ok, template: '{prefix}{year}{month}{seq:5}', scope: 'year_month' }, CODE_FAMILY_SCOPES.presale_permit).join()).toContain('按年重新起算或连续编号不重新起算');
  });

  test('{prefix} needs a prefix, and the longest code must fit 64 characters', () => {
    expect(checkCodeRule({ ...ok, prefix: '' }).join()).toContain('请填写前缀');
    expect(checkCodeRule({ ...ok, template: `${'横'.repeat(60)}{year}{seq:5}` }).join()).toContain('超过64个字符');
  });
});

describe('scopes in Asia/Shanghai', () => {
  test('an instant on New Year’s Eve UTC is already the new year in 横琴', () => {
    const at = new Date('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 +08:00
    expect(shanghaiYearMonth(at)).toEqual({ year: 2027, month: 1 });
    expect(codeScopeKey('year', at)).toBe('2027');
    expect(codeScopeKey('year_month', at)).toBe('2027-01');
    expect(codeScopeKey('never', at)).toBe('all');
    expect(codeScopeKey('year', new Date('2026-12-31T15:59:59Z'))).toBe('2026');
  });
});
