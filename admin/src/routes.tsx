// Routes follow the person's menu: a page they cannot see in the menu has no route either.
import type { ComponentType } from 'react';
import { Spin } from 'antd';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { AccountPage } from './pages/AccountPage';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { DashboardPage } from './pages/DashboardPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { LoginPage } from './pages/login/LoginPage';
import { useAccess } from './providers/access';
import { useAuth } from './providers/auth';
import { AuditPage } from './resources/audit/AuditPage';

/** Built pages by menu key; menu entries not listed here show the shared "coming later" page. */
const PAGES: Partial<Record<string, ComponentType>> = {
  dashboard: DashboardPage,
  audit: AuditPage,
  account: AccountPage,
};

export interface FromState {
  from?: string;
}

export function AppRoutes() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'checking') return <Spin fullscreen description="正在加载…" />;
  const signedIn = status === 'signed_in';
  const from = (location.state as FromState | null)?.from ?? '/';
  return (
    <Routes>
      <Route path="/login" element={signedIn ? <Navigate to={from} replace /> : <LoginPage />} />
      <Route
        path="*"
        element={
          signedIn ? <SignedInRoutes /> : <Navigate to="/login" replace state={{ from: location.pathname } satisfies FromState} />
        }
      />
    </Routes>
  );
}

function SignedInRoutes() {
  const { pages } = useAccess();
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {pages.map(({ key, path }) => {
          const Page = PAGES[key] ?? ComingSoonPage;
          return path === '/' ? <Route key={key} index element={<Page />} /> : <Route key={key} path={path.slice(1)} element={<Page />} />;
        })}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
