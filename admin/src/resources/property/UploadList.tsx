// Files picked for a step (after photos, a complaint's attachments): each uploaded at once through
// the transport with its progress, then referenced by id. A failed upload can be picked again; the
// API deduplicates a person's uploads by hash, so a retry never makes two files.
import { useEffect, useRef, useState } from 'react';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Typography, Upload } from 'antd';
import { FILE_LIMITS } from '@hq/common';
import { asApiError } from '../../components/useSubmit';
import { filesApi } from './api';

export interface UploadedFile {
  fileId: string;
  name: string;
  /** A local preview of an image (revoked when removed or when the list goes). */
  preview: string | null;
}

interface Busy {
  uid: string;
  name: string;
  percent: number;
}

export function UploadList({
  value = [], onChange, onBusy, images, max, label, id,
}: {
  value?: UploadedFile[];
  onChange?: (next: UploadedFile[]) => void;
  /** Tells the form an upload is running (submit waits for it). */
  onBusy?: (busy: boolean) => void;
  /** Photos only (JPG, PNG); otherwise also PDF and Office documents. */
  images: boolean;
  max: number;
  label: string;
  id?: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Busy[]>([]);
  const current = useRef(value);
  current.current = value;
  const previews = useRef(new Set<string>());
  useEffect(() => {
    onBusy?.(busy.length > 0);
  }, [busy.length]);
  useEffect(() => {
    const all = previews.current;
    return () => all.forEach((u) => URL.revokeObjectURL(u));
  }, []);

  const limit = images ? FILE_LIMITS.image : FILE_LIMITS.pdf;
  const accept = images ? 'image/jpeg,image/png,.jpg,.jpeg,.png' : '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,application/pdf,image/jpeg,image/png';

  const upload = async (file: File, uid: string) => {
    if (file.size > limit) {
      message.error(`${file.name} 过大：不超过 ${limit / 1048576} MB`);
      return;
    }
    if (current.current.length + busy.length >= max) {
      message.error(`${label}最多 ${max} 个`);
      return;
    }
    setBusy((b) => [...b, { uid, name: file.name, percent: 0 }]);
    try {
      const info = await filesApi.upload(file, (sent) =>
        setBusy((b) => b.map((x) => (x.uid === uid ? { ...x, percent: Math.min(99, Math.round(sent * 100)) } : x))),
      );
      if (images && info.kind !== 'image') throw new Error('not image');
      let preview: string | null = null;
      if (info.kind === 'image') {
        preview = URL.createObjectURL(file);
        previews.current.add(preview);
      }
      const next = [...current.current.filter((f) => f.fileId !== info.id), { fileId: info.id, name: info.name, preview }];
      current.current = next;
      onChange?.(next);
    } catch (e) {
      message.error(e instanceof Error && e.message === 'not image' ? `${file.name} 不是照片，请上传 JPG 或 PNG 图片` : `${file.name} 上传失败：${asApiError(e).message}，请重新选择`);
    } finally {
      setBusy((b) => b.filter((x) => x.uid !== uid));
    }
  };

  const remove = (f: UploadedFile) => {
    if (f.preview) {
      URL.revokeObjectURL(f.preview);
      previews.current.delete(f.preview);
    }
    const next = current.current.filter((x) => x.fileId !== f.fileId);
    current.current = next;
    onChange?.(next);
  };

  return (
    <div id={id}>
      <Upload
        accept={accept}
        multiple
        showUploadList={false}
        beforeUpload={(f) => {
          void upload(f, f.uid);
          return false; // sent by our transport (with the token and progress), not by Upload
        }}
      >
        <Button icon={<UploadOutlined />} disabled={value.length + busy.length >= max}>
          {value.length ? `继续上传${label}` : `上传${label}`}
        </Button>
      </Upload>
      <div className="pm-upload-list">
        {value.map((f) => (
          <div key={f.fileId} className="pm-upload-item">
            {f.preview ? <img src={f.preview} alt={f.name} className="pm-upload-preview" /> : <PaperClipOutlined />}
            <Typography.Text ellipsis style={{ maxWidth: 220 }}>
              {f.name}
            </Typography.Text>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.name}`} onClick={() => remove(f)} />
          </div>
        ))}
        {busy.map((b) => (
          <div key={b.uid} className="pm-upload-item">
            <Space orientation="vertical" size={0} style={{ width: 260 }}>
              <Typography.Text type="secondary">{b.name}</Typography.Text>
              <Progress percent={b.percent} size="small" status="active" aria-label={`${b.name}上传进度`} />
            </Space>
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {images ? 'JPG、PNG 图片' : 'PDF、图片或 Office 文档'}，单个不超过 {limit / 1048576} MB，最多 {max} 个。
      </Typography.Text>
    </div>
  );
}
