import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Progress, Space, Statistic, Table, Tag } from 'antd';
import { SURVEY_ERROR_CODES, formatShanghai, type SurveyImportDetail, type SurveyImportMode, type SurveyRowError } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/useSubmit';
import { surveyApi } from './api';
import { useImportPoll } from './useImportPoll';

export const MODE_LABELS: Record<SurveyImportMode, string> = { all_or_nothing: '全部正确才导入', good_rows: '仅导入正确的行' };
export const STATUS_TAGS: Record<SurveyImportDetail['status'], { label: string; color: string }> = {
  running: { label: '导入中', color: 'processing' },
  done: { label: '已完成', color: 'green' },
  failed: { label: '未导入', color: 'red' },
};

/** One import: a progress bar while it runs, then its counts and row errors. */
export function ImportResult({ first, onFinished }: { first: SurveyImportDetail; onFinished: (imp: SurveyImportDetail) => void }) {
  const { message } = App.useApp();
  const [errorsPage, setErrorsPage] = useState(1);
  const { imp, error } = useImportPoll(first, errorsPage, onFinished);
  if (!imp) return null;
  const percent = imp.totalRows ? Math.floor((imp.processedRows / imp.totalRows) * 100) : imp.status === 'running' ? 0 : 100;
  const running = imp.status === 'running';
  const download = () => surveyApi.downloadErrors(imp).catch((e: unknown) => message.error(asApiError(e).message));

  return (
    <Card
      size="small"
      title={
        <Space>
          导入 #{imp.id}
          <Tag color={STATUS_TAGS[imp.status].color}>{STATUS_TAGS[imp.status].label}</Tag>
          <span style={{ fontWeight: 'normal', color: '#888' }}>
            {MODE_LABELS[imp.mode]}｜{formatShanghai(imp.createdAt)}
          </span>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ErrorAlert error={error} />
        <div aria-label="导入进度">
          <Progress percent={percent} status={running ? 'active' : imp.status === 'failed' ? 'exception' : 'success'} />
          <span>
            已处理 {imp.processedRows} / {imp.totalRows} 行
          </span>
        </div>
        {!running && (
          <>
            <Alert type={imp.status === 'failed' ? 'error' : imp.errorCount ? 'warning' : 'success'} showIcon title={imp.message} />
            <Space size="large" wrap>
              <Statistic title="新建楼栋" value={imp.buildingsCreated} />
              <Statistic title="新建房屋" value={imp.roomsCreated} />
              <Statistic title="更新" value={imp.roomsUpdated} />
              <Statistic title="未变化" value={imp.roomsUnchanged} />
              <Statistic title="未导入的行" value={imp.rowsSkipped} />
              <Statistic title="错误" value={imp.errorCount} />
            </Space>
          </>
        )}
        {imp.errorCount > 0 && (
          <>
            <Space>
              <strong>错误清单</strong>
              <span>共 {imp.errorCount} 处</span>
              <Button size="small" icon={<DownloadOutlined />} onClick={download}>
                下载完整错误清单
              </Button>
            </Space>
            <Table<SurveyRowError>
              rowKey={(e) => `${e.row}:${e.field}:${e.code}`}
              size="small"
              dataSource={imp.errors}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无错误" /> }}
              pagination={{
                current: imp.errorsPage,
                pageSize: imp.errorsPageSize,
                total: imp.errorCount,
                showSizeChanger: false,
                showTotal: (total) => `共 ${total} 处`,
                onChange: setErrorsPage,
              }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '列', dataIndex: 'column', width: 140, render: (c: string) => c || '—' },
                {
                  title: '错误代码',
                  dataIndex: 'code',
                  width: 240,
                  render: (code: string) => (
                    <>
                      <div>{SURVEY_ERROR_CODES[code as keyof typeof SURVEY_ERROR_CODES] ?? ''}</div>
                      <code>{code}</code>
                    </>
                  ),
                },
                { title: '说明', dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
