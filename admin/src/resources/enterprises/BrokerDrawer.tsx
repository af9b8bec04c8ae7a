// One broker: their record (ID number and phone masked by the API), filing certificate, practice
// qualifications with 检查 and 注销 for those who may, credit, and where they have practised.
import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Empty, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ID_DOCUMENT_LABELS, formatShanghai, type IdDocumentType } from '@hq/common';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { useAccess } from '../../providers/access';
import { CreditGradeTag } from '../credit/CreditGradeTag';
import { subjectPath } from '../credit/dictionary';
import { brokersApi, type BrokerQualificationView } from './api';
import { CertificatesTable } from './CertificatesTable';
import { BROKER_STATUS_COLOURS, QUALIFICATION_CANCEL_ROLES, QUALIFICATION_CHECK_ROLES, QUALIFICATION_STATUS_COLOURS } from './dictionary';
import { QualificationActionModal, type QualificationAction } from './QualificationActionModal';

const day = (at: string | null) => (at ? formatShanghai(at, false).slice(0, 10) : '—');

export function BrokerDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const { hasRole, pages } = useAccess();
  const broker = useResource((signal) => brokersApi.get(id, signal), [id]);
  const [acting, setActing] = useState<{ action: QualificationAction; q: BrokerQualificationView } | null>(null);
  const b = broker.data;
  const mayCheck = hasRole(...QUALIFICATION_CHECK_ROLES);
  const mayCancel = hasRole(...QUALIFICATION_CANCEL_ROLES);

  return (
    <Drawer open size={820} title={b ? `经纪人 ${b.name}` : '经纪人详情'} onClose={onClose} destroyOnHidden>
      <ErrorAlert error={broker.error} />
      {!b ? (
        broker.loading && <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'name', label: '姓名', children: b.name },
              { key: 'status', label: '执业状态', children: <Tag color={BROKER_STATUS_COLOURS[b.status]}>{b.statusLabel}</Tag> },
              { key: 'idType', label: '证件类型', children: ID_DOCUMENT_LABELS[b.idType as IdDocumentType] ?? b.idType },
              { key: 'idNumber', label: '证件号码', children: b.idNumber },
              { key: 'phone', label: '手机号', children: b.phone },
              { key: 'education', label: '学历', children: b.education ?? '—' },
              { key: 'agency', label: '所属机构', children: b.agency?.name ?? '无（已解除执业）', span: 2 },
              { key: 'registered', label: '登记日期', children: day(b.registeredAt) },
              { key: 'filed', label: '备案日期', children: day(b.filedAt) },
              {
                key: 'credit',
                label: '信用',
                span: 2,
                children: (
                  <Space>
                    <CreditGradeTag credit={b.credit} />
                    {pages.some((p) => p.key === 'credit-subjects') && <Link to={subjectPath('broker', b.id)}>信用评价详情</Link>}
                  </Space>
                ),
              },
            ]}
          />
          <Table<BrokerQualificationView>
            rowKey="id"
            size="small"
            title={() => <Typography.Text strong>从业资格</Typography.Text>}
            dataSource={b.qualifications}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未建立从业资格" /> }}
            columns={[
              { title: '资格', key: 'kind', render: (_: unknown, q) => `${q.kindLabel}·${q.levelLabel}` },
              { title: '证书编号', dataIndex: 'certNo' },
              { title: '有效期至', dataIndex: 'validUntil', width: 105, render: (v: string, q) => (q.expired ? <Typography.Text type="danger">{v}（已过期）</Typography.Text> : v) },
              {
                title: '状态',
                dataIndex: 'statusLabel',
                width: 150,
                render: (label: string, q) => {
                  const why = q.cancelReason ?? (q.checkedAt ? `${day(q.checkedAt)} 检查${q.checkResult === 'pass' ? '合格' : '不合格'}：${q.checkNote ?? ''}` : null);
                  const tag = <Tag color={QUALIFICATION_STATUS_COLOURS[q.status]}>{label}</Tag>;
                  return why ? <Tooltip title={why}>{tag}</Tooltip> : tag;
                },
              },
              ...(mayCheck || mayCancel
                ? [{
                    title: '操作',
                    key: 'actions',
                    width: 130,
                    render: (_: unknown, q: BrokerQualificationView) =>
                      q.status === 'cancelled' ? (
                        '—'
                      ) : (
                        <Space size={4}>
                          {mayCheck && (
                            <Button size="small" onClick={() => setActing({ action: 'check', q })}>
                              检查
                            </Button>
                          )}
                          {mayCancel && (
                            <Button size="small" danger onClick={() => setActing({ action: 'cancel', q })}>
                              注销
                            </Button>
                          )}
                        </Space>
                      ),
                  }]
                : []),
            ]}
          />
          <CertificatesTable certificates={b.filing ? [b.filing] : []} title="经纪人备案证明" />
          <Table
            rowKey={(a) => `${a.agencyId}|${a.from}`}
            size="small"
            title={() => <Typography.Text strong>执业经历</Typography.Text>}
            dataSource={b.affiliations}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无执业经历" /> }}
            columns={[
              { title: '机构', dataIndex: 'agencyName' },
              { title: '起', dataIndex: 'from', width: 110, render: day },
              { title: '止', dataIndex: 'to', width: 110, render: (v: string | null) => (v ? day(v) : '至今') },
              { title: '解除原因', dataIndex: 'endReason', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Space>
      )}
      {acting && (
        <QualificationActionModal
          action={acting.action}
          qualification={acting.q}
          onClose={() => setActing(null)}
          onDone={(q) => {
            setActing(null);
            message.success(`${q.kindLabel}（${q.certNo}）${acting.action === 'cancel' ? '已注销' : `检查完成，现为「${q.statusLabel}」`}`);
            broker.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
