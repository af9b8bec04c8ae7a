// 证据材料: files uploaded one by one (with progress) and kept in the form as their file ids;
// opened with the person's token, since evidence is not public.
import { useState } from 'react';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Typography, Upload } from 'antd';
import { FILE_LIMITS } from '@hq/common';
import { asApiError } from '../../components/useSubmit';
import { creditApi } from './api';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,application/pdf,image/jpeg,image/png';

export function EvidenceUpload({ id, value = [], onChange }: { id?: string; value?: string[]; onChange?: (ids: string[]) => void }) {
  const { message } = App.useApp();
  const [names, setNames] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null);

  const upload = async (file: File) => {
    if (file.size > FILE_LIMITS.pdf) {
      message.error(`文件过大：单个文件不超过 ${FILE_LIMITS.pdf / 1048576} MB`);
      return;
    }
    setUploading({ name: file.name, percent: 0 });
    try {
      const info = await creditApi.upload(file, (sent) => setUploading({ name: file.name, percent: Math.min(99, Math.round(sent * 100)) }));
      setNames((n) => ({ ...n, [info.id]: info.name }));
      onChange?.([...value.filter((x) => x !== info.id), info.id]);
    } catch (e) {
      message.error(`${file.name} 上传失败：${asApiError(e).message}`);
    } finally {
      setUploading(null);
    }
  };

  return (
    <div id={id}>
      <ul className="credit-evidence">
        {value.map((fileId) => (
          <li key={fileId}>
            <Space size={4}>
              <PaperClipOutlined />
              <EvidenceLink fileId={fileId} name={names[fileId]} />
              <Typography.Text type="success">已上传</Typography.Text>
              <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={`移除${names[fileId] ?? '文件'}`} onClick={() => onChange?.(value.filter((x) => x !== fileId))} />
            </Space>
          </li>
        ))}
      </ul>
      {uploading && (
        <div style={{ maxWidth: 360 }}>
          <Typography.Text type="secondary">{uploading.name}</Typography.Text>
          <Progress percent={uploading.percent} size="small" />
        </div>
      )}
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        multiple
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} disabled={!!uploading || value.length >= 20}>
          上传证据材料
        </Button>
      </Upload>
    </div>
  );
}

/** One evidence file: opens in a new tab from an object URL. */
export function EvidenceLink({ fileId, name }: { fileId: string; name?: string }) {
  const { message } = App.useApp();
  const open = async () => {
    try {
      const url = await creditApi.fileUrl(fileId);
      window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };
  return <Typography.Link onClick={() => void open()}>{name ?? `证据材料 ${fileId.slice(0, 8)}`}</Typography.Link>;
}
