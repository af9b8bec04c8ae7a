import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '@hq/common';
import { useNavigate } from 'react-router-dom';
import { useAccess } from '../providers/access';
import { useMe } from '../providers/auth';
import { PasswordExpiry, TotpState, greeting } from './securityFacts';

export function DashboardPage() {
  const me = useMe();
  const { pages } = useAccess();
  const navigate = useNavigate();
  const shortcuts = pages.filter((p) => p.key !== 'dashboard');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {greeting()}，{me.displayName}
      </Typography.Title>
      <Card title="我的账号">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'org', label: '所属单位', children: me.org?.name ?? '—' },
            {
              key: 'roles',
              label: '角色',
              children: (
                <Space size={4} wrap>
                  {me.roles.map((r) => (
                    <Tag key={r} color="blue">
                      {ROLE_LABELS[r]}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'pw', label: '密码有效期至', children: <PasswordExpiry at={me.passwordExpiresAt} /> },
            { key: 'totp', label: '双因素认证', children: <TotpState enrolled={me.totpEnrolled} /> },
          ]}
        />
      </Card>
      {shortcuts.length > 0 && (
        <Card title="常用功能">
          <Space wrap>
            {shortcuts.map((p) => (
              <Button key={p.key} onClick={() => navigate(p.path)}>
                {p.label}
              </Button>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
