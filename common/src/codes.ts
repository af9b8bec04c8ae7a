// 赋码 rule templates: a small template language, parsed once and rendered without eval, and
// the check characters a rule may append. Pure functions: the API renders codes with them and
// the admin previews a rule with the same code.
//
//   {prefix}          the rule's issuer prefix, e.g. 横琴房预许字
//   {year} / {yy}     the year in Asia/Shanghai, four or two digits
//   {month}           the month, two digits
//   {seq} / {seq:N}   the sequence within the scope, zero-padded to N digits (1–12)
//   {check}           check character over the digits to its left, ISO 7064 MOD 11-2 (0–9, X)
//   {check:mod31}     check character over the digits and capital letters to its left, GB 32100
//                     style MOD 31 (0–9 and A–Y without I O S V Z)
//   {{ and }}         literal braces
// Any other text is literal. The scope (when the sequence restarts) is part of the rule, and a
// template must print every part of its scope, or two scopes would print the same code.

export type CodeScope = 'year' | 'year_month' | 'never';
export type CheckAlgorithm = 'mod11_2' | 'mod31';

export type CodeToken =
  | { kind: 'text'; text: string }
  | { kind: 'prefix' }
  | { kind: 'year'; digits: 2 | 4 }
  | { kind: 'month' }
  | { kind: 'seq'; width: number }
  | { kind: 'check'; algorithm: CheckAlgorithm };

export const CODE_MAX_LENGTH = 64;
export const CODE_TEMPLATE_MAX_LENGTH = 100;
export const CODE_PREFIX_MAX_LENGTH = 32;
export const CODE_SEQ_MAX_WIDTH = 12;
/** Characters a code may contain: letters (incl. Chinese), digits and the brackets and marks numbers use. */
export const CODE_CHARS = /^[\p{L}\p{N}（）()〔〕【】[\]\-_/·.]+$/u;

export type ParsedTemplate = { ok: true; tokens: CodeToken[] } | { ok: false; errors: string[] };

