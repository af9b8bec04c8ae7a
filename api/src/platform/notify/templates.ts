// Our notice templates and how each one looks on every channel: an SMS template registered
// with the SMS gateway (Chinese, at most one 70-character segment with the 【横琴住建】
// signature) and a WeChat subscribe-message template (模板 id + keywords, each keyword kept
// inside WeChat's rules for its type). Senders store only our key and the data; the text is
// rendered when the message is sent.
import { z, formatShanghai } from '@hq/common';
import { SMS_PARAM_MAX_CHARS, SMS_SEGMENT_CHARS, renderSms } from '../../integrations/sms/protocol';

export const TEMPLATE_KEYS = ['workflow.todo', 'workflow.returned', 'workflow.approved', 'workflow.rejected'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** What the application/review engine says about an application (申请/审核). */
export const workflowNoticeData = z.object({
  /** Business type as people know it, e.g. 商品房预售许可 */
  business: z.string().trim().min(1).max(100),
  /** 受理编号 */
  appNo: z.string().trim().max(40).nullish(),
  /** Application title (shown to operators; too long for a phone). */
  title: z.string().trim().max(200).nullish(),
  /** The review step now waiting (待办 only), e.g. 初审 */
  step: z.string().trim().max(20).nullish(),
  /** The reviewer's opinion (退回/不予通过). */
  opinion: z.string().trim().max(2000).nullish(),
  /** When it happened; the time of enqueueing when left out. */
  at: z.coerce.date().optional(),
  /** Mini-program page the WeChat card opens. */
  page: z.string().regex(/^[A-Za-z0-9_/-]{1,128}(\?[^\s]{0,256})?$/).optional(),
});
export type WorkflowNoticeData = z.input<typeof workflowNoticeData>;

export interface TemplateData {
  'workflow.todo': WorkflowNoticeData;
  'workflow.returned': WorkflowNoticeData;
  'workflow.approved': WorkflowNoticeData;
  'workflow.rejected': WorkflowNoticeData;
}

type Stored = z.output<typeof workflowNoticeData>;

interface TemplateDef {
  /** What operators see in the outbox list. */
  label: string;
  data: z.ZodType<Stored>;
  sms: {
    /** Code at the gateway (SMS_TEMPLATE_CODES may override it per deployment). */
    code: string;
    /** Text as registered, ${name} placeholders; the gateway adds the 【signature】. */
    text: string;
    params(d: Stored): Record<string, string>;
  };
  wechat: {
    /** Template id in the mini-program's console (WECHAT_SUBSCRIBE_TEMPLATES may override). */
    templateId: string;
    /** Keyword → its value for this notice (fitted to the keyword's rules when sent). */
    fields(d: Stored): Record<string, string>;
    page(d: Stored): string;
  };
}

const ENTERPRISE_HOME = 'subpackages/enterprise/pages/home/index';

/**
 * The four workflow notices share one subscribe-message layout:
 * thing1 办理事项 · character_string2 受理编号 · phrase3 办理状态 · time4 办理时间 · thing5 备注.
 */
function workflowNotice(o: {
  label: string; smsCode: string; smsText: string; wechatId: string; page: string;
  state(d: Stored): string; note(d: Stored): string;
}): TemplateDef {
  return {
    label: o.label,
    data: workflowNoticeData,
    sms: { code: o.smsCode, text: o.smsText, params: (d) => ({ business: d.business, appNo: d.appNo || '暂无', step: d.step || '审核' }) },
    wechat: {
      templateId: o.wechatId,
      fields: (d) => ({
        thing1: `${d.business}申请`, character_string2: d.appNo ?? '', phrase3: o.state(d), time4: wechatTime(d.at ?? new Date()), thing5: o.note(d),
      }),
      page: (d) => d.page ?? o.page,
    },
  };
}

const REGISTRY: Record<TemplateKey, TemplateDef> = {
  'workflow.todo': workflowNotice({
    label: '待办提醒', smsCode: 'SMS_HQ_WF_TODO', smsText: '您有一件${business}申请待${step}（受理编号${appNo}），请及时登录系统办理。',
    wechatId: 'hqWfTodo-4nW2bM8qKc1vT9xYp3LrZs6dFg0aHjUe5Ni', page: 'pages/index/index',
    state: (d) => `待${d.step || '审核'}`, note: () => '请及时登录系统办理',
  }),
  'workflow.returned': workflowNotice({
    label: '退回补正通知', smsCode: 'SMS_HQ_WF_RETURNED', smsText: '您的${business}申请（受理编号${appNo}）已被退回补正，请登录系统查看意见并补充材料。',
    wechatId: 'hqWfReturn-7pQ1sX4vB9mK2cT8yR5nW3eJ6gH0fLdA', page: ENTERPRISE_HOME,
    state: () => '退回补正', note: (d) => d.opinion || '请登录系统查看审核意见',
  }),
  'workflow.approved': workflowNotice({
    label: '审核通过通知', smsCode: 'SMS_HQ_WF_APPROVED', smsText: '您的${business}申请（受理编号${appNo}）已审核通过，请登录系统查看办理结果。',
    wechatId: 'hqWfApprove-2kR8vN5tM1xC7bQ4wZ9pL6sD3fG0hJ', page: ENTERPRISE_HOME,
    state: () => '审核通过', note: () => '请登录系统查看办理结果',
  }),
  'workflow.rejected': workflowNotice({
    label: '不予通过通知', smsCode: 'SMS_HQ_WF_REJECTED', smsText: '您的${business}申请（受理编号${appNo}）未予通过，请登录系统查看审核意见。',
    wechatId: 'hqWfReject-9tB3nK6wQ2xM8cV5rY1pL7sF4dG0hJzE', page: ENTERPRISE_HOME,
    state: () => '未予通过', note: (d) => d.opinion || '请登录系统查看审核意见',
  }),
};

export function isTemplateKey(key: string): key is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(key);
}

