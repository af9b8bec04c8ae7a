import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { MenuItem } from '@hq/common';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMenu } from '../providers/access';

const ICONS: Partial<Record<string, ReactNode>> = {
  dashboard: <DashboardOutlined />,
  realestate: <HomeOutlined />,
  online: <SolutionOutlined />,
  enterprises: <BankOutlined />,
  property: <ApartmentOutlined />,
  system: <SettingOutlined />,
  contents: <FileTextOutlined />,
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

function leafPaths(items: MenuItem[]): string[] {
  return items.flatMap((item) => (item.children ? leafPaths(item.children) : [item.path]));
}

export function SideMenu() {
  const menu = useMenu();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // A detail page (/realestate/projects/12) keeps its list's entry highlighted.
  const selected = leafPaths(menu)
    .filter((p) => p === pathname || (p !== '/' && pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0] ?? pathname;
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={toItems(menu)}
      selectedKeys={[selected]}
      defaultOpenKeys={menu.filter((m) => m.children).map((m) => m.key)}
      onClick={({ key }) => navigate(key)}
    />
  );
}
