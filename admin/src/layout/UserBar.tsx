import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '@hq/common';
import { useAuth, useMe } from '../providers/auth';

export function UserBar() {
  const me = useMe();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const leave = async () => {
    await logout();
    message.success('已退出登录');
  };
  return (
    <Space size="middle" className="user-bar">
      <Space size={6}>
        <UserOutlined />
        <Typography.Text strong>{me.displayName}</Typography.Text>
        {me.org && <Typography.Text type="secondary">{me.org.name}</Typography.Text>}
      </Space>
      <Space size={4}>
        {me.roles.map((role) => (
          <Tag key={role} color="blue">
            {ROLE_LABELS[role]}
          </Tag>
        ))}
      </Space>
      <Popconfirm title="确定退出登录吗？" okText="退出" cancelText="取消" placement="bottomRight" onConfirm={leave}>
        <Button icon={<LogoutOutlined />}>退出登录</Button>
      </Popconfirm>
    </Space>
  );
}
