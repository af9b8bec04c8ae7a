import { Tag, Typography, type TableColumnsType } from 'antd';
import { formatShanghai, type AuditRecordDto } from '@hq/common';
import { ACTION_LABELS, RESULT_LABELS, roleLabel } from './dictionary';

const dash = (v: string | null) => v ?? '—';

export const auditColumns: TableColumnsType<AuditRecordDto> = [
  { title: '序号', dataIndex: 'seq', width: 72 },
  { title: '时间', dataIndex: 'at', width: 168, render: (at: string) => formatShanghai(at) },
  {
    title: '操作人',
    key: 'actor',
    width: 110,
    ellipsis: true,
    render: (_, r) => r.actorName ?? (r.actorId === null ? '—' : `用户 #${r.actorId}`),
  },
  { title: '角色', dataIndex: 'actorRole', width: 110, ellipsis: true, render: roleLabel },
  {
    title: '操作',
    dataIndex: 'action',
    width: 190,
    render: (action: string) => (
      <>
        {ACTION_LABELS[action] && <div>{ACTION_LABELS[action]}</div>}
        <Typography.Text code>{action}</Typography.Text>
      </>
    ),
  },
  {
    title: '对象',
    key: 'object',
    width: 130,
    ellipsis: true,
    render: (_, r) => (r.objectType ? `${r.objectType}${r.objectId ? ` #${r.objectId}` : ''}` : '—'),
  },
  {
    title: '结果',
    dataIndex: 'result',
    width: 72,
    render: (result: AuditRecordDto['result']) => <Tag color={RESULT_LABELS[result].color}>{RESULT_LABELS[result].label}</Tag>,
  },
  { title: 'IP', dataIndex: 'ip', width: 120, render: dash },
  {
    title: '请求号',
    dataIndex: 'requestId',
    ellipsis: true,
    render: (id: string | null) => (id ? <Typography.Text copyable={{ text: id }}>{id}</Typography.Text> : '—'),
  },
];

/** Detail and hash, shown when a row is expanded. */
export function AuditRowDetail({ record }: { record: AuditRecordDto }) {
  return (
    <div style={{ margin: 0 }}>
      {record.detail && (
        <pre style={{ margin: '0 0 8px', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {JSON.stringify(record.detail, null, 2)}
        </pre>
      )}
      <Typography.Text type="secondary">哈希：</Typography.Text>
      <Typography.Text code style={{ wordBreak: 'break-all' }}>
        {record.hash}
      </Typography.Text>
    </div>
  );
}
