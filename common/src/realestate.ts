// Room status: one sale status plus independent flags (DOMAIN.md §1), and the public colour
// legend used by the mini-program, the admin and print alike.

export const SALE_STATUSES = ['unsellable', 'available', 'subscribed', 'signed', 'filed', 'registered'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export const SALE_STATUS_LABELS: Record<SaleStatus, string> = {
  unsellable: '不可售',
  available: '可售',
  subscribed: '已认购',
  signed: '已网签',
  filed: '已备案',
  registered: '已登记',
};

export const ROOM_FLAGS = [
  'mortgaged', 'seized', 'objection', 'advance_registered', 'easement', 'signing_locked', 'restricted_buyer', 'allocated_drawn', 'sale_suspended',
] as const;
export type RoomFlag = (typeof ROOM_FLAGS)[number];

export const ROOM_FLAG_LABELS: Record<RoomFlag, string> = {
  mortgaged: '抵押',
  seized: '查封',
  objection: '异议',
  advance_registered: '预告登记',
  easement: '地役权',
  signing_locked: '网签锁定',
  restricted_buyer: '限制销售对象',
  allocated_drawn: '配建房已抽中',
  sale_suspended: '暂缓销售',
};

/** Guangdong portals' legend: the colour a room shows for its status (grey when suspended). */
export const STATUS_COLOURS: Record<SaleStatus | 'suspended', { colour: string; label: string }> = {
  available: { colour: '#2e9d4f', label: '可售' },
  unsellable: { colour: '#d93f3f', label: '不可售' },
  subscribed: { colour: '#8e44ad', label: '已认购/草签' },
  signed: { colour: '#3f51b5', label: '已网签' },
  filed: { colour: '#e6b800', label: '已备案' },
  registered: { colour: '#1e88e5', label: '已登记' },
  suspended: { colour: '#9e9e9e', label: '暂缓销售' },
};

export const ROOM_USES = ['residential', 'office', 'commercial', 'other'] as const;
export type RoomUse = (typeof ROOM_USES)[number];
export const ROOM_USE_LABELS: Record<RoomUse, string> = { residential: '住宅', office: '办公', commercial: '商业', other: '其他' };
export const OFFICE_SUBTYPES = { serviced: '酒店式办公', ordinary: '普通办公' } as const;

export function parseFlags(s: string | null | undefined): RoomFlag[] {
  return (s ?? '').split(',').filter((f): f is RoomFlag => (ROOM_FLAGS as readonly string[]).includes(f));
}

/** Sale-status moves the building-table bus accepts (forward along the sale, back on a cancelled contract). */
export const SALE_TRANSITIONS: Record<SaleStatus, readonly SaleStatus[]> = {
  unsellable: ['available'],
  available: ['unsellable', 'subscribed', 'signed'],
  subscribed: ['available', 'signed'],
  signed: ['available', 'filed'],
  filed: ['available', 'registered'],
  registered: [],
};

/** Flags that stop a room from being subscribed or signed while they are on. */
export const SALE_BLOCKING_FLAGS: readonly RoomFlag[] = ['seized', 'sale_suspended', 'signing_locked'];

export type RoomChange =
  | { kind: 'status'; value: SaleStatus }
  | { kind: 'flag_on'; value: RoomFlag }
  | { kind: 'flag_off'; value: RoomFlag };

export interface RoomState {
  status: SaleStatus;
  flags: RoomFlag[];
}

export type RoomChangeRefusal = { code: string; message: string };

/** Flags in their canonical order, without duplicates: the one way a flag set is written. */
export function canonicalFlags(flags: readonly string[]): RoomFlag[] {
  return ROOM_FLAGS.filter((f) => flags.includes(f));
}

export function formatFlags(flags: readonly string[]): string {
  return canonicalFlags(flags).join(',');
}

/**
 * The single derivation rule of the building table: the state after applying one change, or
 * the reason the change is refused. Replaying a room's events through this gives its state.
 */
export function applyRoomChange(state: RoomState, change: RoomChange): RoomState | RoomChangeRefusal {
  if (change.kind === 'status') {
    if (change.value === state.status) return { code: 'ROOM_STATUS_UNCHANGED', message: `房屋已是「${SALE_STATUS_LABELS[state.status]}」状态` };
    if (!SALE_TRANSITIONS[state.status].includes(change.value)) {
      return { code: 'ROOM_STATUS_TRANSITION', message: `房屋状态不能从「${SALE_STATUS_LABELS[state.status]}」变为「${SALE_STATUS_LABELS[change.value]}」` };
    }
    if (change.value === 'subscribed' || change.value === 'signed') {
      const blocking = state.flags.filter((f) => SALE_BLOCKING_FLAGS.includes(f));
      if (blocking.length) {
        return { code: 'ROOM_RESTRICTED', message: `房屋有「${blocking.map((f) => ROOM_FLAG_LABELS[f]).join('、')}」限制，不能认购或网签` };
      }
    }
    return { status: change.value, flags: state.flags };
  }
  const has = state.flags.includes(change.value);
  if (change.kind === 'flag_on') {
    if (has) return { code: 'ROOM_FLAG_ALREADY_ON', message: `房屋已有「${ROOM_FLAG_LABELS[change.value]}」标记` };
    return { status: state.status, flags: canonicalFlags([...state.flags, change.value]) };
  }
  if (!has) return { code: 'ROOM_FLAG_NOT_ON', message: `房屋没有「${ROOM_FLAG_LABELS[change.value]}」标记` };
  return { status: state.status, flags: state.flags.filter((f) => f !== change.value) };
}

export function isRefusal(x: RoomState | RoomChangeRefusal): x is RoomChangeRefusal {
  return 'code' in x;
}

/** Flags shown as a lock/seal badge over the colour (the legend's overlay). */
export const BADGE_FLAGS: readonly RoomFlag[] = ['seized', 'mortgaged', 'objection', 'advance_registered', 'signing_locked', 'restricted_buyer', 'allocated_drawn'];

/** How a room is drawn in any building table (mini-program, admin, print): colour, label, badges. */
export function roomDisplay(status: SaleStatus, flags: readonly RoomFlag[]): { colour: string; label: string; badges: string[]; legendKey: SaleStatus | 'suspended' } {
  const legendKey = flags.includes('sale_suspended') && (status === 'available' || status === 'unsellable') ? 'suspended' : status;
  const { colour, label } = STATUS_COLOURS[legendKey];
  return { colour, label, legendKey, badges: BADGE_FLAGS.filter((f) => flags.includes(f)).map((f) => ROOM_FLAG_LABELS[f]) };
}

/** Legend entries in display order. */
export const LEGEND: { key: SaleStatus | 'suspended'; colour: string; label: string }[] = (
  ['available', 'unsellable', 'subscribed', 'signed', 'filed', 'registered', 'suspended'] as const
).map((key) => ({ key, ...STATUS_COLOURS[key] }));

export const ROOM_EVENT_SOURCES = {
  seed: '初始数据',
  survey_import: '预售测绘导入',
  presale_permit: '预售许可',
  online_signing: '网签系统',
  registry: '不动产登记系统',
  court: '司法查封',
  regulator: '监管部门',
  price_filing: '价格备案',
  lottery: '配建房抽签',
} as const;
export type RoomEventSource = keyof typeof ROOM_EVENT_SOURCES;

/** 形象进度 nodes, in construction order. */
export const PROGRESS_NODES = {
  not_started: '未开工',
  foundation: '基础施工',
  foundation_done: '基础完工',
  structure: '主体施工',
  topped_out: '主体封顶',
  completion_filed: '竣工验收备案',
  delivered: '交付使用',
} as const;
export type ProgressNode = keyof typeof PROGRESS_NODES;

export const PROJECT_STATUSES = { planning: '筹建', selling: '在售', sold_out: '售罄', completed: '已竣工' } as const;
export type ProjectStatus = keyof typeof PROJECT_STATUSES;

export const DISTRICTS = ['横琴新家园片区', '十字门中央商务区', '长隆国际海洋度假区', '横琴口岸片区', '富祥湾片区', '科学城片区'] as const;

/** 0.01 m² integer → "89.37 m²" */
export function formatArea(hundredths: number | null | undefined): string {
  if (hundredths == null) return '—';
  return `${(hundredths / 100).toFixed(2)} m²`;
}

/** Unit price in fen per m² → "52,800 元/m²" (whole yuan). */
export function formatUnitPrice(fen: number | null | undefined): string {
  if (fen == null) return '—';
  return `${Math.round(fen / 100).toLocaleString('en-US')} 元/m²`;
}
