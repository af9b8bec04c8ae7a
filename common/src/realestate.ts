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
