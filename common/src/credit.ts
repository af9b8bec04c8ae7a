// Enterprise and broker credit (企业信用, DOMAIN.md §11; RE-059…RE-064, RE-073…RE-075, PM-005):
// the rating standard of each kind of subject, and the score as a pure function of that
// standard, the subject's base facts, its credit events and public ratings at a date.
//
//   score = Σ base items met + Σ good-conduct points − Σ bad-conduct points ± public rating points
//
// clamped to 0…100, then graded by the standard's bands; an effective event of a blacklist
// indicator (严重失信) puts the subject on the blacklist whatever the score. Every number comes
// with the line that explains it. The API computes with this; the admin previews a standard
// edit with the same code.
import { addDays, isIsoDate } from './time';

export const CREDIT_SUBJECT_KINDS = ['developer', 'agency', 'broker', 'property_company'] as const;
export type CreditSubjectKind = (typeof CREDIT_SUBJECT_KINDS)[number];

export const CREDIT_SUBJECT_LABELS: Record<CreditSubjectKind, string> = {
  developer: '房地产开发企业',
  agency: '房地产中介机构',
  broker: '房地产经纪人',
  property_company: '物业服务企业',
};

export type ConductDirection = 'good' | 'bad';
export const CONDUCT_LABELS: Record<ConductDirection, string> = { good: '良好行为', bad: '不良行为' };

/** A kind of credit behaviour and what it is worth (frozen on each event when it is recorded). */
export interface CreditIndicator {
  code: string;
  label: string;
  direction: ConductDirection;
  /** Points added (good) or taken off (bad); always positive here. */
  points: number;
  /** How long an event counts from the day it happened. */
  validityMonths: number;
  /** 严重失信: an effective event puts the subject on the blacklist. */
  blacklist?: boolean;
}

/** Base information score (基础信息分): points for a fact about the subject that holds. */
export interface CreditBaseItem {
  code: string;
  label: string;
  points: number;
}

export interface CreditGradeBand {
  grade: string;
  label: string;
  /** Lowest score of the band (inclusive). Bands are listed from the highest down to 0. */
  min: number;
}

/** How public ratings (RE-075) count: the average of the last `windowMonths`, once there are enough. */
export interface CreditRatingRule {
  minCount: number;
  /** Average 5 stars gives +maxPoints, 3 gives 0, 1 gives −maxPoints. */
  maxPoints: number;
  windowMonths: number;
}

export interface CreditStandardBody {
  baseItems: CreditBaseItem[];
  indicators: CreditIndicator[];
  grades: CreditGradeBand[];
  rating: CreditRatingRule | null;
}

export const BLACKLIST_GRADE = 'blacklist';
export const BLACKLIST_LABEL = '失信黑名单';
export const CREDIT_SCORE_MAX = 100;

/** The facts the API can evaluate for each kind; base items may only use these. */
export const CREDIT_BASE_FACTS: Record<CreditSubjectKind, Record<string, string>> = {
  developer: { registered: '已完成企业注册', qualification_valid: '持有有效的开发资质证书', qualification_first: '具有一级开发资质' },
  agency: { registered: '已在合作区备案', brokers_filed: '有已备案的经纪人员' },
  broker: { filed: '已完成经纪人备案', practice_valid: '持有有效的执业资格' },
  property_company: { registered: '已在合作区备案' },
};

/** Default grade bands (DOMAIN.md §11): AAA ≥85, AA 80–85, A 70–80, B 60–70, C <60. */
export const DEFAULT_CREDIT_GRADES: CreditGradeBand[] = [
  { grade: 'AAA', label: '优秀', min: 85 },
  { grade: 'AA', label: '良好', min: 80 },
  { grade: 'A', label: '较好', min: 70 },
  { grade: 'B', label: '一般', min: 60 },
  { grade: 'C', label: '较差', min: 0 },
];

const good = (code: string, label: string, points: number, validityMonths = 12): CreditIndicator => ({ code, label, direction: 'good', points, validityMonths });
const bad = (code: string, label: string, points: number, validityMonths = 12, blacklist = false): CreditIndicator => ({
  code, label, direction: 'bad', points, validityMonths, ...(blacklist ? { blacklist } : {}),
});
const RATING: CreditRatingRule = { minCount: 3, maxPoints: 5, windowMonths: 12 };

