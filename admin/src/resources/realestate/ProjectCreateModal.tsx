// 新建项目 (regulators), with the developer picked from the organisation directory.
import { useEffect, useState } from 'react';
import { Form, Modal, Select } from 'antd';
import type { ProjectInput } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, useSubmit } from '../../components/useSubmit';
import { orgsApi, projectsApi, type OrgOption } from './api';
import { ProjectFields, formToInput, type ProjectFormValues } from './projectForm';

/** Developers by name or 统一社会信用代码, searched on the server as the person types. */
function DeveloperPicker() {
  const [keyword, setKeyword] = useState('');
  const [options, setOptions] = useState<OrgOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      orgsApi
        .developers(keyword.trim() || undefined, ctrl.signal)
        .then((page) => {
          setOptions(page.items);
          setFailure(null);
        })
        .catch((e: unknown) => {
          if (ctrl.signal.aborted) return;
          setOptions([]);
          setFailure(asApiError(e).message);
        })
        .finally(() => {
          if (!ctrl.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [keyword]);
  return (
    <Form.Item label="开发企业" name="developerOrgId" rules={[{ required: true, message: '请选择开发企业' }]}>
      <Select
        showSearch={{ filterOption: false, onSearch: setKeyword }}
        loading={loading}
        placeholder="输入企业名称或统一社会信用代码搜索"
        notFoundContent={loading ? '正在查找…' : failure ?? '没有匹配的开发企业'}
        options={options.map((o) => ({ value: o.id, label: o.uscc ? `${o.name}（${o.uscc}）` : o.name }))}
      />
    </Form.Item>
  );
}

export function ProjectCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm<ProjectFormValues>();
  const submit = useSubmit(async (values: ProjectFormValues) => {
    const created = await projectsApi.create({ ...formToInput(values), crs: 'gcj02' } as ProjectInput);
    onCreated(created.id);
  });
  return (
    <Modal open title="新建项目" width={820} okText="创建" confirmLoading={submit.busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={submit.error} />
      <Form<ProjectFormValues> form={form} layout="vertical" name="projectCreate" initialValues={{ status: 'planning' }} onFinish={submit.run}>
        <ProjectFields developerField={<DeveloperPicker />} />
      </Form>
    </Modal>
  );
}
