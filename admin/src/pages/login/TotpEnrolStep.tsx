import { Button, Form, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TotpCodeField, type TotpCodeValues } from '../../components/TotpCodeField';
import { useSubmit } from '../../components/useSubmit';
import { useAuth } from '../../providers/auth';

export function TotpEnrolStep({ qrDataUrl, secret }: { qrDataUrl: string; secret: string }) {
  const { enrolTotp } = useAuth();
  const { busy, error, run, clearError } = useSubmit((v: TotpCodeValues) => enrolTotp(v.code));
  return (
    <Form<TotpCodeValues> name="totpEnrol" layout="vertical" requiredMark={false} onFinish={run} disabled={busy}>
      <Typography.Paragraph>使用身份验证器App扫描二维码后输入6位动态码</Typography.Paragraph>
      <img className="totp-qr" src={qrDataUrl} alt="身份验证器绑定二维码" />
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        无法扫码时，可在App中手动输入密钥：
        <br />
        <Typography.Text strong className="totp-secret" data-testid="totp-secret">
          {secret}
        </Typography.Text>
      </Typography.Paragraph>
      <ErrorAlert error={error} onClose={clearError} />
      <TotpCodeField />
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        确定
      </Button>
    </Form>
  );
}
