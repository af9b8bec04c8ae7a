import { useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Space, Statistic, Table, Typography } from 'antd';
import { PROJECT_STATUSES, formatArea, formatShanghai, type ProjectInput } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { projectsApi, type ProjectDetail } from './api';
import { statusLabel, useLabel } from './dictionary';
import { ProjectFields, changedFields, formToInput, projectToForm, type ProjectFormValues } from './projectForm';
import { useRealEstatePermissions } from './permissions';

const dash = (v: string | number | null | undefined) => (v == null || v === '' ? '—' : v);

export function ProjectFactsTab({
  project: p, onSaved, onStale,
}: { project: ProjectDetail; onSaved: (p: ProjectDetail) => void; onStale: () => void }) {
  const { canMaintain } = useRealEstatePermissions();
  const [editing, setEditing] = useState(false);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        title="项目信息"
        extra={
          canMaintain && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑基本信息
            </Button>
          )
        }
        items={[
          { label: '项目名称', children: p.name },
          { label: '备案名', children: dash(p.filedName) },
          { label: '推广名', children: dash(p.marketingName) },
          { label: '开发企业', children: p.developerName ?? `企业 #${p.developerId}` },
          { label: '片区', children: p.district },
          { label: '项目状态', children: PROJECT_STATUSES[p.status] },
          { label: '坐落', children: p.address, span: 'filled' },
          { label: '宗地代码', children: <Typography.Text code>{dash(p.parcelCode)}</Typography.Text> },
          { label: '土地面积', children: formatArea(p.landArea) },
          { label: '规划建筑面积', children: formatArea(p.plannedFloorArea) },
          { label: '土地用途', children: dash(p.landUse) },
          { label: '规划用途', children: dash(p.plannedUse) },
          { label: '土地使用期限', children: p.landTermStart || p.landTermEnd ? `${dash(p.landTermStart)} 至 ${dash(p.landTermEnd)}` : '—' },
          { label: '容积率', children: p.plotRatio == null ? '—' : (p.plotRatio / 100).toFixed(2) },
          { label: '绿地率', children: p.greeningRate == null ? '—' : `${(p.greeningRate / 100).toFixed(2)}%` },
          { label: '交付日期', children: dash(p.deliveryDate) },
          { label: '土地证号', children: dash(p.landCertNo) },
          { label: '规划许可证号', children: dash(p.planningPermitNo) },
          { label: '施工许可证号', children: dash(p.constructionPermitNo) },
          { label: '预售证', children: p.permitNos.length ? p.permitNos.join('；') : '—', span: 'filled' },
          { label: '最后修改', children: `${formatShanghai(p.updatedAt)}（版本 ${p.version}）` },
        ]}
      />
      <div>
        <Typography.Title level={5}>销售总览</Typography.Title>
        <Space size="large" wrap style={{ marginBottom: 12 }}>
          <Statistic title="总套数" value={p.sales.total.count} suffix={`套 / ${formatArea(p.sales.total.area)}`} />
          <Statistic title="可售" value={p.sales.available.count} suffix={`套 / ${formatArea(p.sales.available.area)}`} />
          <Statistic title="已售（网签、备案、登记）" value={p.sales.sold.count} suffix={`套 / ${formatArea(p.sales.sold.area)}`} />
        </Space>
        <Table
          rowKey={(r) => `${r.use}:${r.status}`}
          size="small"
          pagination={false}
          dataSource={p.sales.rows}
          locale={{ emptyText: '暂无房屋' }}
          columns={[
            { title: '用途', dataIndex: 'use', render: useLabel },
            { title: '状态', dataIndex: 'status', render: statusLabel },
            { title: '套数', dataIndex: 'count', align: 'right' },
            { title: '面积', dataIndex: 'area', align: 'right', render: (a: number) => formatArea(a) },
          ]}
        />
      </div>
      {editing && (
        <ProjectEditDrawer
          project={p}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            onSaved(next);
          }}
          onStale={() => {
            setEditing(false);
            onStale();
          }}
        />
      )}
    </Space>
  );
}

function ProjectEditDrawer({
  project, onClose, onSaved, onStale,
}: { project: ProjectDetail; onClose: () => void; onSaved: (p: ProjectDetail) => void; onStale: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const initial = projectToForm(project);
  const submit = useSubmit(async (values: ProjectFormValues) => {
    const { developerOrgId: _d, ...before } = formToInput(initial);
    const { developerOrgId: _a, ...after } = formToInput(values);
    const changes = changedFields(before, after) as Partial<ProjectInput>;
    if (Object.keys(changes).length === 0) {
      message.info('没有修改');
      onClose();
      return;
    }
    // Coordinates travel as a pair: the API converts both or clears both.
    if ('lng' in changes || 'lat' in changes) Object.assign(changes, { lng: after.lng, lat: after.lat, crs: 'gcj02' });
    // The API's patch schema defaults a missing status to 筹建 (projectInput's default survives
    // .partial()), so the current status always travels with the change.
    changes.status = after.status;
    try {
      const saved = await projectsApi.update(project.id, { ...changes, version: project.version });
      message.success('项目信息已保存');
      onSaved(saved);
    } catch (e) {
      if ((e as { code?: string }).code === 'PROJECT_STALE') {
        modal.warning({ title: '已被他人修改，请刷新', content: '项目信息在您编辑期间已被他人修改。已为您重新加载最新信息，请核对后再编辑。', okText: '知道了' });
        onStale();
        return;
      }
      throw e;
    }
  });
  return (
    <Drawer
      open
      title="编辑基本信息"
      size={760}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={submit.busy} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={submit.error} />
      <Form<ProjectFormValues> form={form} layout="vertical" name="projectEdit" initialValues={initial} onFinish={submit.run}>
        <ProjectFields />
      </Form>
    </Drawer>
  );
}
