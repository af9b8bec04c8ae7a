import { Steps } from 'antd';
import type { ApplicationDetail } from '@hq/common';

/** 申请 → the type's review steps → 办结, with where the application stands. */
export function ReviewSteps({ detail: d }: { detail: ApplicationDetail }) {
  const last = d.steps.length + 1;
  const current = d.status === 'draft' || d.status === 'returned' ? 0 : d.status === 'approved' ? last : d.status === 'withdrawn' ? last : Math.max(d.step, 1);
  const status = d.status === 'rejected' || d.status === 'returned' ? 'error' : d.status === 'approved' || d.status === 'withdrawn' ? 'finish' : 'process';
  const items = [
    { title: d.status === 'returned' ? '退回补正' : '提交申请' },
    ...d.steps.map((s) => ({ title: s.label, content: `${s.days} 个工作日` })),
    { title: d.status === 'rejected' ? '不予通过' : d.status === 'withdrawn' ? '已撤回' : '办结' },
  ];
  return <Steps size="small" current={current} status={status} items={items} />;
}
