// 新建小区 from a real-estate project (its location and developer come with it), or 编辑 its
// property company, street / community office and owners' committee. Houses are not typed here:
// they come from the building table by 同步楼盘表.
import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import type { ApiError } from '../../providers/transport';
import { projectsApi } from '../realestate/api';
import { communitiesApi, type CommunityDetail, type CommunitySummary } from './api';
import { OrgSelect } from './pickers';

interface Values {
  projectId?: number;
  name?: string;
  propertyOrgId?: number | null;
  streetOrgId?: number | null;
  committeeOrgId?: number | null;
}

function ProjectSelect({ id, value, onChange, onName }: { id?: string; value?: number; onChange?: (v: number) => void; onName: (name: string) => void }) {
  const [keyword, setKeyword] = useState('');
  const list = useResource(
    (signal) => projectsApi.list({ page: 1, pageSize: 50, ...(keyword ? { keyword } : {}) }, signal),
    [keyword],
  );
  const items = list.data?.items ?? [];
  return (
    <Select<number>
      id={id}
      value={value}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      placeholder="输入项目名称搜索"
      loading={list.loading}
      notFoundContent={list.loading ? '正在加载…' : '没有匹配的项目'}
      options={items.map((p) => ({ value: p.id, label: `${p.name}${p.developerName ? `（${p.developerName}）` : ''}` }))}
      onChange={(v) => {
        onChange?.(v);
        const p = items.find((x) => x.id === v);
        if (p) onName(p.name);
      }}
    />
  );
}

export function CommunityFormModal({
  community, onClose, onSaved,
}: { community: CommunitySummary | CommunityDetail | null; onClose: () => void; onSaved: (c: CommunityDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const editing = community !== null;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const fields = {
        name: v.name?.trim() || undefined,
        propertyOrgId: v.propertyOrgId ?? null,
        streetOrgId: v.streetOrgId ?? null,
        committeeOrgId: v.committeeOrgId ?? null,
      };
      const saved = editing ? await communitiesApi.update(community.id, fields) : await communitiesApi.create({ projectId: v.projectId!, ...fields });
      onSaved(saved);
    } catch (e) {
      const err = asApiError(e);
      form.setFields(err.details.filter((d) => d.field in ({ projectId: 1, name: 1, propertyOrgId: 1, streetOrgId: 1, committeeOrgId: 1 } as const)).map((d) => ({ name: d.field as keyof Values, errors: [d.message] })));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={editing ? `编辑小区：${community.name}` : '新建小区'}
      okText={editing ? '保存' : '新建'}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="communityForm"
        initialValues={
          community
            ? { name: community.name, propertyOrgId: community.propertyOrgId, streetOrgId: community.streetOrgId, committeeOrgId: community.committeeOrgId }
            : {}
        }
        onFinish={(v) => void submit(v)}
      >
        {!editing && (
          <Form.Item label="房地产项目" name="projectId" rules={[{ required: true, message: '请选择房地产项目' }]} extra="小区的坐落、开发企业和房屋来自该项目的楼盘表。">
            <ProjectSelect onName={(name) => !form.getFieldValue('name') && form.setFieldValue('name', name)} />
          </Form.Item>
        )}
        <Form.Item label="小区名称" name="name" rules={[{ min: 2, max: 100, message: '小区名称为2-100个字' }]} extra={editing ? undefined : '默认为项目名称'}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="物业服务企业" name="propertyOrgId">
          <OrgSelect kind="property_company" placeholder="请选择（可暂不选）" current={community ? { id: community.propertyOrgId, name: community.propertyOrgName } : undefined} />
        </Form.Item>
        <Form.Item label="街道/社区" name="streetOrgId">
          <OrgSelect kind="street_office" placeholder="请选择（可暂不选）" current={community ? { id: community.streetOrgId, name: community.streetOffice } : undefined} />
        </Form.Item>
        <Form.Item label="业主委员会" name="committeeOrgId">
          <OrgSelect kind="owners_committee" placeholder="尚未成立可不选" current={community ? { id: community.committeeOrgId, name: community.committeeOrgName } : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
