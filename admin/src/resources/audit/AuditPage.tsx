import { useState } from 'react';
import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { AuditVerifyResult } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/useSubmit';
import { auditApi } from './api';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditRowDetail, auditColumns } from './columns';
import { useAuditList } from './useAuditList';
import { VerifyResultAlert } from './VerifyResultAlert';

export function AuditPage() {
  const { message } = App.useApp();
  const list = useAuditList();
  const [verifying, setVerifying] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null);

  // Verifying and exporting are audited themselves, so the list is reloaded afterwards.
  const verify = async () => {
    setVerifying(true);
    try {
      setVerified(await auditApi.verify());
      list.reload();
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setVerifying(false);
    }
  };
  const exportCsv = async () => {
    setExporting(true);
    try {
      await auditApi.exportCsv(list.filters);
      list.reload();
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        审计日志
      </Typography.Title>
      <Card>
        <AuditFilterForm onSearch={list.search} />
      </Card>
      <Card
        title="审计记录"
        extra={
          <Space>
            <Button icon={<SafetyOutlined />} loading={verifying} onClick={verify}>
              校验审计链
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportCsv}>
              导出
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {verified && <VerifyResultAlert result={verified} onClose={() => setVerified(null)} />}
          <ErrorAlert error={list.error} />
          <Table
            rowKey="seq"
            size="middle"
            columns={auditColumns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            scroll={{ x: 1100 }}
            expandable={{ expandedRowRender: (record) => <AuditRowDetail record={record} /> }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无审计记录" /> }}
            pagination={{
              current: list.paging.page,
              pageSize: list.paging.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => `共 ${total} 条`,
              onChange: list.changePage,
            }}
          />
        </Space>
      </Card>
    </Space>
  );
}