export function templateLabel(key: string): string {
  return isTemplateKey(key) ? REGISTRY[key].label : key;
}

/** Checks and normalises a sender's data (fills in `at`); what the outbox stores. */
export function normaliseData(key: TemplateKey, data: unknown, now = new Date()): Stored {
  const d = REGISTRY[key].data.parse(data);
  return { ...d, at: d.at ?? now };
}

/** Per-deployment codes and ids; keys not named keep the defaults above. */
export interface TemplateOverrides {
  smsTemplateCodes?: Record<string, string>;
  wechatSubscribeTemplates?: Record<string, string>;
  smsSignName: string;
}

// ---------- SMS ----------

/** Parameters may not carry a 【signature】 of their own or a link, and stay within the gateway's limit. */
function cleanParam(v: string): string {
  return [...v.replace(/[【】]/g, '').replace(/https?:\/\/\S*/gi, '').replace(/\s+/g, ' ').trim()].slice(0, SMS_PARAM_MAX_CHARS).join('') || '—';
}

function cut(v: string, chars: number): string {
  const a = [...v];
  return a.length <= chars ? v : `${a.slice(0, Math.max(1, chars - 1)).join('')}…`;
}

export interface RenderedSms {
  templateCode: string;
  params: Record<string, string>;
  /** What the phone shows, signature included. */
  text: string;
}

/** The SMS for a notice, its parameters shortened (longest first) until it fits one segment. */
export function renderSmsNotice(key: TemplateKey, data: Stored, o: TemplateOverrides): RenderedSms {
  const t = REGISTRY[key];
  const params = Object.fromEntries(Object.entries(t.sms.params(data)).map(([k, v]) => [k, cleanParam(v)]));
  let text = renderSms(o.smsSignName, t.sms.text, params)!;
  while ([...text].length > SMS_SEGMENT_CHARS) {
    const [longest, value] = Object.entries(params).sort((a, b) => [...b[1]].length - [...a[1]].length)[0];
    const n = [...value].length;
    if (n <= 2) break; // the template itself is too long: the gateway will bill two segments
    params[longest] = cut(value, n - Math.max(1, [...text].length - SMS_SEGMENT_CHARS));
    text = renderSms(o.smsSignName, t.sms.text, params)!;
  }
  return { templateCode: o.smsTemplateCodes?.[key] ?? t.sms.code, params, text };
}

/** Template code → registered text, for the SMS gateway simulator. */
export function smsTemplateCatalogue(o: Omit<TemplateOverrides, 'smsSignName'>): Record<string, string> {
  return Object.fromEntries(TEMPLATE_KEYS.map((k) => [o.smsTemplateCodes?.[k] ?? REGISTRY[k].sms.code, REGISTRY[k].sms.text]));
}

// ---------- WeChat subscribe messages ----------

const HAN_ONLY = /[^\u3400-\u9fff]/g;

/** A value inside WeChat's rule for its keyword type: thing ≤ 20, character_string ≤ 32 ASCII, phrase ≤ 5 汉字 … */
export function fitKeyword(keyword: string, value: string): string {
  const v = value.replace(/\s+/g, ' ').trim();
  switch (keyword.replace(/\d+$/, '')) {
    case 'thing': return cut(v, 20) || '—';
    case 'character_string': return [...v.replace(/[^\x21-\x7e]/g, '')].slice(0, 32).join('') || '-';
    case 'phrase': return [...v.replace(HAN_ONLY, '')].slice(0, 5).join('') || '通知';
    case 'time': return v;
    case 'name': return cut(v, 10) || '—';
    default: return cut(v, 20) || '—';
  }
}

/** 2026年3月5日 14:08 in Asia/Shanghai, as WeChat's time keyword accepts it. */
function wechatTime(at: Date): string {
  const s = formatShanghai(at, false); // 2026-03-05 14:08
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}`;
}

export interface RenderedWechat {
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export function renderWechatNotice(key: TemplateKey, data: Stored, o: Omit<TemplateOverrides, 'smsSignName'>): RenderedWechat {
  const t = REGISTRY[key];
  const fields = Object.entries(t.wechat.fields(data)).map(([kw, v]) => [kw, { value: fitKeyword(kw, v) }]);
  return { templateId: o.wechatSubscribeTemplates?.[key] ?? t.wechat.templateId, page: t.wechat.page(data), data: Object.fromEntries(fields) };
}

/** Template id → keywords, for the WeChat simulator. */
export function wechatTemplateCatalogue(o: Omit<TemplateOverrides, 'smsSignName'>): Record<string, string[]> {
  const sample = normaliseData('workflow.todo', { business: '示例' });
  return Object.fromEntries(TEMPLATE_KEYS.map((k) => [o.wechatSubscribeTemplates?.[k] ?? REGISTRY[k].wechat.templateId, Object.keys(REGISTRY[k].wechat.fields(sample))]));
}
