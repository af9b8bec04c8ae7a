import { useState } from 'react';
import { EditOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Col, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { formatArea, type BuildingInput, type BuildingSummary, type RoomUse } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { buildingsApi, type ProjectDetail } from './api';
import { USE_OPTIONS, fromSquareMetres, toSquareMetres, useLabel } from './dictionary';
import { useRealEstatePermissions } from './permissions';

export function BuildingsTab({
  project, onChanged, onOpenTable,
}: { project: ProjectDetail; onChanged: () => void; onOpenTable: (buildingId: number) => void }) {
  const { canMaintain } = useRealEstatePermissions();
  const [editing, setEditing] = useState<BuildingSummary | 'new' | null>(null);

  const columns: TableColumnsType<BuildingSummary> = [
    { title: '幢号', dataIndex: 'buildingNo', width: 90 },
    { title: '测绘单体号', dataIndex: 'surveyNo', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '建筑结构', dataIndex: 'structure', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '用途', dataIndex: 'use', width: 70, render: useLabel },
    { title: '层数（地上/已建/地下）', key: 'floors', width: 170, render: (_, b) => `${b.floorsTotal} / ${b.floorsBuilt} / ${b.floorsUnderground}` },
    { title: '总建筑面积', dataIndex: 'totalArea', width: 130, align: 'right', render: (a: number) => formatArea(a) },
    { title: '预售套数', dataIndex: 'presaleRoomCount', width: 90, align: 'right' },
    { title: '房屋', dataIndex: 'roomCount', width: 70, align: 'right' },
    { title: '可售', dataIndex: 'availableCount', width: 70, align: 'right' },
    {
      title: '形象进度',
      key: 'progress',
      width: 140,
      render: (_, b) => (b.progress ? <Tag color="blue">{b.progress.label}</Tag> : <Tag>未填报</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: canMaintain ? 170 : 100,
      fixed: 'right',
      render: (_, b) => (
        <Space size={4}>
          <Button type="link" size="small" icon={<TableOutlined />} onClick={() => onOpenTable(b.id)}>
            楼盘表
          </Button>
          {canMaintain && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(b)}>
              编辑
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {canMaintain && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增单体
        </Button>
      )}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={project.buildings}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无单体，可通过测绘导入建立" /> }}
      />
      {editing && (
        <BuildingFormModal
          projectId={project.id}
          building={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Space>
  );
}

interface BuildingFormValues {
  buildingNo: string;
  surveyNo?: string | null;
  structure?: string | null;
  use: RoomUse;
  floorsTotal: number;
  floorsBuilt: number;
  floorsUnderground: number;
  address?: string | null;
  totalArea: number;
  baseArea?: number | null;
  presaleRoomCount: number;
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function BuildingFormModal({
  projectId, building, onClose, onSaved,
}: { projectId: number; building: BuildingSummary | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BuildingFormValues>();
  const initial: Partial<BuildingFormValues> = building
    ? { ...building, totalArea: toSquareMetres(building.totalArea) ?? 0, baseArea: toSquareMetres(building.baseArea) }
    : { use: 'residential', floorsBuilt: 0, floorsUnderground: 0, presaleRoomCount: 0 };
  const submit = useSubmit(async (v: BuildingFormValues) => {
    const input: BuildingInput = {
      buildingNo: v.buildingNo.trim(),
      surveyNo: blank(v.surveyNo),
      structure: blank(v.structure),
      use: v.use,
      floorsTotal: v.floorsTotal,
      floorsBuilt: v.floorsBuilt,
      floorsUnderground: v.floorsUnderground,
      address: blank(v.address),
      totalArea: fromSquareMetres(v.totalArea) ?? 0,
      baseArea: fromSquareMetres(v.baseArea),
      presaleRoomCount: v.presaleRoomCount,
    };
    if (building) await buildingsApi.update(building.id, input);
    else await buildingsApi.create(projectId, input);
    message.success(building ? '单体信息已保存' : '单体已新增');
    onSaved();
  });
  return (
    <Modal
      open
      title={building ? `编辑单体 ${building.buildingNo}` : '新增单体'}
      width={720}
      okText="保存"
      confirmLoading={submit.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={submit.error} />
      <Form<BuildingFormValues> form={form} layout="vertical" name="buildingForm" initialValues={initial} onFinish={submit.run}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="幢号" name="buildingNo" rules={[{ required: true, whitespace: true, message: '请填写幢号' }]}>
              <Input maxLength={32} placeholder="如 1栋" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="测绘单体号" name="surveyNo">
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="建筑结构" name="structure">
              <Input maxLength={32} placeholder="如 钢筋混凝土" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="用途" name="use" rules={[{ required: true, message: '请选择用途' }]}>
              <Select options={USE_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="地上总层数" name="floorsTotal" rules={[{ required: true, message: '请填写总层数' }]}>
              <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="已建层数"
              name="floorsBuilt"
              dependencies={['floorsTotal']}
              rules={[
                { required: true, message: '请填写已建层数' },
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) =>
                    value == null || value <= (getFieldValue('floorsTotal') ?? 200) ? Promise.resolve() : Promise.reject(new Error('已建层数不能大于总层数')),
                }),
              ]}
            >
              <InputNumber min={0} max={200} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="地下层数" name="floorsUnderground" rules={[{ required: true, message: '请填写地下层数' }]}>
              <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="总建筑面积（m²）" name="totalArea" rules={[{ required: true, message: '请填写总建筑面积' }]}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="基底面积（m²）" name="baseArea">
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="预售套数" name="presaleRoomCount" rules={[{ required: true, message: '请填写预售套数' }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="幢坐落" name="address">
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
