// The frame every signed-in page sits in: the person's menu on the left, who they are on top.
import { Suspense } from 'react';
import { Layout, Skeleton, Typography } from 'antd';
import { Outlet } from 'react-router-dom';
import { SideMenu } from './SideMenu';
import { UserBar } from './UserBar';
import './layout.css';

export function AppLayout() {
  return (
    <Layout className="app-layout">
      <Layout.Sider width={224} breakpoint="lg" collapsible theme="dark" className="app-sider">
        <div className="app-logo" title="横琴房地产与物业监管平台">
          <span className="app-logo-mark">横琴</span>
          <span className="app-logo-text">房地产与物业监管平台</span>
        </div>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <UserBar />
        </Layout.Header>
        <Layout.Content className="app-content">
          {/* Pages are loaded on first visit; the frame stays while they arrive. */}
          <Suspense fallback={<Skeleton active />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="app-footer">
          <Typography.Text type="secondary">横琴粤澳深度合作区 房地产与物业监管平台</Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