/** Splits a template into tokens; every problem is reported in Chinese. */
export function parseCodeTemplate(template: string): ParsedTemplate {
  const tokens: CodeToken[] = [];
  const errors: string[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < template.length; ) {
    const ch = template[i];
    if (ch === '{' && template[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (ch === '}' && template[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (ch === '}') {
      errors.push(`第${i + 1}个字符“}”没有对应的“{”（字面的大括号请写成“}}”）`);
      i++;
    } else if (ch === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) {
        errors.push(`占位符“${template.slice(i, i + 12)}”缺少“}”`);
        break;
      }
      const body = template.slice(i + 1, end);
      const token = tokenOf(body);
      if (typeof token === 'string') errors.push(token);
      else {
        flush();
        tokens.push(token);
      }
      i = end + 1;
    } else {
      text += ch;
      i++;
    }
  }
  flush();
  return errors.length ? { ok: false, errors } : { ok: true, tokens };
}

function tokenOf(body: string): CodeToken | string {
  const [name, arg, extra] = body.split(':');
  if (extra !== undefined) return `占位符“{${body}}”格式不正确`;
  switch (name) {
    case 'prefix':
    case 'month':
      return arg === undefined ? { kind: name } : `占位符“{${name}}”不带参数`;
    case 'year':
    case 'yy':
      return arg === undefined ? { kind: 'year', digits: name === 'year' ? 4 : 2 } : `占位符“{${name}}”不带参数`;
    case 'seq': {
      if (arg === undefined) return { kind: 'seq', width: 1 };
      const width = /^[0-9]{1,2}$/.test(arg) ? Number(arg) : NaN;
      if (!(width >= 1 && width <= CODE_SEQ_MAX_WIDTH)) return `流水号位数应为1至${CODE_SEQ_MAX_WIDTH}，如“{seq:5}”`;
      return { kind: 'seq', width };
    }
    case 'check':
      if (arg === undefined || arg === 'mod11-2') return { kind: 'check', algorithm: 'mod11_2' };
      if (arg === 'mod31') return { kind: 'check', algorithm: 'mod31' };
      return `校验位算法“${arg}”不支持，可用 {check}（ISO 7064 MOD 11-2）或 {check:mod31}`;
    default:
      return `未知的占位符“{${body}}”，可用 {prefix} {year} {yy} {month} {seq:N} {check} {check:mod31}`;
  }
}

export interface CodeRuleInput {
  prefix: string;
  template: string;
  scope: CodeScope;
}

/**
 * Everything wrong with a rule, in Chinese (empty when the rule is usable). `scopes` limits the
 * scopes a family allows (permit numbers are unique per authority and year).
 */
export function checkCodeRule(rule: CodeRuleInput, scopes: readonly CodeScope[] = ['year', 'year_month', 'never']): string[] {
  const out: string[] = [];
  if (!rule.template.trim()) return ['请填写编码模板'];
  if (rule.template.length > CODE_TEMPLATE_MAX_LENGTH) out.push(`编码模板不超过${CODE_TEMPLATE_MAX_LENGTH}个字符`);
  if (rule.prefix.length > CODE_PREFIX_MAX_LENGTH) out.push(`前缀不超过${CODE_PREFIX_MAX_LENGTH}个字符`);
  if (rule.prefix && !CODE_CHARS.test(rule.prefix)) out.push('前缀只能包含文字、数字和括号、横线等编号常用符号');
  if (!scopes.includes(rule.scope)) out.push(`该类编码的流水号只能${scopes.map((s) => CODE_SCOPE_TEXT[s]).join('或')}`);
  const parsed = parseCodeTemplate(rule.template);
  if (!parsed.ok) return [...out, ...parsed.errors];
  const { tokens } = parsed;
  const count = (kind: CodeToken['kind']) => tokens.filter((t) => t.kind === kind).length;
  if (count('seq') !== 1) out.push('编码模板须包含且只包含一个流水号 {seq:N}');
  if (count('check') > 1) out.push('编码模板最多包含一个校验位 {check}');
  const seqAt = tokens.findIndex((t) => t.kind === 'seq');
  const checkAt = tokens.findIndex((t) => t.kind === 'check');
  if (checkAt >= 0 && seqAt > checkAt) out.push('校验位 {check} 须放在流水号之后，才能校验流水号');
  if (count('prefix') && !rule.prefix) out.push('模板使用了 {prefix}，请填写前缀');
  for (const t of tokens) {
    if (t.kind === 'text' && !CODE_CHARS.test(t.text)) {
      out.push(`模板中的“${t.text}”含有不能用于编码的字符（只允许文字、数字和括号、横线等编号常用符号）`);
    }
  }
  // The scope's parts must be printed, or the sequence restarting would repeat codes.
  if (rule.scope !== 'never' && count('year') === 0) out.push('流水号按年重新起算时，模板须包含年份 {year}');
  if (rule.scope === 'year_month' && count('month') === 0) out.push('流水号按月重新起算时，模板须包含月份 {month}');
  if (!out.length) {
    const longest = renderCode(tokens, { prefix: rule.prefix, year: 2026, month: 12, seq: 10 ** (widthOf(tokens)) - 1 });
    if (longest.length > CODE_MAX_LENGTH) out.push(`生成的编码最长${longest.length}个字符，超过${CODE_MAX_LENGTH}个字符的上限`);
  }
  return out;
}

const widthOf = (tokens: CodeToken[]) => Math.max(...tokens.map((t) => (t.kind === 'seq' ? t.width : 0)), 6);

export const CODE_SCOPE_TEXT: Record<CodeScope, string> = { year: '按年重新起算', year_month: '按月重新起算', never: '连续编号不重新起算' };

export interface CodeValues {
  prefix: string;
  year: number;
  month: number;
  seq: number;
}

/** Renders a parsed template. A sequence longer than its padding is printed in full. */
export function renderCode(tokens: CodeToken[], v: CodeValues): string {
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'text': out += t.text; break;
      case 'prefix': out += v.prefix; break;
      case 'year': out += t.digits === 4 ? String(v.year).padStart(4, '0') : String(v.year % 100).padStart(2, '0'); break;
      case 'month': out += String(v.month).padStart(2, '0'); break;
      case 'seq': out += String(v.seq).padStart(t.width, '0'); break;
      case 'check': out += checkCharacter(t.algorithm, out); break;
    }
  }
  return out;
}

/** Scope key of an instant: the counter the sequence is drawn from. */
export function codeScopeKey(scope: CodeScope, at: Date): string {
  const { year, month } = shanghaiYearMonth(at);
  if (scope === 'year') return String(year);
  if (scope === 'year_month') return `${year}-${String(month).padStart(2, '0')}`;
  return 'all';
}

export function shanghaiYearMonth(at: Date): { year: number; month: number } {
  const d = new Date(at.getTime() + 8 * 3600 * 1000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** The check character of `text` (only the characters the algorithm reads are used). */
export function checkCharacter(algorithm: CheckAlgorithm, text: string): string {
  return algorithm === 'mod11_2' ? iso7064Mod11_2(text.replace(/[^0-9]/g, '')) : mod31Check(text.toUpperCase().split('').filter((c) => MOD31_CHARS.includes(c)).join(''));
}

/** ISO 7064 MOD 11-2 (as in the resident ID and ORCID): one of 0–9 or X. */
export function iso7064Mod11_2(digits: string): string {
  let p = 0;
  for (const ch of digits) {
    if (ch < '0' || ch > '9') throw new Error(`not a digit: ${ch}`);
    p = ((p + Number(ch)) * 2) % 11;
  }
  const c = (12 - p) % 11;
  return c === 10 ? 'X' : String(c);
}

const MOD31_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-style MOD 31: weights 3^i mod 31 from the left, over 0–9 and A–Y without I O S V Z. */
export function mod31Check(payload: string): string {
  let sum = 0;
  let w = 1;
  for (const ch of payload) {
    const v = MOD31_CHARS.indexOf(ch);
    if (v < 0) throw new Error(`not a MOD 31 character: ${ch}`);
    sum += v * w;
    w = (w * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return MOD31_CHARS[c === 31 ? 0 : c];
}
