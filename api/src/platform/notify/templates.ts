// Our notice templates and how each one looks on every channel: an SMS template registered
// with the SMS gateway (Chinese, at most one 70-character segment with the 【横琴住建】
// signature) and a WeChat subscribe-message template (模板 id + keywords, each keyword kept
// inside WeChat's rules for its type). Senders store only our key and the data; the text is
// rendered when the message is sent.
import { z, formatShanghai } from '@hq/common';
import { SMS_PARAM_MAX_CHARS, SMS_SEGMENT_CHARS, renderSms } from '../../integrations/sms/protocol';

export const TEMPLATE_KEYS = [
  'workflow.todo', 'workflow.returned', 'workflow.approved', 'workflow.rejected',
  'ticket.result', 'ticket.assigned', 'ticket.due_soon', 'ticket.escalated',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

const page = z.string().regex(/^[A-Za-z0-9_/-]{1,128}(\?[^\s]{0,256})?$/);

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
  page: page.optional(),
});
export type WorkflowNoticeData = z.input<typeof workflowNoticeData>;

/** What the ticket service says about a repair, complaint or patrol issue (报修/投诉/巡查). */
export const ticketNoticeData = z.object({
  /** 报修 / 投诉 / 巡查问题 */
  business: z.string().trim().min(1).max(20),
  /** 受理编号, e.g. BX2026000123 */
  ticketNo: z.string().trim().min(1).max(32),
  /** The category as people know it, e.g. 渗漏水 */
  category: z.string().trim().max(40).nullish(),
  /** The outcome (result notices): 已办结 / 非本单位职责 / 重复件 */
  outcome: z.string().trim().max(20).nullish(),
  /** The handler's written result (result notices). */
  result: z.string().trim().max(2000).nullish(),
  /** The last day of the deadline, YYYY-MM-DD. */
  dueDate: z.string().trim().max(10).nullish(),
  /** Who it was escalated to (escalation notices), e.g. 街道/社区 */
  level: z.string().trim().max(20).nullish(),
  at: z.coerce.date().optional(),
  page: page.optional(),
});
export type TicketNoticeData = z.input<typeof ticketNoticeData>;

export interface TemplateData {
  'workflow.todo': WorkflowNoticeData;
  'workflow.returned': WorkflowNoticeData;
  'workflow.approved': WorkflowNoticeData;
  'workflow.rejected': WorkflowNoticeData;
  'ticket.result': TicketNoticeData;
  'ticket.assigned': TicketNoticeData;
  'ticket.due_soon': TicketNoticeData;
  'ticket.escalated': TicketNoticeData;
}

type WorkflowStored = z.output<typeof workflowNoticeData>;
type TicketStored = z.output<typeof ticketNoticeData>;
/** What the outbox stores for a template: its data checked, `at` filled in. */
export type StoredData<K extends TemplateKey> = (K extends `ticket.${string}` ? TicketStored : WorkflowStored) & { at: Date };

interface TemplateDef<D> {
  /** What operators see in the outbox list. */
  label: string;
  data: z.ZodType<Omit<D, 'at'> & { at?: Date }>;
  /** Data that renders the template (the simulators learn the keywords from it). */
  sample: Record<string, unknown>;
  sms: {
    /** Code at the gateway (SMS_TEMPLATE_CODES may override it per deployment). */
    code: string;
    /** Text as registered, ${name} placeholders; the gateway adds the 【signature】. */
    text: string;
    params(d: D): Record<string, string>;
  };
  wechat: {
    /** Template id in the mini-program's console (WECHAT_SUBSCRIBE_TEMPLATES may override). */
    templateId: string;
    /** Keyword → its value for this notice (fitted to the keyword's rules when sent). */
    fields(d: D): Record<string, string>;
    page(d: D): string;
  };
}

const ENTERPRISE_HOME = 'subpackages/enterprise/pages/home/index';

/**
 * The four workflow notices share one subscribe-message layout:
 * thing1 办理事项 · character_string2 受理编号 · phrase3 办理状态 · time4 办理时间 · thing5 备注.
 */
