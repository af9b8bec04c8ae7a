// An approved application's result: the permit or filing number, a link to it, and the
// certificate to print (fetched with the person's token).
import { useState } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Skeleton, Space, Typography } from 'antd';
import type { ApplicationDetail } from '@hq/common';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { useAccess } from '../../providers/access';
import { permitsApi } from '../permits/api';
import { PERMIT_KIND_LABELS } from '../permits/dictionary';

const PERMIT_RESULTS = ['presale_permit', 'completed_filing'];

export function ResultCard({ detail }: { detail: ApplicationDetail }) {
  if (detail.status !== 'approved' || !detail.resultId || !PERMIT_RESULTS.includes(detail.resultType ?? '')) return null;
  return <PermitResult permitId={detail.resultId} changed={detail.type === 'presale_permit_change'} />;
}

function PermitResult({ permitId, changed }: { permitId: number; changed: boolean }) {
  const { message } = App.useApp();
  const { pages } = useAccess();
  const permit = useResource((signal) => permitsApi.get(permitId, signal), [permitId]);
  const [printing, setPrinting] = useState(false);
  const p = permit.data;
  if (permit.error) return <ErrorAlert error={permit.error} />;
  if (!p) return <Skeleton active paragraph={{ rows: 1 }} />;

  const print = async () => {
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
    <Alert
      type="success"
      showIcon
      title={changed ? `已变更${PERMIT_KIND_LABELS[p.kind]}` : `已核发${PERMIT_KIND_LABELS[p.kind]}`}
      description={
        <Space orientation="vertical" size={4}>
          <span>
            {p.kind === 'presale' ? '预售许可证号' : '现售备案号'}：
            <Typography.Text strong copyable data-testid="permit-no">
              {p.permitNo}
            </Typography.Text>
          </span>
          <span>
            {p.projectName}｜{p.buildingNos.join('、')}｜{p.roomCount} 套｜发证日期 {p.issuedOn}
          </span>
        </Space>
      }
      action={
        <Space orientation="vertical">
          <Button type="primary" icon={<PrinterOutlined />} loading={printing} onClick={() => void print()}>
            打印证书
          </Button>
          {pages.some((x) => x.key === 'permits') && <Link to={`/permits?id=${p.id}`}>查看许可详情</Link>}
        </Space>
      }
    />
  );
}
