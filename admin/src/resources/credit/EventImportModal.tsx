// 跨部门信用信息导入 (RE-060, RE-061, RE-073): a CSV in the template's columns (Excel saves one with
// 另存为 → CSV UTF-8), checked here for what can be read and by the API row by row; rows already
// imported from the same department are not imported twice. Imported records wait for review.
import { useState } from 'react';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { saveBlob } from '../enterprises/xlsx';
import { creditApi, type CreditImportResult } from './api';
import { parseCsv, toCsv } from './csv';
import { IMPORT_COLUMNS, IMPORT_EXAMPLE, rowsToItems, type ParsedImport } from './importRows';

const RESULT_LABELS = { created: { label: '已导入', colour: 'green' }, duplicate: { label: '重复，未导入', colour: 'default' }, failed: { label: '失败', colour: 'red' } };

export function EventImportModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ sourceDept: string }>();
  const [file, setFile] = useState<{ name: string; parsed: ParsedImport } | null>(null);
  const [result, setResult] = useState<CreditImportResult | null>(null);
  const send = useSubmit(async ({ sourceDept }: { sourceDept: string }) => {
    if (!file?.parsed.items.length) return;
    setResult(await creditApi.importEvents({ sourceDept: sourceDept.trim(), items: file.parsed.items }));
    onDone();
  });

  const read = async (f: File) => {
    setResult(null);
    const text = await f.text();
    setFile({ name: f.name, parsed: rowsToItems(parseCsv(text)) });
  };
  const template = () => saveBlob(new Blob([toCsv([[...IMPORT_COLUMNS], IMPORT_EXAMPLE])], { type: 'text/csv;charset=utf-8' }), '信用信息导入模板.csv');

  return (
    <Modal
      open
      width={820}
      title="批量导入信用信息"
      okText={result ? '完成' : '开始导入'}
      cancelText="取消"
      okButtonProps={{ disabled: !result && !file?.parsed.items.length }}
      confirmLoading={send.busy}
      onOk={() => (result ? onClose() : form.submit())}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          按模板填写后另存为 CSV（UTF-8）文件上传。企业按统一社会信用代码匹配，经纪人按证件号码匹配；导入的信用信息须经审核后计入信用。
          <Button type="link" icon={<DownloadOutlined />} onClick={template}>
            下载导入模板
          </Button>
        </Typography.Paragraph>
        <ErrorAlert error={send.error} />
        <Form form={form} layout="vertical" name="creditImport" onFinish={send.run} disabled={!!result}>
          <Form.Item label="来源部门" name="sourceDept" rules={[{ required: true, whitespace: true, message: '请填写来源部门' }, { min: 2, message: '请填写来源部门' }]}>
            <Input maxLength={64} placeholder="如：横琴粤澳深度合作区市场监督管理局" />
          </Form.Item>
          <Form.Item label="导入文件" required>
            <Upload
              accept=".csv,text/csv"
              showUploadList={false}
              beforeUpload={(f) => {
                void read(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{file ? `重新选择（当前：${file.name}）` : '选择 CSV 文件'}</Button>
            </Upload>
          </Form.Item>
        </Form>
        {file && !result && (
          <Alert
            type={file.parsed.problems.length ? 'warning' : 'info'}
            showIcon
            title={`读取到 ${file.parsed.items.length} 条可导入的信用信息${file.parsed.problems.length ? `，${file.parsed.problems.length} 行无法读取（不会导入）` : ''}`}
            description={
              file.parsed.problems.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {file.parsed.problems.slice(0, 20).map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )
            }
          />
        )}
        {result && (
          <>
            <Alert type={result.failed ? 'warning' : 'success'} showIcon title={`导入 ${result.created} 条，重复 ${result.duplicates} 条，失败 ${result.failed} 条`} />
            <Table
              rowKey="index"
              size="small"
              dataSource={result.rows}
              pagination={result.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                { title: '行', dataIndex: 'index', width: 60, render: (i: number) => file?.parsed.lines[i] ?? i + 2 },
                { title: '记录编号', dataIndex: 'externalRef', width: 160 },
                { title: '结果', dataIndex: 'result', width: 120, render: (r: keyof typeof RESULT_LABELS) => <Tag color={RESULT_LABELS[r].colour}>{RESULT_LABELS[r].label}</Tag> },
                { title: '说明', dataIndex: 'message', render: (m: string | null, row) => m ?? (row.eventId ? `信用信息 #${row.eventId}，待审核` : '—') },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
