import { Button, Form, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TotpCodeField, type TotpCodeValues } from '../../components/TotpCodeField';
import { useSubmit } from '../../components/useSubmit';
import { useAuth } from '../../providers/auth';

export function TotpVerifyStep() {
  const { verifyTotp } = useAuth();
  const { busy, error, run, clearError } = useSubmit((v: TotpCodeValues) => verifyTotp(v.code));
  return (
    <Form<TotpCodeValues> name="totpVerify" layout="vertical" requiredMark={false} onFinish={run} disabled={busy}>
      <Typography.Paragraph>请打开身份验证器App，输入当前显示的6位动态码。</Typography.Paragraph>
      <ErrorAlert error={error} onClose={clearError} />
      <TotpCodeField />
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        确定
      </Button>
    </Form>
  );
}