function workflowNotice(o: {
  label: string; smsCode: string; smsText: string; wechatId: string; page: string;
  state(d: WorkflowStored): string; note(d: WorkflowStored): string;
}): TemplateDef<WorkflowStored & { at: Date }> {
  return {
    label: o.label,
    data: workflowNoticeData,
    sample: { business: '示例' },
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

const OWNER_HOME = 'subpackages/owner/pages/home/index';
const STAFF_HOME = 'subpackages/staff/pages/home/index';

/**
 * The ticket notices share one subscribe-message layout:
 * thing1 事项 · character_string2 受理编号 · phrase3 状态 · time4 时间 · thing5 说明.
 */
function ticketNotice(o: {
  label: string; smsCode: string; smsText: string; wechatId: string; page: string;
  params(d: TicketStored): Record<string, string>; state(d: TicketStored): string; note(d: TicketStored): string;
}): TemplateDef<TicketStored & { at: Date }> {
  return {
    label: o.label,
    data: ticketNoticeData,
    sample: { business: '报修', ticketNo: 'BX2026000001', category: '其他', outcome: '已办结', result: '示例', dueDate: '2026-01-05', level: '物业项目经理' },
    sms: { code: o.smsCode, text: o.smsText, params: (d) => ({ business: d.business, ticketNo: d.ticketNo, ...o.params(d) }) },
    wechat: {
      templateId: o.wechatId,
      fields: (d) => ({
        thing1: `${d.business}${d.category ? `：${d.category}` : ''}`, character_string2: d.ticketNo, phrase3: o.state(d),
        time4: wechatTime(d.at ?? new Date()), thing5: o.note(d),
      }),
      page: (d) => d.page ?? o.page,
    },
  };
}

const REGISTRY: { [K in TemplateKey]: TemplateDef<StoredData<K>> } = {
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
  // PM-025 / PM-158: the handler's result goes back to the complainant or owner.
  'ticket.result': ticketNotice({
    label: '办理结果通知', smsCode: 'SMS_HQ_TK_RESULT', smsText: '您反映的${business}（编号${ticketNo}）${outcome}，处理结果：${result}',
    wechatId: 'hqTkResult-3fH8kP2wN6tQ9xB4mV7cR1sL5dJ0gYzE', page: OWNER_HOME,
    params: (d) => ({ outcome: d.outcome || '已办结', result: d.result || '请登录查看' }),
    state: (d) => d.outcome || '已办结', note: (d) => d.result || '请登录查看处理结果',
  }),
  'ticket.assigned': ticketNotice({
    label: '派单通知', smsCode: 'SMS_HQ_TK_ASSIGNED', smsText: '您有一件${business}待处理（编号${ticketNo}），请于${dueDate}前办结。',
    wechatId: 'hqTkAssign-8mQ3vB6nK1xT4cW9pR2sY7fL5dH0gJzA', page: STAFF_HOME,
    params: (d) => ({ dueDate: d.dueDate || '期限内' }),
    state: () => '待处理', note: (d) => (d.dueDate ? `请于${d.dueDate}前办结` : '请及时处理'),
  }),
  // PM-026 / PM-032: a warning before the deadline …
  'ticket.due_soon': ticketNotice({
    label: '即将到期提醒', smsCode: 'SMS_HQ_TK_DUE_SOON', smsText: '${business}（编号${ticketNo}）将于${dueDate}到期，请尽快办结。',
    wechatId: 'hqTkDueSoon-5kR2vN8tM4xC1bQ7wZ3pL9sD6fG0hJy', page: STAFF_HOME,
    params: (d) => ({ dueDate: d.dueDate || '近日' }),
    state: () => '即将到期', note: (d) => (d.dueDate ? `办理期限${d.dueDate}` : '请尽快办结'),
  }),
  // … and after it, up the ladder (property manager → street / community office → regulator).
  'ticket.escalated': ticketNotice({
    label: '超期升级督办', smsCode: 'SMS_HQ_TK_ESCALATED', smsText: '${business}（编号${ticketNo}）已超过办理期限${dueDate}，已升级至${level}督办，请尽快处理。',
    wechatId: 'hqTkEscalate-1tB7nK4wQ9xM2cV6rY3pL8sF5dG0hJ', page: STAFF_HOME,
    params: (d) => ({ dueDate: d.dueDate || '', level: d.level || '上级' }),
    state: () => '超期督办', note: (d) => `已升级至${d.level || '上级'}`,
  }),
};

export function isTemplateKey(key: string): key is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(key);
}

export function templateLabel(key: string): string {
  return isTemplateKey(key) ? REGISTRY[key].label : key;
}

/** Checks and normalises a sender's data (fills in `at`); what the outbox stores. */
export function normaliseData<K extends TemplateKey>(key: K, data: unknown, now = new Date()): StoredData<K> {
  const d = (REGISTRY[key] as TemplateDef<StoredData<K>>).data.parse(data);
  return { ...d, at: d.at ?? now } as StoredData<K>;
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
export function renderSmsNotice<K extends TemplateKey>(key: K, data: StoredData<K>, o: TemplateOverrides): RenderedSms {
  const t = REGISTRY[key] as TemplateDef<StoredData<K>>;
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

export function renderWechatNotice<K extends TemplateKey>(key: K, data: StoredData<K>, o: Omit<TemplateOverrides, 'smsSignName'>): RenderedWechat {
  const t = REGISTRY[key] as TemplateDef<StoredData<K>>;
  const fields = Object.entries(t.wechat.fields(data)).map(([kw, v]) => [kw, { value: fitKeyword(kw, v) }]);
  return { templateId: o.wechatSubscribeTemplates?.[key] ?? t.wechat.templateId, page: t.wechat.page(data), data: Object.fromEntries(fields) };
}

/** Template id → keywords, for the WeChat simulator. */
export function wechatTemplateCatalogue(o: Omit<TemplateOverrides, 'smsSignName'>): Record<string, string[]> {
  return Object.fromEntries(TEMPLATE_KEYS.map((k) => {
    const t = REGISTRY[k] as TemplateDef<StoredData<typeof k>>;
    return [o.wechatSubscribeTemplates?.[k] ?? t.wechat.templateId, Object.keys(t.wechat.fields(normaliseData(k, t.sample)))];
  }));
}
