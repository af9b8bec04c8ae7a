// 新建巡查任务: a community of this company, what to check, by when, and who goes (the company's
// staff, from the same list a ticket is dispatched to).
import { useState } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import type { ApiError } from '../../providers/transport';
import { patrolsApi, ticketsApi, type PatrolTaskView } from './api';
import { CommunitySelect } from './pickers';

interface Values {
  communityId: number;
  title: string;
  checklist?: string[];
  dueDate: Dayjs;
  assigneeUserId?: number | null;
}

const DEFAULT_CHECKLIST = ['消防通道', '消防设施', '电梯运行', '公共照明', '环境卫生'];

export function PatrolCreateModal({ onClose, onSaved }: { onClose: () => void; onSaved: (t: PatrolTaskView) => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const staff = useResource((signal) => ticketsApi.assignees(undefined, signal), []);
  const people = (staff.data ?? []).filter((a) => a.userId != null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await patrolsApi.create({
        communityId: v.communityId,
        title: v.title.trim(),
        checklist: (v.checklist ?? []).map((x) => x.trim()).filter(Boolean),
        dueDate: v.dueDate.format('YYYY-MM-DD'),
        assigneeUserId: v.assigneeUserId ?? null,
      });
      onSaved(saved);
    } catch (e) {
      const err = asApiError(e);
      const known = new Set(['communityId', 'title', 'dueDate', 'assigneeUserId']);
      form.setFields(err.details.filter((d) => known.has(d.field)).map((d) => ({ name: d.field as keyof Values, errors: [d.message] })));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title="新建巡查任务" okText="新建" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={620}>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<Values> form={form} layout="vertical" name="patrolCreate" initialValues={{ checklist: DEFAULT_CHECKLIST }} onFinish={(v) => void submit(v)}>
        <Form.Item label="小区" name="communityId" rules={[{ required: true, message: '请选择小区' }]}>
          <CommunitySelect placeholder="请选择小区" allowClear={false} />
        </Form.Item>
        <Form.Item
          label="任务名称"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写任务名称' },
            { min: 2, max: 100, message: '任务名称为2-100个字' },
          ]}
        >
          <Input maxLength={100} placeholder="如 6月第2周消防安全巡查" />
        </Form.Item>
        <Form.Item label="完成期限" name="dueDate" rules={[{ required: true, message: '请选择完成期限' }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="巡查人员" name="assigneeUserId" extra="可暂不指定，由本企业工作人员领取。">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={staff.loading}
            placeholder="请选择"
            notFoundContent={staff.loading ? '正在加载…' : '没有可指派的工作人员'}
            options={people.map((p) => ({ value: p.userId!, label: `${p.name}（在办 ${p.openTickets} 件）` }))}
          />
        </Form.Item>
        <Form.List
          name="checklist"
          rules={[{ validator: async (_, items?: string[]) => ((items?.length ?? 0) > 30 ? Promise.reject(new Error('检查项最多30项')) : undefined) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label="检查项" extra="每项2-60个字。">
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={field.name}
                    style={{ marginBottom: 8 }}
                    rules={[
                      { required: true, whitespace: true, message: '请填写检查项，或删除该行' },
                      { min: 2, max: 60, message: '检查项为2-60个字' },
                    ]}
                  >
                    <Input maxLength={60} style={{ width: 420 }} aria-label={`检查项${i + 1}`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={`删除检查项${i + 1}`} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 30}>
                添加检查项
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
