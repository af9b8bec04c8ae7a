// 版本: each version of the form (a returned application's edits make a new one, the reviewed
// version stays as it was), one version field by field, and what changed between two.
import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { formatShanghai, type ApplicationDetail } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { applicationsApi, type FormVersion } from './api';
import { fieldLabel, flattenForm, formatValue } from './dictionary';

export function VersionsCard({ detail }: { detail: ApplicationDetail }) {
  const { message } = App.useApp();
  const versions = detail.versions;
  const [from, setFrom] = useState<number | undefined>(versions.length > 1 ? versions[versions.length - 2].versionNo : undefined);
  const [to, setTo] = useState<number | undefined>(versions.length > 1 ? versions[versions.length - 1].versionNo : undefined);
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);
  const [shown, setShown] = useState<FormVersion | null>(null);
  const labels = useMemo(() => new Map(detail.requiredAttachments.map((a) => [a.key, a.label])), [detail.requiredAttachments]);

  const options = versions.map((v) => ({ value: v.versionNo, label: `第 ${v.versionNo} 版` }));
  const view = (no: number) => applicationsApi.version(detail.id, no).then(setShown, (e: unknown) => message.error(asApiError(e).message));

  return (
    <Card title="版本">
      <Table
        rowKey="versionNo"
        size="small"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: '版本', dataIndex: 'versionNo', width: 80, render: (n: number) => `第 ${n} 版` },
          { title: '保存时间', dataIndex: 'at', render: (at: string) => formatShanghai(at) },
          { title: '状态', dataIndex: 'submitted', width: 90, render: (s: boolean) => (s ? <Tag color="blue">已提交</Tag> : <Tag>未提交</Tag>) },
          {
            title: '操作',
            key: 'view',
            width: 70,
            render: (_, v) => (
              <Button type="link" size="small" onClick={() => void view(v.versionNo)}>
                查看
              </Button>
            ),
          },
        ]}
      />
      {versions.length > 1 ? (
        <Space wrap style={{ marginTop: 12 }}>
          <span>比较</span>
          <Select aria-label="比较的原版本" value={from} onChange={setFrom} options={options} style={{ width: 110 }} />
          <span>与</span>
          <Select aria-label="比较的新版本" value={to} onChange={setTo} options={options} style={{ width: 110 }} />
          <Button disabled={!from || !to || from === to} onClick={() => from && to && setCompared({ from, to })}>
            比较版本
          </Button>
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          退回补正后修改申请，会生成新的版本，可在此比较前后差异。
        </Typography.Paragraph>
      )}
      {compared && <VersionDiffTable id={detail.id} from={compared.from} to={compared.to} labels={labels} />}
      <Modal open={!!shown} title={shown ? `第 ${shown.versionNo} 版（${formatShanghai(shown.at)}）` : ''} footer={null} width={720} onCancel={() => setShown(null)} destroyOnHidden>
        {shown && (
          <Table
            rowKey="path"
            size="small"
            pagination={false}
            scroll={{ y: 480 }}
            dataSource={[...flattenForm(shown.form), { path: 'attachments', value: shown.attachments }]}
            columns={[
              { title: '项目', dataIndex: 'path', width: 260, render: (p: string) => fieldLabel(p) },
              { title: '内容', dataIndex: 'value', render: (v: unknown) => formatValue(v, labels) },
            ]}
          />
        )}
      </Modal>
    </Card>
  );
}

function VersionDiffTable({ id, from, to, labels }: { id: number; from: number; to: number; labels: Map<string, string> }) {
  const diff = useResource((signal) => applicationsApi.diff(id, from, to, signal), [id, from, to]);
  return (
    <div style={{ marginTop: 12 }}>
      <ErrorAlert error={diff.error} />
      <Typography.Text strong>
        第 {from} 版 → 第 {to} 版
      </Typography.Text>
      <Table
        rowKey="path"
        size="small"
        loading={diff.loading}
        pagination={false}
        dataSource={diff.data?.changes ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="两个版本内容相同" /> }}
        columns={[
          { title: '修改项', dataIndex: 'path', render: (p: string) => fieldLabel(p) },
          { title: '修改前', dataIndex: 'before', render: (v: unknown) => <span className="app-diff-before">{formatValue(v, labels)}</span> },
          { title: '修改后', dataIndex: 'after', render: (v: unknown) => <span className="app-diff-after">{formatValue(v, labels)}</span> },
        ]}
      />
    </div>
  );
}
