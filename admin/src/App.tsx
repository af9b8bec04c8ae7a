import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HashRouter } from 'react-router-dom';
import { AuthProvider } from './providers/auth';
import { AppRoutes } from './routes';

dayjs.locale('zh-cn');

// Hash routing: the build is served as static files under /admin/ with no server-side fallback.
export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      // Keep button text exactly as written ("登录", not "登 录"): people and tests read it.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1d5fb4', borderRadius: 6 } }}
    >
      <AntApp>
        <AuthProvider>
          <HashRouter>
            <AppRoutes />
          </HashRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
