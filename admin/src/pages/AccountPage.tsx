import { Card, Descriptions, Space, Typography } from 'antd';
import { useMe } from '../providers/auth';
import { ChangePasswordForm } from './ChangePasswordForm';
import { Bound, PasswordExpiry, TotpState } from './securityFacts';

export function AccountPage() {
  const me = useMe();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        账号安全
      </Typography.Title>
      <Card title="账号信息">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'username', label: '用户名', children: me.username ?? '—' },
            { key: 'name', label: '姓名', children: me.displayName },
            { key: 'phone', label: '手机号', children: me.phone ?? '未登记' },
            { key: 'pw', label: '密码有效期至', children: <PasswordExpiry at={me.passwordExpiresAt} /> },
            { key: 'totp', label: '双因素认证', children: <TotpState enrolled={me.totpEnrolled} /> },
            { key: 'real', label: '实名认证', children: <Bound value={me.realNameVerified} yes="已实名" no="未实名" /> },
            { key: 'gdid', label: '广东统一身份认证', children: <Bound value={me.gdidBound} /> },
            { key: 'wechat', label: '微信', children: <Bound value={me.wechatBound} /> },
          ]}
        />
      </Card>
      <Card title="修改密码">
        <ChangePasswordForm />
      </Card>
    </Space>
  );
}
