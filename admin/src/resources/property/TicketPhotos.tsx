// 照片: thumbnails by stage (上报/处理前/处理后), each with the server's time and hash; the
// original opens large on click. Photos are private, so each is fetched with the person's token.
// The location shows only when the API sent one (handlers and regulators).
import { useEffect, useState } from 'react';
import { EnvironmentOutlined, PictureOutlined } from '@ant-design/icons';
import { Empty, Modal, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { PHOTO_STAGES, formatShanghai, type TicketDetail } from '@hq/common';
import { ticketsApi } from './api';
import { PHOTO_STAGE_LABELS } from './dictionary';

type Photo = TicketDetail['photos'][number];

/** An object URL for a private image, revoked when the component goes or the path changes. */
function useObjectUrl(path: string | null): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    if (!path) return;
    const ctrl = new AbortController();
    let url: string | null = null;
    setState({ url: null, failed: false });
    ticketsApi.photoUrl(path, ctrl.signal).then(
      (u) => {
        url = u;
        setState({ url: u, failed: false });
      },
      () => {
        if (!ctrl.signal.aborted) setState({ url: null, failed: true });
      },
    );
    return () => {
      ctrl.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [path]);
  return state;
}

function Thumb({ photo, onOpen }: { photo: Photo; onOpen: () => void }) {
  const { url, failed } = useObjectUrl(photo.thumbnailUrl ?? photo.url);
  const label = `${PHOTO_STAGE_LABELS[photo.stage]}照片`;
  return (
    <figure className="pm-photo">
      <button type="button" className="pm-photo-thumb" onClick={onOpen} aria-label={`查看${label}`}>
        {url ? <img src={url} alt={label} /> : failed ? <PictureOutlined aria-label="照片无法加载" /> : <Spin size="small" />}
      </button>
      <figcaption>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatShanghai(photo.takenAt, false)}
        </Typography.Text>
        <Space size={4} wrap>
          {photo.fromCamera && <Tag style={{ marginInlineEnd: 0 }}>现场拍摄</Tag>}
          {photo.location && (
            <Tooltip title="拍摄位置（仅处理单位和主管部门可见）">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <EnvironmentOutlined /> {photo.location.lng.toFixed(5)}, {photo.location.lat.toFixed(5)}
              </Typography.Text>
            </Tooltip>
          )}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 11 }} copyable={{ text: photo.sha256 }} title={`SHA-256 ${photo.sha256}`}>
          {photo.sha256.slice(0, 12)}…
        </Typography.Text>
      </figcaption>
    </figure>
  );
}

function Original({ photo, onClose }: { photo: Photo; onClose: () => void }) {
  const { url, failed } = useObjectUrl(photo.url);
  return (
    <Modal open title={`${PHOTO_STAGE_LABELS[photo.stage]}照片`} footer={null} onCancel={onClose} width={880} destroyOnHidden>
      <div className="pm-photo-original">
        {url ? <img src={url} alt={`${PHOTO_STAGE_LABELS[photo.stage]}照片原图`} /> : failed ? <Empty description="照片无法加载" /> : <Spin />}
      </div>
    </Modal>
  );
}

export function TicketPhotos({ photos }: { photos: Photo[] }) {
  const [open, setOpen] = useState<Photo | null>(null);
  if (!photos.length) return <Typography.Text type="secondary">未上传照片</Typography.Text>;
  return (
    <>
      {PHOTO_STAGES.map((stage) => {
        const list = photos.filter((p) => p.stage === stage);
        if (!list.length) return null;
        return (
          <div key={stage} className="pm-photo-group" aria-label={PHOTO_STAGE_LABELS[stage]}>
            <Typography.Text strong>{PHOTO_STAGE_LABELS[stage]}</Typography.Text>
            <div className="pm-photo-row">
              {list.map((p) => (
                <Thumb key={p.id} photo={p} onOpen={() => setOpen(p)} />
              ))}
            </div>
          </div>
        );
      })}
      {open && <Original photo={open} onClose={() => setOpen(null)} />}
    </>
  );
}