/**
 * The standards shipped (《房地产开发企业信用信息管理办法》-style defaults); regulators edit them
 * and every edit is audited. The base items of a registered, qualified subject add up to 75 (A).
 */
export const DEFAULT_CREDIT_STANDARDS: Record<CreditSubjectKind, CreditStandardBody> = {
  developer: {
    baseItems: [
      { code: 'registered', label: '已完成企业注册', points: 60 },
      { code: 'qualification_valid', label: '持有有效的开发资质证书', points: 10 },
      { code: 'qualification_first', label: '具有一级开发资质', points: 5 },
    ],
    indicators: [
      good('quality_award_provincial', '获得省级及以上优质工程奖', 5, 24),
      good('quality_award_city', '获得市级优质工程奖', 3),
      good('commendation', '受到主管部门通报表扬', 3),
      good('delivery_on_time', '按期交付且配套设施齐全', 2),
      bad('design_violation', '勘察设计、施工图审查或招标投标环节违法违规', 5),
      bad('construction_violation', '工程建设环节违法违规（未批先建、违规施工等）', 8),
      bad('safety_accident', '发生工程质量安全事故', 15, 24),
      bad('presale_violation', '未取得预售许可销售或违规收取预售款', 10),
      bad('fund_misuse', '违规使用预售监管资金', 10),
      bad('delivery_delay', '逾期交付或物业配套设施不到位', 5),
      bad('registration_delay', '未按规定办理房屋首次登记', 3),
      bad('complaint_verified', '经查实的群众投诉', 2),
      bad('false_material', '提供虚假材料骗取资质或许可', 20, 36, true),
    ],
    grades: DEFAULT_CREDIT_GRADES,
    rating: null,
  },
  agency: {
    baseItems: [
      { code: 'registered', label: '已在合作区备案', points: 65 },
      { code: 'brokers_filed', label: '有已备案的经纪人员', points: 10 },
    ],
    indicators: [
      good('association_commendation', '获得行业协会表彰', 3),
      good('commendation', '受到主管部门通报表扬', 3),
      bad('unverified_listing', '发布未经核验或虚假的房源信息', 5),
      bad('false_advertising', '虚假宣传或哄抬房价', 8),
      bad('unfiled_broker', '使用未备案人员从事经纪业务', 5),
      bad('unfiled_contract', '未按规定办理网签备案', 3),
      bad('complaint_verified', '经查实的群众投诉', 2),
      bad('fund_misuse', '挪用或截留客户交易资金', 20, 24, true),
    ],
    grades: DEFAULT_CREDIT_GRADES,
    rating: RATING,
  },
  broker: {
    baseItems: [
      { code: 'filed', label: '已完成经纪人备案', points: 65 },
      { code: 'practice_valid', label: '持有有效的执业资格', points: 10 },
    ],
    indicators: [
      good('association_commendation', '获得行业协会表彰', 3),
      good('training_completed', '完成年度继续教育', 1),
      bad('dual_practice', '同时在两个及以上机构执业', 10),
      bad('false_listing', '发布虚假房源信息', 5),
      bad('private_fee', '私自收取费用或赚取差价', 10, 24),
      bad('complaint_verified', '经查实的群众投诉', 2),
      bad('fraud', '参与欺诈、骗取交易资金', 20, 36, true),
    ],
    grades: DEFAULT_CREDIT_GRADES,
    rating: RATING,
  },
  property_company: {
    baseItems: [{ code: 'registered', label: '已在合作区备案', points: 75 }],
    indicators: [
      good('model_project', '获评市级及以上物业管理示范项目', 5, 24),
      good('commendation', '受到主管部门通报表扬', 3),
      good('satisfaction_high', '业主满意度测评优秀', 3),
      bad('inspection_failed', '双随机检查不合格', 5),
      bad('rectification_overdue', '逾期未完成整改', 5),
      bad('fee_violation', '违规收费', 8),
      bad('complaint_verified', '经查实的业主投诉', 2),
      bad('service_abandoned', '擅自撤离或中断物业服务', 20, 36, true),
    ],
    grades: DEFAULT_CREDIT_GRADES,
    rating: null,
  },
};

