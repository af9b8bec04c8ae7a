import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useAuth } from '../../providers/auth';

interface CredentialsValues {
  username: string;
  password: string;
}

export function CredentialsStep() {
  const { login } = useAuth();
  const { busy, error, run, clearError } = useSubmit((v: CredentialsValues) => login(v.username.trim(), v.password));
  return (
    <Form<CredentialsValues> name="login" layout="vertical" requiredMark={false} onFinish={run} disabled={busy}>
      <ErrorAlert error={error} onClose={clearError} />
      <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" maxLength={64} autoFocus />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        登录
      </Button>
    </Form>
  );
}
