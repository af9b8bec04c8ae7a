import {
  DEFAULT_CREDIT_STANDARDS, DEFAULT_CREDIT_GRADES, addMonths, checkCreditStandard, computeCredit, creditValidUntil, gradeOf, quarterOf, ratingStars,
  type CreditEventFact, type CreditStandardBody,
} from './credit';

const developer = DEFAULT_CREDIT_STANDARDS.developer;
const qualified = { registered: true, qualification_valid: true, qualification_first: true };
let nextId = 1;
const event = (code: string, occurredOn: string, over: Partial<CreditEventFact> = {}): CreditEventFact => {
  const ind = developer.indicators.find((i) => i.code === code)!;
  return {
    id: nextId++, label: ind.label, direction: ind.direction, points: ind.points, blacklist: !!ind.blacklist, status: 'effective', occurredOn,
    validUntil: creditValidUntil(occurredOn, ind.validityMonths), effectiveOn: occurredOn, revokedOn: null, ...over,
  };
};

describe('grade bands (DOMAIN.md §11: AAA ≥85, AA 80–85, A 70–80, B 60–70, C <60)', () => {
  test('the boundaries belong to the higher band', () => {
    const g = (s: number) => gradeOf(s, DEFAULT_CREDIT_GRADES).grade;
    expect([100, 85, 84, 80, 79, 70, 69, 60, 59, 0].map(g)).toEqual(['AAA', 'AAA', 'AA', 'AA', 'A', 'A', 'B', 'B', 'C', 'C']);
  });
});

describe('score = base + good − bad ± ratings, explained', () => {
  test('worked example: a registered first-grade developer with an award and a violation', () => {
    // Base 60 + 10 + 5 = 75 (A). A city quality award +3 → 78 (A); a presale violation −10 → 68 (B).
    const award = event('quality_award_city', '2026-03-16');
    const violation = event('presale_violation', '2026-06-01');
    const e = computeCredit(developer, { base: qualified, events: [award, violation], ratings: [], asOf: '2026-12-01' });
    expect(e).toMatchObject({ baseScore: 75, goodPoints: 3, badPoints: 10, score: 68, grade: 'B', gradeLabel: '一般', blacklisted: false });
    expect(e.counted).toEqual([
      expect.objectContaining({ eventId: award.id, points: 3, validUntil: '2027-03-15' }),
      expect.objectContaining({ eventId: violation.id, points: -10, validUntil: '2027-05-31' }),
    ]);
    expect(e.lines).toContain('良好行为：获得市级优质工程奖（2026-03-16，有效期至2027-03-15）+3');
    expect(e.lines[e.lines.length - 1]).toBe('信用分68分，信用等级B（一般，60分及以上）');
  });

  test('without events the base alone grades: second grade 70 (A), not registered 0 (C)', () => {
    expect(computeCredit(developer, { base: { registered: true, qualification_valid: true }, events: [], ratings: [], asOf: '2026-12-01' }))
      .toMatchObject({ score: 70, grade: 'A' });
    const none = computeCredit(developer, { base: {}, events: [], ratings: [], asOf: '2026-12-01' });
    expect(none).toMatchObject({ score: 0, grade: 'C' });
    expect(none.base.every((b) => !b.met)).toBe(true);
  });

  test('two awards lift 75 to AA; a third past AAA is capped at 100 only when it would exceed it', () => {
    const e = computeCredit(developer, { base: qualified, events: [event('quality_award_provincial', '2026-01-05'), event('commendation', '2026-02-01')], ratings: [], asOf: '2026-12-01' });
    expect(e).toMatchObject({ score: 83, grade: 'AA' });
    const many = Array.from({ length: 10 }, (_, i) => event('quality_award_provincial', `2026-0${1 + (i % 9)}-01`));
    const capped = computeCredit(developer, { base: qualified, events: many, ratings: [], asOf: '2026-12-01' });
    expect(capped.score).toBe(100);
    expect(capped.lines).toContain('合计125分，按0至100分计为100分');
  });

  test('events count only while effective and valid; each excluded one says why', () => {
    const pending = event('presale_violation', '2026-10-01', { status: 'pending', effectiveOn: null });
    const rejected = event('fund_misuse', '2026-10-02', { status: 'rejected', effectiveOn: null });
    const revoked = event('delivery_delay', '2026-04-01', { status: 'revoked', revokedOn: '2026-11-20' });
    const expired = event('complaint_verified', '2025-10-01');
    const e = computeCredit(developer, { base: qualified, events: [pending, rejected, revoked, expired], ratings: [], asOf: '2026-12-01' });
    expect(e.score).toBe(75);
    expect(e.counted).toEqual([]);
    expect(Object.fromEntries(e.excluded.map((x) => [x.eventId, x.reason]))).toEqual({
      [pending.id]: '待审核，审核通过后计入',
      [rejected.id]: '审核未通过，不计入',
      [revoked.id]: '已于2026-11-20撤销（异议成立），不计入',
      [expired.id]: '已过有效期（有效期至2026-09-30），不计入',
    });
  });

  test('a revoked event still counts in a snapshot taken before its revocation', () => {
    const revoked = event('delivery_delay', '2026-04-01', { status: 'revoked', revokedOn: '2026-11-20' });
    expect(computeCredit(developer, { base: qualified, events: [revoked], ratings: [], asOf: '2026-10-31' }).score).toBe(70);
    expect(computeCredit(developer, { base: qualified, events: [revoked], ratings: [], asOf: '2026-11-20' }).score).toBe(75);
  });

  test('a blacklist indicator puts the subject on the blacklist whatever the score', () => {
    const e = computeCredit(developer, { base: qualified, events: [event('false_material', '2026-05-01'), event('quality_award_provincial', '2026-05-02')], ratings: [], asOf: '2026-12-01' });
    expect(e).toMatchObject({ score: 60, grade: 'blacklist', gradeLabel: '失信黑名单', blacklisted: true });
  });

  test('public ratings: at least 3 in 12 months; average 5 → +5, 3 → 0, 1 → −5, rounded half away from zero', () => {
    const agency = DEFAULT_CREDIT_STANDARDS.agency;
    const base = { registered: true, brokers_filed: true };
    const r = (on: string, stars: number) => ({ on, stars });
    const two = computeCredit(agency, { base, events: [], ratings: [r('2026-11-01', 5), r('2026-11-02', 5)], asOf: '2026-12-01' });
    expect(two.rating).toMatchObject({ count: 2, points: 0 });
    expect(two.rating!.note).toBe('公众评价：近12个月2条，不足3条，不计分');
    const good = computeCredit(agency, { base, events: [], ratings: [r('2026-11-01', 5), r('2026-10-02', 4), r('2026-06-03', 4.5), r('2026-01-01', 4)], asOf: '2026-12-01' });
    // (5 + 4 + 4.5 + 4) / 4 = 4.375 → (1.375 / 2) × 5 = 3.4375 → +3
    expect(good).toMatchObject({ ratingPoints: 3, score: 78 });
    const bad = computeCredit(agency, { base, events: [], ratings: [r('2026-11-01', 1), r('2026-11-02', 2), r('2026-11-03', 1.5)], asOf: '2026-12-01' });
    // average 1.5 → −3.75 → −4
    expect(bad).toMatchObject({ ratingPoints: -4, score: 71 });
    const old = computeCredit(agency, { base, events: [], ratings: [r('2025-11-30', 1), r('2025-12-01', 1), r('2025-12-02', 1)], asOf: '2026-12-01' });
    expect(old.rating).toMatchObject({ count: 1, points: 0, from: '2025-12-02' });
    expect(ratingStars({ professionalism: 5, attitude: 4, process: 3 })).toBe(4);
  });
});

