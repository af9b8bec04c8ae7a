// How the person's account stands, shared by the dashboard and the account page.
import { Tag } from 'antd';
import { formatShanghai, shanghaiDate, type Me } from '@hq/common';

const DAY_MS = 86_400_000;

export function PasswordExpiry({ at }: { at: Me['passwordExpiresAt'] }) {
  if (!at) return <span>长期有效</span>;
  const daysLeft = Math.ceil((Date.parse(at) - Date.now()) / DAY_MS);
  const date = shanghaiDate(at);
  if (daysLeft <= 0) return <span>{date} <Tag color="red">已过期</Tag></span>;
  if (daysLeft <= 14) return <span>{date} <Tag color="orange">{daysLeft}天后到期，请及时修改</Tag></span>;
  return <span>{date}</span>;
}

export function TotpState({ enrolled }: { enrolled: boolean }) {
  return enrolled ? <Tag color="green">已绑定身份验证器</Tag> : <Tag>未绑定</Tag>;
}

export function Bound({ value, yes = '已绑定', no = '未绑定' }: { value: boolean; yes?: string; no?: string }) {
  return value ? <Tag color="green">{yes}</Tag> : <Tag>{no}</Tag>;
}

/** 上午好 / 下午好 … by the hour in Asia/Shanghai. */
export function greeting(now = new Date()): string {
  const hour = Number(formatShanghai(now).slice(11, 13));
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
