import { Alert, Button, Form } from 'antd';
import { PASSWORD_MAX_AGE_DAYS } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPasswordFields, type NewPasswordValues } from '../../components/NewPasswordFields';
import { useSubmit } from '../../components/useSubmit';
import { useAuth } from '../../providers/auth';

const WHY: Record<'first_login' | 'expired', string> = {
  first_login: '首次登录，请将初始密码修改为只有您知道的新密码。',
  expired: `密码已超过${PASSWORD_MAX_AGE_DAYS}天有效期，请设置新密码后继续。`,
};

export function ChangePasswordStep({ reason }: { reason: 'first_login' | 'expired' }) {
  const { setInitialPassword, loginName } = useAuth();
  const { busy, error, run, clearError } = useSubmit((v: NewPasswordValues) => setInitialPassword(v.newPassword));
  return (
    <Form<NewPasswordValues> name="initialPassword" layout="vertical" requiredMark={false} onFinish={run} disabled={busy}>
      <Alert type="info" showIcon title={WHY[reason]} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} onClose={clearError} />
      <NewPasswordFields username={loginName} />
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        确定
      </Button>
    </Form>
  );
}
