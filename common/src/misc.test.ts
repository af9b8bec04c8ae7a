import { maskIdNumber, maskName, maskPhone, UNMASKED_PATTERNS } from './masking';
import { formatFen, formatWanYuan, mulRatio, yuanToFen } from './money';
import { DEFAULT_CALENDAR, WorkingCalendar } from './calendar';
import { formatShanghai, shanghaiDate } from './time';
import { menuFor, isPrivileged } from './roles';

describe('masking', () => {
  test('names, phones, ID numbers', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('A1234563')).toBe('A*****63');
  });
  test('masked values no longer match the unmasked patterns', () => {
    expect(UNMASKED_PATTERNS.residentId.test('11010519491231002X')).toBe(true);
    expect(UNMASKED_PATTERNS.residentId.test(maskIdNumber('11010519491231002X'))).toBe(false);
    expect(UNMASKED_PATTERNS.mobile.test(maskPhone('13812341234'))).toBe(false);
  });
});

describe('money in fen', () => {
  test('parses 元 exactly', () => {
    expect(yuanToFen('1,234.56')).toBe(123456);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(() => yuanToFen('1.234')).toThrow('最多两位小数');
  });
  test('formats', () => {
    expect(formatFen(123456789)).toBe('1,234,567.89');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatWanYuan(123456789)).toBe('123.46 万元');
  });
  test('ratios round half up in integers', () => {
    expect(mulRatio(1000, 6, 5)).toBe(1200); // ×120%
    expect(mulRatio(1, 1, 2)).toBe(1);
    expect(mulRatio(9_000_000_000_000, 3, 10)).toBe(2_700_000_000_000);
  });
});

describe('working days with holidays and make-up workdays (调休)', () => {
  const cal = new WorkingCalendar(DEFAULT_CALENDAR);
  test('Spring Festival 2026: holidays skipped, the Saturday make-up day counts', () => {
    expect(cal.isWorkday('2026-02-14')).toBe(true); // Saturday worked
    expect(cal.isWorkday('2026-02-16')).toBe(false); // Monday holiday
    // Friday 13 Feb + 1 working day = Saturday 14 Feb (调休); + 2 = Tuesday 24 Feb.
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
  });
  test('National Day 2026 with make-up Saturday 10 October', () => {
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
  });
  test('zero days from a holiday lands on the next workday', () => {
    expect(cal.addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
  });
  test('an edited table changes the answer', () => {
    const edited = new WorkingCalendar([...DEFAULT_CALENDAR, { date: '2026-11-23', kind: 'holiday' }]);
    expect(edited.addWorkingDays('2026-11-20', 1)).toBe('2026-11-24');
  });
});

describe('time in Asia/Shanghai', () => {
  test('business date crosses midnight at 16:00 UTC', () => {
    expect(shanghaiDate('2026-11-21T15:59:59Z')).toBe('2026-11-21');
    expect(shanghaiDate('2026-11-21T16:00:00Z')).toBe('2026-11-22');
    expect(formatShanghai('2026-11-21T16:00:00Z')).toBe('2026-11-22 00:00:00');
  });
});

describe('roles', () => {
  test('menu from roles', () => {
    const audit = menuFor(['audit_admin']).map((m) => m.key);
    expect(audit).toContain('audit');
    expect(audit).not.toContain('system');
    const dev = menuFor(['developer_staff']);
    expect(dev.find((m) => m.key === 'enterprises')?.children?.map((c) => c.key)).toEqual(['my-org']);
    // The association reviews agency and broker filings from 申请与审核, and nothing else of 网上办事.
    const association = menuFor(['association']);
    expect(association.find((m) => m.key === 'online')?.children?.map((c) => c.key)).toEqual(['applications']);
  });
  test('privileged roles', () => {
    expect(isPrivileged(['reviewer_1'])).toBe(true);
    expect(isPrivileged(['inspector'])).toBe(false);
    expect(isPrivileged(['owner', 'committee_member'])).toBe(false);
  });
});
