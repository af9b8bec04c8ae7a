// 申请材料: each attachment the business type asks for, what is attached, and an upload with its
// progress. Attached files open with the person's token (they are not public).
import { useState } from 'react';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Progress, Space, Tag, Typography, Upload } from 'antd';
import { FILE_LIMITS, type ApplicationDetail } from '@hq/common';
import { asApiError } from '../../components/useSubmit';
import { applicationsApi } from './api';

export interface AttachmentRow {
  key: string;
  fileId: string;
  name: string | null;
}

interface Uploading {
  name: string;
  percent: number;
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,application/pdf,image/jpeg,image/png';
const MAX_BYTES = FILE_LIMITS.pdf;

export function AttachmentsCard({
  required, value, onChange, editable,
}: {
  required: ApplicationDetail['requiredAttachments'];
  value: AttachmentRow[];
  /** An update of the list as it is then: uploads finish in any order. */
  onChange: (update: (current: AttachmentRow[]) => AttachmentRow[]) => void;
  editable: boolean;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<Record<string, Uploading | undefined>>({});
  const missingCount = required.filter((r) => r.required && !value.some((a) => a.key === r.key)).length;

  const upload = async (key: string, file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(`文件过大：单个附件不超过 ${MAX_BYTES / 1048576} MB`);
      return;
    }
    setUploading((u) => ({ ...u, [key]: { name: file.name, percent: 0 } }));
    try {
      const info = await applicationsApi.upload(file, (sent) =>
        setUploading((u) => ({ ...u, [key]: { name: file.name, percent: Math.min(99, Math.round(sent * 100)) } })),
      );
      onChange((current) => [...current.filter((a) => !(a.key === key && a.fileId === info.id)), { key, fileId: info.id, name: info.name }]);
      message.success(`已上传：${info.name}`);
    } catch (e) {
      message.error(`${file.name} 上传失败：${asApiError(e).message}`);
    } finally {
      setUploading((u) => ({ ...u, [key]: undefined }));
    }
  };

  const open = async (a: AttachmentRow) => {
    try {
      const url = await applicationsApi.fileUrl(a.fileId);
      window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };

  return (
    <Card
      title="申请材料"
      extra={missingCount ? <Typography.Text type="warning">尚缺 {missingCount} 项必传材料</Typography.Text> : <Typography.Text type="success">必传材料已齐全</Typography.Text>}
    >
      <ul className="app-attachments">
        {required.map((r) => {
          const files = value.filter((a) => a.key === r.key);
          const busy = uploading[r.key];
          return (
            <li key={r.key} className="app-attachment" data-attachment-key={r.key} aria-label={r.label}>
              <div className="app-attachment-head">
                <Space size={6} wrap>
                  <Typography.Text strong>{r.label}</Typography.Text>
                  {r.required ? <Tag color={files.length ? 'green' : 'red'}>{files.length ? '已上传' : '必传'}</Tag> : <Tag>选传</Tag>}
                </Space>
                {editable && (
                  <Upload
                    accept={ACCEPT}
                    showUploadList={false}
                    disabled={!!busy}
                    beforeUpload={(f) => {
                      void upload(r.key, f);
                      return false; // sent by our transport (with the token and progress), not by Upload
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} loading={!!busy}>
                      {files.length ? '继续上传' : '上传'}
                    </Button>
                  </Upload>
                )}
              </div>
              {busy && (
                <div className="app-attachment-progress">
                  <Typography.Text type="secondary">{busy.name}</Typography.Text>
                  <Progress percent={busy.percent} size="small" status="active" aria-label={`${r.label}上传进度`} />
                </div>
              )}
              {files.map((a) => (
                <div key={a.fileId} className="app-attachment-file">
                  <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => void open(a)}>
                    {a.name ?? '附件'}
                  </Button>
                  {editable && (
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除 ${a.name ?? '附件'}`}
                      onClick={() => onChange((current) => current.filter((x) => !(x.key === a.key && x.fileId === a.fileId)))}
                    />
                  )}
                </div>
              ))}
              {!files.length && !busy && !editable && <Typography.Text type="secondary">未上传</Typography.Text>}
            </li>
          );
        })}
      </ul>
      {editable && <Typography.Text type="secondary">支持 PDF、JPG、PNG 及 Office 文档，单个文件不超过 {MAX_BYTES / 1048576} MB。</Typography.Text>}
    </Card>
  );
}
