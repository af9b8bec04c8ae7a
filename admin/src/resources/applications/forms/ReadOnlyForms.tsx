// Read-only renderings of forms that are filed outside the admin web (经纪人备案 from the mini-program,
// 中介机构备案 by the agency), so the association can review them from 待办. Fields are listed as data:
// label and how to write the value; unknown or empty fields show "—".
import type { ComponentType, ReactNode } from 'react';
import { Descriptions, Typography } from 'antd';
import { brokerView, formatYuan, type BrokerView } from '@hq/common';
import { http } from '../../../providers/transport';
import { useResource } from '../../../components/usePagedList';

export interface ReadOnlyFormProps {
  form: Record<string, unknown>;
}

type Field = { key: string; label: string; render?: (v: unknown, form: Record<string, unknown>) => ReactNode };

const str = (v: unknown): ReactNode => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : '—');

function fieldsView(fields: Field[]): ComponentType<ReadOnlyFormProps> {
  return function ReadOnlyForm({ form }: ReadOnlyFormProps) {
    return (
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 180 } }}>
        {fields.map((f) => (
          <Descriptions.Item key={f.key} label={f.label}>
            {f.render ? f.render(form[f.key], form) : str(form[f.key])}
          </Descriptions.Item>
        ))}
      </Descriptions>
    );
  };
}

/** The broker the filing is about, as the registry holds them (ID number and phone masked). */
function BrokerFacts({ id }: { id: unknown }) {
  const valid = typeof id === 'number' && Number.isInteger(id) && id > 0;
  const broker = useResource<BrokerView | null>(
    async (signal) => (valid ? brokerView.parse(await http.get<unknown>(`/api/brokers/${id}`, undefined, { signal })) : null),
    [id],
  );
  if (!valid) return <>—</>;
  if (broker.loading) return <Typography.Text type="secondary">加载中…</Typography.Text>;
  if (broker.error || !broker.data) return <Typography.Text type="danger">经纪人信息无法获取（编号 {String(id)}）</Typography.Text>;
  const b = broker.data;
  return (
    <span className="broker-facts">
      {b.name}（{b.statusLabel}）· {b.agency?.name ?? '无所属机构'} · 证件 {b.idNumber} · 手机 {b.phone}
      {b.qualifications.length > 0 && ` · ${b.qualifications.map((q) => `${q.kindLabel}${q.certNo}（${q.statusLabel}）`).join('；')}`}
    </span>
  );
}

const contact = (v: unknown): ReactNode => {
  const c = v as { name?: unknown; phone?: unknown } | null;
  return c && typeof c === 'object' ? `${str(c.name) as string} ${str(c.phone) as string}` : '—';
};

export const READ_ONLY_FORMS: Partial<Record<string, ComponentType<ReadOnlyFormProps>>> = {
  broker_filing: fieldsView([
    { key: 'brokerId', label: '经纪人', render: (v) => <BrokerFacts id={v} /> },
    { key: 'employmentStart', label: '入职日期' },
    { key: 'education', label: '学历' },
    { key: 'remarks', label: '备注' },
  ]),
  agency_filing: fieldsView([
    { key: 'name', label: '企业名称' },
    { key: 'uscc', label: '统一社会信用代码' },
    { key: 'legalRep', label: '法定代表人' },
    { key: 'address', label: '注册地址' },
    { key: 'storeAddress', label: '经营场所地址' },
    { key: 'registeredCapitalFen', label: '注册资本', render: (v) => (typeof v === 'number' ? formatYuan(v) : '—') },
    { key: 'establishedOn', label: '成立日期' },
    { key: 'businessScope', label: '经营范围' },
    { key: 'contact', label: '联系人', render: contact },
    {
      key: 'brokerIds', label: '经纪人员',
      render: (v) => (Array.isArray(v) && v.length ? <>{v.map((id) => <div key={String(id)}><BrokerFacts id={id} /></div>)}</> : '—'),
    },
    { key: 'remarks', label: '备注' },
  ]),
};
