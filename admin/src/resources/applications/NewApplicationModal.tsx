// 新建申请: choose the business type (those the person's role may apply for), and the draft is
// created in the 草稿箱 and opened.
import { Form, Modal, Radio, Skeleton, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { useSubmit } from '../../components/useSubmit';
import { useMe } from '../../providers/auth';
import { applicationsApi } from './api';
import { INITIAL_FORMS } from './forms';

export function NewApplicationModal({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ type: string }>();
  const types = useResource((signal) => applicationsApi.types(signal), []);
  const mine = (types.data ?? []).filter((t) => t.applicantRoles.some((r) => (me.roles as string[]).includes(r)));
  const create = useSubmit(async ({ type }: { type: string }) => {
    const draft = await applicationsApi.create(type, INITIAL_FORMS[type]);
    onClose();
    navigate(`/applications/${draft.id}`);
  });
  return (
    <Modal open title="新建申请" okText="创建并填写" cancelText="取消" confirmLoading={create.busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={types.error ?? create.error} />
      {types.loading && !types.data ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" name="newApplication" onFinish={create.run}>
          <Form.Item label="业务类型" name="type" rules={[{ required: true, message: '请选择业务类型' }]}>
            <Radio.Group>
              <Space orientation="vertical">
                {mine.map((t) => (
                  <Radio key={t.key} value={t.key}>
                    {t.label}
                    <Typography.Text type="secondary">
                      ：{t.steps.map((s) => `${s.label}${s.days}个工作日`).join(' → ')}，必传材料 {t.attachments.filter((a) => a.required).length} 项
                    </Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {!mine.length && <Typography.Text type="secondary">您的角色暂无可办理的业务</Typography.Text>}
          <Typography.Text type="secondary">创建后保存在草稿箱，填写过程中自动保存，材料齐全后即可提交。</Typography.Text>
        </Form>
      )}
    </Modal>
  );
}
