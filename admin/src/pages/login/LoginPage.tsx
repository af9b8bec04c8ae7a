// The login page shows whichever step the server asked for; the steps themselves are small forms.
import { Alert, Button, Card, Typography } from 'antd';
import { useAuth, type LoginStep } from '../../providers/auth';
import { ChangePasswordStep } from './ChangePasswordStep';
import { CredentialsStep } from './CredentialsStep';
import { TotpEnrolStep } from './TotpEnrolStep';
import { TotpVerifyStep } from './TotpVerifyStep';
import './login.css';

const TITLES: Record<LoginStep['next'], string> = {
  credentials: '账号登录',
  change_password: '修改密码',
  totp_enrol: '绑定身份验证器',
  totp: '双因素认证',
};

function StepForm({ step }: { step: LoginStep }) {
  switch (step.next) {
    case 'credentials':
      return <CredentialsStep />;
    case 'change_password':
      return <ChangePasswordStep reason={step.reason} />;
    case 'totp_enrol':
      return <TotpEnrolStep qrDataUrl={step.qrDataUrl} secret={step.secret} />;
    case 'totp':
      return <TotpVerifyStep />;
  }
}

export function LoginPage() {
  const { step, notice, restart } = useAuth();
  return (
    <div className="login-page">
      <div className="login-brand">
        <Typography.Title level={2} className="login-brand-title">
          横琴房地产与物业监管平台
        </Typography.Title>
        <Typography.Paragraph className="login-brand-sub">
          横琴粤澳深度合作区 · 房地产信息系统 · 智慧物业管理服务平台
        </Typography.Paragraph>
      </div>
      <Card className="login-card" title={TITLES[step.next]}>
        {notice && step.next === 'credentials' && (
          <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />
        )}
        {/* keyed by step so each step starts with an empty form and no stale error */}
        <StepForm key={step.next} step={step} />
        {step.next !== 'credentials' && (
          <Button type="link" block onClick={restart}>
            返回重新登录
          </Button>
        )}
      </Card>
      <Typography.Text className="login-footer">仅限授权人员使用，所有操作均记入审计日志</Typography.Text>
    </div>
  );
}
