// One permit or filing: its facts, the certificate to print, and where the public checks it.
import { useState } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { formatArea } from '@hq/common';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { useAccess } from '../../providers/access';
import { permitsApi } from './api';
import { PERMIT_KIND_LABELS, permitStatusColour, permitStatusLabel } from './dictionary';

const verifyUrl = (no: string) => `/h5/#/subpackages/public/pages/verify/index?no=${encodeURIComponent(no)}`;

export function PermitDrawer({ permitId, onClose }: { permitId: number; onClose: () => void }) {
  const { message } = App.useApp();
  const { pages } = useAccess();
  const permit = useResource((signal) => permitsApi.get(permitId, signal), [permitId]);
  const [printing, setPrinting] = useState(false);
  const p = permit.data;
  const print = async () => {
    if (!p) return;
    setPrinting(true);
    try {
      await permitsApi.openCertificate(p);
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Drawer
      open
      size={640}
      title={p ? p.permitNo : '许可详情'}
      onClose={onClose}
      destroyOnHidden
      extra={
        p && (
          <Button type="primary" icon={<PrinterOutlined />} loading={printing} onClick={() => void print()}>
            打印证书
          </Button>
        )
      }
    >
      <ErrorAlert error={permit.error} />
      {!p ? (
        permit.loading && <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'no', label: '证号', children: <Typography.Text copyable>{p.permitNo}</Typography.Text> },
              { key: 'kind', label: '类别', children: PERMIT_KIND_LABELS[p.kind] },
              { key: 'status', label: '状态', children: <Tag color={permitStatusColour(p.status)}>{permitStatusLabel(p.status)}</Tag> },
              {
                key: 'project',
                label: '项目',
                children: pages.some((x) => x.key === 'projects') ? <Link to={`/realestate/projects/${p.projectId}`}>{p.projectName}</Link> : p.projectName,
              },
              { key: 'developer', label: '开发企业', children: p.developerName ?? '—' },
              { key: 'buildings', label: p.kind === 'presale' ? '预售范围' : '现售范围', children: p.buildingNos.join('、') || '—' },
              { key: 'rooms', label: '套数', children: `${p.roomCount} 套` },
              { key: 'area', label: '建筑面积', children: formatArea(p.area) },
              { key: 'issued', label: '发证日期', children: p.issuedOn },
            ]}
          />
          <Typography.Text type="secondary">
            证书上的二维码打开公众核验页：
            <Typography.Link href={verifyUrl(p.permitNo)} target="_blank">
              证书核验
            </Typography.Link>
          </Typography.Text>
        </Space>
      )}
    </Drawer>
  );
}