describe('dates', () => {
  test('validity runs to the day before the same date months later, clamped at month ends', () => {
    expect(creditValidUntil('2026-03-15', 12)).toBe('2027-03-14');
    expect(creditValidUntil('2026-01-31', 1)).toBe('2026-02-27');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-12-01', -12)).toBe('2025-12-01');
  });
  test('quarters in the business calendar', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual(['2026Q1', '2026Q1', '2026Q2', '2026Q4']);
  });
});

describe('checking a standard', () => {
  test('the shipped standards are valid', () => {
    for (const [kind, s] of Object.entries(DEFAULT_CREDIT_STANDARDS)) expect([kind, checkCreditStandard(kind as 'developer', s)]).toEqual([kind, []]);
  });
  test('every problem is named in Chinese', () => {
    const bad: CreditStandardBody = {
      baseItems: [{ code: 'made_up', label: '虚构', points: 90 }, { code: 'registered', label: '已注册', points: 20 }],
      indicators: [
        { code: 'x', label: '一', direction: 'good', points: 0, validityMonths: 0, blacklist: true },
        { code: 'dup', label: '重复指标', direction: 'bad', points: 5, validityMonths: 12 },
        { code: 'dup', label: '重复指标', direction: 'bad', points: 5, validityMonths: 12 },
      ],
      grades: [{ grade: 'A', label: '好', min: 60 }, { grade: 'B', label: '差', min: 70 }],
      rating: { minCount: 0, maxPoints: 50, windowMonths: 12 },
    };
    const problems = checkCreditStandard('developer', bad);
    for (const p of [
      '基础分项目“made_up”不可用', '基础分合计110分，不能超过100分', '指标代码“x”应为2至32位小写字母', '指标“x”的名称应为2至60个字', '分值应为1至100的整数',
      '有效期应为1至120个月', '只有不良行为才能列入失信黑名单', '指标代码“dup”重复', '“B”的最低分应低于“A”', '最低一个等级的最低分应为0',
      '最少条数应为1至1000', '最高加减分应为0至20分',
    ]) expect(problems.some((x) => x.includes(p))).toBe(true);
  });
});
