// 测绘导入 (RE-011): download the template, upload the filled .xlsx with a deliberate choice of
// mode, follow the import's progress, read its counts and row errors; past imports below.
import { useState } from 'react';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Radio, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { SURVEY_LIMITS, formatShanghai, type SurveyImportDetail, type SurveyImportMode, type SurveyImportSummary } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { asApiError, useSubmit } from '../../components/useSubmit';
import type { ProjectDetail } from '../realestate/api';
import { surveyApi } from './api';
import { ImportResult, MODE_LABELS, STATUS_TAGS } from './ImportResult';

export function SurveyImportTab({ project, onImported }: { project: ProjectDetail; onImported: () => void }) {
  const { message, modal } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<SurveyImportMode>('all_or_nothing');
  const [current, setCurrent] = useState<SurveyImportDetail | null>(null);
  const [downloading, setDownloading] = useState(false);
  const history = usePagedList<object, SurveyImportSummary>((q, signal) => surveyApi.list(project.id, q, signal), {}, 10);

  const start = useSubmit(async () => {
    if (!file) return;
    const imp = await surveyApi.start(project.id, file, mode);
    setCurrent(imp);
    setFile(null);
    history.reload();
  });

  // Importing only the good rows leaves the bad ones out: make that a choice the person confirms.
  const chooseMode = (next: SurveyImportMode) => {
    if (next === 'all_or_nothing') return setMode(next);
    modal.confirm({
      title: '改为“仅导入正确的行”？',
      content: '有错误的行将被跳过，其余行照常写入楼盘表；跳过的房屋需改正后再次导入。若希望整份文件全部正确才导入，请选择“全部正确才导入”。',
      okText: '确认改为仅导入正确的行',
      cancelText: '取消',
      onOk: () => setMode('good_rows'),
    });
  };

  const confirmStart = () => {
    if (!file) return;
    modal.confirm({
      title: '开始导入测绘数据？',
      content: (
        <div>
          <p>项目：{project.name}</p>
          <p>文件：{file.name}</p>
          <p>导入方式：{MODE_LABELS[mode]}</p>
          <p>导入后新建或更新的楼栋、房屋将写入楼盘表并留痕。</p>
        </div>
      ),
      okText: '开始导入',
      cancelText: '取消',
      onOk: () => start.run(),
    });
  };

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      await surveyApi.downloadTemplate();
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setDownloading(false);
    }
  };

  const columns: TableColumnsType<SurveyImportSummary> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    { title: '时间', dataIndex: 'createdAt', width: 160, render: (at: string) => formatShanghai(at) },
    { title: '来源', dataIndex: 'source', width: 80, render: (s: string) => (s === 'xlsx' ? 'Excel' : '接口') },
    { title: '导入方式', dataIndex: 'mode', width: 130, render: (m: SurveyImportMode) => MODE_LABELS[m] },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: SurveyImportSummary['status']) => <Tag color={STATUS_TAGS[s].color}>{STATUS_TAGS[s].label}</Tag> },
    { title: '行数', dataIndex: 'totalRows', width: 70, align: 'right' },
    { title: '错误', dataIndex: 'errorCount', width: 70, align: 'right' },
    { title: '结果', dataIndex: 'message', ellipsis: true },
    {
      title: '操作',
      key: 'view',
      width: 80,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => surveyApi.get(r.id).then(setCurrent, (e: unknown) => message.error(asApiError(e).message))}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="导入预售测绘数据">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            1. 下载导入模板，按模板填写每套房屋一行（幢信息在每行重复填写）。不动产单元号为28位，前19位须与本项目宗地代码
            <Typography.Text code>{project.parcelCode ?? '（未登记）'}</Typography.Text>一致。
            <Button type="link" icon={<DownloadOutlined />} loading={downloading} onClick={downloadTemplate}>
              下载导入模板
            </Button>
          </Typography.Paragraph>
          {!project.parcelCode && <Alert type="warning" showIcon title="本项目尚未登记宗地代码，不动产单元号无法校验，请先在“基本信息”中补充。" />}
          <div>
            <Typography.Paragraph style={{ marginBottom: 8 }}>2. 选择填好的 Excel 文件（.xlsx，不超过 {SURVEY_LIMITS.maxBytes / 1048576} MB）。</Typography.Paragraph>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'survey', name: file.name, status: 'done', size: file.size }] : []}
              beforeUpload={(f) => {
                if (!/\.xlsx$/i.test(f.name)) {
                  message.error('仅接受 .xlsx 格式的 Excel 文件（.xls 请在 Excel 中另存为 .xlsx）');
                  return Upload.LIST_IGNORE;
                }
                if (f.size > SURVEY_LIMITS.maxBytes) {
                  message.error(`文件过大：测绘数据文件不超过 ${SURVEY_LIMITS.maxBytes / 1048576} MB，请拆分后分批导入`);
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                return false; // sent by the import button, not on selection
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖拽测绘数据文件到此处</p>
            </Upload.Dragger>
          </div>
          <div>
            <Typography.Paragraph style={{ marginBottom: 8 }}>3. 选择导入方式。</Typography.Paragraph>
            <Radio.Group value={mode} onChange={(e) => chooseMode(e.target.value as SurveyImportMode)} aria-label="导入方式">
              <Space orientation="vertical">
                <Radio value="all_or_nothing">
                  全部正确才导入（推荐）<Typography.Text type="secondary">：任何一行有错，整份文件都不导入</Typography.Text>
                </Radio>
                <Radio value="good_rows">
                  仅导入正确的行<Typography.Text type="secondary">：有错的行跳过，其余行照常导入</Typography.Text>
                </Radio>
              </Space>
            </Radio.Group>
            {mode === 'good_rows' && (
              <Alert style={{ marginTop: 8 }} type="warning" showIcon title="已选择“仅导入正确的行”：有错误的行不会导入，请在导入后核对错误清单。" />
            )}
          </div>
          <ErrorAlert error={start.error} />
          <Button type="primary" disabled={!file} loading={start.busy} onClick={confirmStart}>
            开始导入
          </Button>
        </Space>
      </Card>

      {current && (
        <ImportResult
          key={current.id}
          first={current}
          onFinished={() => {
            history.reload();
            onImported();
          }}
        />
      )}

      <Card size="small" title="导入记录">
        <ErrorAlert error={history.error} />
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={history.data?.items ?? []}
          loading={history.loading}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无导入记录" /> }}
          pagination={history.pagination}
        />
      </Card>
    </Space>
  );
}