// ---------- checking a standard ----------

const CODE_RE = /^[a-z][a-z0-9_]{1,31}$/;
const isInt = (n: unknown, lo: number, hi: number) => typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= hi;

/** Everything wrong with a standard, in Chinese (empty when it is usable). */
export function checkCreditStandard(kind: CreditSubjectKind, s: CreditStandardBody): string[] {
  const out: string[] = [];
  const facts = CREDIT_BASE_FACTS[kind];
  const seenBase = new Set<string>();
  let baseTotal = 0;
  for (const b of s.baseItems) {
    if (!facts[b.code]) out.push(`基础分项目“${b.code}”不可用，可用：${Object.entries(facts).map(([c, l]) => `${c}（${l}）`).join('、')}`);
    if (seenBase.has(b.code)) out.push(`基础分项目“${b.code}”重复`);
    seenBase.add(b.code);
    if (!isInt(b.points, 0, CREDIT_SCORE_MAX)) out.push(`基础分项目“${b.label}”的分值应为0至${CREDIT_SCORE_MAX}的整数`);
    else baseTotal += b.points;
  }
  if (baseTotal > CREDIT_SCORE_MAX) out.push(`基础分合计${baseTotal}分，不能超过${CREDIT_SCORE_MAX}分`);
  const seen = new Set<string>();
  for (const i of s.indicators) {
    if (!CODE_RE.test(i.code)) out.push(`指标代码“${i.code}”应为2至32位小写字母、数字或下划线，以字母开头`);
    if (seen.has(i.code)) out.push(`指标代码“${i.code}”重复`);
    seen.add(i.code);
    if (!i.label || i.label.trim().length < 2 || i.label.length > 60) out.push(`指标“${i.code}”的名称应为2至60个字`);
    if (!isInt(i.points, 1, CREDIT_SCORE_MAX)) out.push(`指标“${i.label}”的分值应为1至${CREDIT_SCORE_MAX}的整数（加分或扣分由“良好/不良”决定）`);
    if (!isInt(i.validityMonths, 1, 120)) out.push(`指标“${i.label}”的有效期应为1至120个月`);
    if (i.blacklist && i.direction !== 'bad') out.push(`指标“${i.label}”：只有不良行为才能列入失信黑名单`);
  }
  if (!s.indicators.length) out.push('请至少设置一项信用指标');
  if (s.grades.length < 2) out.push('请至少设置两个信用等级');
  const grades = new Set<string>();
  s.grades.forEach((g, i) => {
    if (!g.grade?.trim() || g.grade.length > 16) out.push(`第${i + 1}个等级的名称应为1至16个字符`);
    if (g.grade === BLACKLIST_GRADE) out.push(`等级名称“${BLACKLIST_GRADE}”为失信黑名单保留`);
    if (grades.has(g.grade)) out.push(`等级“${g.grade}”重复`);
    grades.add(g.grade);
    if (!isInt(g.min, 0, CREDIT_SCORE_MAX)) out.push(`等级“${g.grade}”的最低分应为0至${CREDIT_SCORE_MAX}的整数`);
    if (i > 0 && !(g.min < s.grades[i - 1].min)) out.push(`等级须按最低分从高到低排列：“${g.grade}”的最低分应低于“${s.grades[i - 1].grade}”`);
  });
  if (s.grades.length && s.grades[s.grades.length - 1].min !== 0) out.push('最低一个等级的最低分应为0，使每个分数都有等级');
  if (s.rating) {
    if (!isInt(s.rating.minCount, 1, 1000)) out.push('公众评价计入信用的最少条数应为1至1000');
    if (!isInt(s.rating.maxPoints, 0, 20)) out.push('公众评价的最高加减分应为0至20分');
    if (!isInt(s.rating.windowMonths, 1, 60)) out.push('公众评价的统计期应为1至60个月');
  }
  return out;
}

// ---------- dates ----------

