import { App, Button, Form, Input } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewPasswordFields, type NewPasswordValues } from '../components/NewPasswordFields';
import { useSubmit } from '../components/useSubmit';
import { authApi } from '../providers/authApi';
import { useAuth, useMe } from '../providers/auth';

interface ChangePasswordValues extends NewPasswordValues {
  oldPassword: string;
}

export function ChangePasswordForm() {
  const [form] = Form.useForm<ChangePasswordValues>();
  const { reloadMe } = useAuth();
  const me = useMe();
  const { message } = App.useApp();
  const { busy, error, run, clearError } = useSubmit(async (v: ChangePasswordValues) => {
    await authApi.changePassword({ oldPassword: v.oldPassword, newPassword: v.newPassword });
    form.resetFields();
    message.success('密码已修改');
    await reloadMe(); // the expiry date moves on
  });
  return (
    <Form<ChangePasswordValues>
      form={form}
      name="changePassword"
      layout="vertical"
      style={{ maxWidth: 420 }}
      onFinish={run}
      disabled={busy}
    >
      <ErrorAlert error={error} onClose={clearError} />
      <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <NewPasswordFields username={me.username ?? ''} />
      <Button type="primary" htmlType="submit" loading={busy}>
        确定
      </Button>
    </Form>
  );
}
