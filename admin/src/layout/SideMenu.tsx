import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { MenuItem } from '@hq/common';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMenu } from '../providers/access';

const ICONS: Partial<Record<string, ReactNode>> = {
  dashboard: <DashboardOutlined />,
  realestate: <HomeOutlined />,
  enterprises: <BankOutlined />,
  property: <ApartmentOutlined />,
  system: <SettingOutlined />,
  audit: <AuditOutlined />,
  account: <SafetyCertificateOutlined />,
};

// Groups are keyed by their menu key, pages by their path, so a click is a navigation.
function toItems(items: MenuItem[]): NonNullable<MenuProps['items']> {
  return items.map((item) =>
    item.children
      ? { key: item.key, icon: ICONS[item.key], label: item.label, children: toItems(item.children) }
      : { key: item.path, icon: ICONS[item.key], label: item.label },
  );
}

export function SideMenu() {
  const menu = useMenu();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={toItems(menu)}
      selectedKeys={[pathname]}
      defaultOpenKeys={menu.filter((m) => m.children).map((m) => m.key)}
      onClick={({ key }) => navigate(key)}
    />
  );
}