/** The same day `months` later (clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Last day an event counts: `months` after it happened, less one day (12 months from 2026-03-15 → 2027-03-14). */
export function creditValidUntil(occurredOn: string, months: number): string {
  return addDays(addMonths(occurredOn, months), -1);
}

/** 2026-05-20 → 2026Q2 (the period of "one rating per person per quarter"). */
export function quarterOf(date: string): string {
  if (!isIsoDate(date)) throw new Error(`bad date ${date}`);
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

// ---------- computing a score ----------

export type CreditEventStatus = 'pending' | 'effective' | 'rejected' | 'revoked';

export interface CreditEventFact {
  id: number;
  label: string;
  direction: ConductDirection;
  points: number;
  blacklist: boolean;
  status: CreditEventStatus;
  occurredOn: string;
  validUntil: string;
  /** Day the review made it effective (YYYY-MM-DD), if it was. */
  effectiveOn: string | null;
  /** Day it was revoked after an objection, if it was. */
  revokedOn: string | null;
}

export interface CreditRatingFact {
  /** YYYY-MM-DD */
  on: string;
  /** One rating's mean of its dimensions, 1…5. */
  stars: number;
}

export interface CreditInput {
  base: Record<string, boolean>;
  events: CreditEventFact[];
  ratings: CreditRatingFact[];
  /** The date the score is for (YYYY-MM-DD): today, or the last day of a year for its snapshot. */
  asOf: string;
}

export interface CreditExplanation {
  asOf: string;
  score: number;
  grade: string;
  gradeLabel: string;
  blacklisted: boolean;
  baseScore: number;
  base: { code: string; label: string; points: number; met: boolean }[];
  goodPoints: number;
  badPoints: number;
  ratingPoints: number;
  /** Events that count, each with its signed points and the last day it counts. */
  counted: { eventId: number; label: string; direction: ConductDirection; points: number; occurredOn: string; validUntil: string; blacklist: boolean }[];
  /** Events that do not count at `asOf`, and why. */
  excluded: { eventId: number; label: string; direction: ConductDirection; points: number; reason: string }[];
  rating: { count: number; average: number | null; points: number; from: string; note: string } | null;
  /** The computation as people read it, one line per term. */
  lines: string[];
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

/** Round half away from zero, so +3.5 and −3.5 are treated alike. */
function roundSym(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

export function gradeOf(score: number, grades: readonly CreditGradeBand[]): CreditGradeBand {
  return grades.find((g) => score >= g.min) ?? grades[grades.length - 1];
}

/** Why an event does not count at `asOf`, or null when it does. */
export function exclusionReason(e: CreditEventFact, asOf: string): string | null {
  if (e.status === 'pending') return '待审核，审核通过后计入';
  if (e.status === 'rejected') return '审核未通过，不计入';
  if (e.revokedOn && e.revokedOn <= asOf) return `已于${e.revokedOn}撤销（异议成立），不计入`;
  if (!e.effectiveOn || e.effectiveOn > asOf) return '评价日尚未审核通过，不计入';
  if (e.occurredOn > asOf) return '发生在评价日之后，不计入';
  if (e.validUntil < asOf) return `已过有效期（有效期至${e.validUntil}），不计入`;
  return null;
}

export function computeCredit(standard: CreditStandardBody, input: CreditInput): CreditExplanation {
  const lines: string[] = [];
  const base = standard.baseItems.map((b) => ({ code: b.code, label: b.label, points: b.points, met: !!input.base[b.code] }));
  const baseScore = base.filter((b) => b.met).reduce((a, b) => a + b.points, 0);
  for (const b of base) lines.push(`基础分：${b.label} ${b.met ? `+${b.points}` : '未满足，0'}`);

  const counted: CreditExplanation['counted'] = [];
  const excluded: CreditExplanation['excluded'] = [];
  let goodPoints = 0;
  let badPoints = 0;
  let blacklisted = false;
  const events = [...input.events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id - b.id);
  for (const e of events) {
    const reason = exclusionReason(e, input.asOf);
    if (reason) {
      excluded.push({ eventId: e.id, label: e.label, direction: e.direction, points: e.direction === 'good' ? e.points : -e.points, reason });
      continue;
    }
    const pts = e.direction === 'good' ? e.points : -e.points;
    if (e.direction === 'good') goodPoints += e.points;
    else badPoints += e.points;
    if (e.blacklist) blacklisted = true;
    counted.push({ eventId: e.id, label: e.label, direction: e.direction, points: pts, occurredOn: e.occurredOn, validUntil: e.validUntil, blacklist: e.blacklist });
    lines.push(`${CONDUCT_LABELS[e.direction]}：${e.label}（${e.occurredOn}，有效期至${e.validUntil}）${signed(pts)}${e.blacklist ? '，列入失信黑名单' : ''}`);
  }

  let rating: CreditExplanation['rating'] = null;
  let ratingPoints = 0;
  if (standard.rating) {
    const r = standard.rating;
    const from = addDays(addMonths(input.asOf, -r.windowMonths), 1);
    const inWindow = input.ratings.filter((x) => x.on >= from && x.on <= input.asOf);
    const average = inWindow.length ? inWindow.reduce((a, x) => a + x.stars, 0) / inWindow.length : null;
    let note: string;
    if (average === null || inWindow.length < r.minCount) {
      note = `公众评价：近${r.windowMonths}个月${inWindow.length}条，不足${r.minCount}条，不计分`;
    } else {
      ratingPoints = roundSym(((average - 3) / 2) * r.maxPoints);
      note = `公众评价：近${r.windowMonths}个月${inWindow.length}条，平均${average.toFixed(2)}星 ${signed(ratingPoints)}`;
    }
    lines.push(note);
    rating = { count: inWindow.length, average: average === null ? null : Math.round(average * 100) / 100, points: ratingPoints, from, note };
  }

  const raw = baseScore + goodPoints - badPoints + ratingPoints;
  const score = Math.min(CREDIT_SCORE_MAX, Math.max(0, raw));
  if (score !== raw) lines.push(`合计${raw}分，按0至${CREDIT_SCORE_MAX}分计为${score}分`);
  const band = gradeOf(score, standard.grades);
  const grade = blacklisted ? BLACKLIST_GRADE : band.grade;
  const gradeLabel = blacklisted ? BLACKLIST_LABEL : band.label;
  lines.push(blacklisted ? `信用分${score}分；存在严重失信行为，列入${BLACKLIST_LABEL}` : `信用分${score}分，信用等级${band.grade}（${band.label}，${band.min}分及以上）`);
  return { asOf: input.asOf, score, grade, gradeLabel, blacklisted, baseScore, base, goodPoints, badPoints, ratingPoints, counted, excluded, rating, lines };
}

/** A rating's stars: the mean of its three dimensions (专业水平、服务态度、服务过程). */
export function ratingStars(r: { professionalism: number; attitude: number; process: number }): number {
  return (r.professionalism + r.attitude + r.process) / 3;
}

// ---------- events' bookkeeping vocabulary ----------

export const CREDIT_EVENT_STATUS_LABELS: Record<CreditEventStatus, string> = {
  pending: '待审核', effective: '已生效', rejected: '未通过', revoked: '已撤销',
};

export const CREDIT_SOURCES = ['self_report', 'regulator', 'import'] as const;
export type CreditSource = (typeof CREDIT_SOURCES)[number];
export const CREDIT_SOURCE_LABELS: Record<CreditSource, string> = { self_report: '企业自主报送', regulator: '主管部门录入', import: '跨部门导入' };

/** What a credit record rests on (RE-073): 通知、通报、通告、公告、判决书、裁决书、决定书或确定事实. */
export const CREDIT_BASIS_TYPES = ['notice', 'circular', 'announcement', 'bulletin', 'judgement', 'award', 'decision', 'fact'] as const;
export type CreditBasisType = (typeof CREDIT_BASIS_TYPES)[number];
export const CREDIT_BASIS_LABELS: Record<CreditBasisType, string> = {
  notice: '通知', circular: '通报', announcement: '通告', bulletin: '公告', judgement: '判决书', award: '裁决书', decision: '决定书', fact: '确定事实',
};

export const OBJECTION_STATUSES = ['pending', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = { pending: '待核实', upheld: '异议成立（已撤销）', dismissed: '异议不成立' };
