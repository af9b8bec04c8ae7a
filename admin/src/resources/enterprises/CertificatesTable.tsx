// 证书: each certificate the enterprise (or broker) holds or held, its status and why, and its PDF.
import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { asApiError } from '../../components/useSubmit';
import { certificatesApi, type CertificateView } from './api';
import { CERTIFICATE_STATUS_COLOURS } from './dictionary';

export function CertificatesTable({ certificates, title = '证书' }: { certificates: CertificateView[]; title?: string }) {
  const { message } = App.useApp();
  const open = (c: CertificateView) => certificatesApi.open(c).catch((e: unknown) => message.error(asApiError(e).message));
  return (
    <Table<CertificateView>
      rowKey="id"
      size="small"
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      dataSource={certificates}
      pagination={certificates.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无证书" /> }}
      columns={[
        { title: '证书', dataIndex: 'title', width: 180, render: (t: string, c) => (c.gradeLabel ? `${t}（${c.gradeLabel}）` : t) },
        { title: '证书编号', dataIndex: 'certNo', render: (no: string) => <Typography.Text copyable>{no}</Typography.Text> },
        { title: '发证日期', dataIndex: 'issuedOn', width: 105 },
        { title: '有效期至', dataIndex: 'validUntil', width: 105, render: (v: string | null) => v ?? '长期' },
        {
          title: '状态',
          dataIndex: 'status',
          width: 120,
          render: (_: string, c) => {
            const tag = <Tag color={CERTIFICATE_STATUS_COLOURS[c.status]}>{c.statusLabel}</Tag>;
            return c.statusReason ? <Tooltip title={c.statusReason}>{tag}</Tooltip> : tag;
          },
        },
        {
          title: '证书文件',
          key: 'pdf',
          width: 100,
          render: (_: unknown, c) => (
            <Button type="link" size="small" icon={<FilePdfOutlined />} aria-label={`查看${c.certNo}的PDF`} onClick={() => void open(c)}>
              PDF
            </Button>
          ),
        },
      ]}
    />
  );
}
