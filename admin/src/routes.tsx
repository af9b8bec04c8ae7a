// Routes follow the person's menu: a page they cannot see in the menu has no route either.
import { lazy, type ComponentType } from 'react';
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

// Areas load on first visit, so the login page does not wait for every page's code.
const ProjectListPage = lazy(() => import('./resources/realestate/ProjectListPage').then((m) => ({ default: m.ProjectListPage })));
const ProjectDetailPage = lazy(() => import('./resources/realestate/ProjectDetailPage').then((m) => ({ default: m.ProjectDetailPage })));
const ContentListPage = lazy(() => import('./resources/content/ContentListPage').then((m) => ({ default: m.ContentListPage })));
const ContentEditorPage = lazy(() => import('./resources/content/ContentEditorPage').then((m) => ({ default: m.ContentEditorPage })));
const ApplicationInboxPage = lazy(() => import('./resources/applications/ApplicationInboxPage').then((m) => ({ default: m.ApplicationInboxPage })));
const ApplicationPage = lazy(() => import('./resources/applications/ApplicationPage').then((m) => ({ default: m.ApplicationPage })));
const PermitListPage = lazy(() => import('./resources/permits/PermitListPage').then((m) => ({ default: m.PermitListPage })));
const MyEnterprisePage = lazy(() => import('./resources/enterprises/MyEnterprisePage').then((m) => ({ default: m.MyEnterprisePage })));
const EnterpriseListPage = lazy(() => import('./resources/enterprises/EnterpriseListPage').then((m) => ({ default: m.EnterpriseListPage })));
const BrokerListPage = lazy(() => import('./resources/enterprises/BrokerListPage').then((m) => ({ default: m.BrokerListPage })));
const CreditEventListPage = lazy(() => import('./resources/credit/CreditEventListPage').then((m) => ({ default: m.CreditEventListPage })));
const ObjectionListPage = lazy(() => import('./resources/credit/ObjectionListPage').then((m) => ({ default: m.ObjectionListPage })));
const CreditSubjectsPage = lazy(() => import('./resources/credit/CreditSubjectsPage').then((m) => ({ default: m.CreditSubjectsPage })));
const CreditSubjectPage = lazy(() => import('./resources/credit/CreditSubjectPage').then((m) => ({ default: m.CreditSubjectPage })));
const CreditStandardsPage = lazy(() => import('./resources/credit/CreditStandardsPage').then((m) => ({ default: m.CreditStandardsPage })));
const CommunityListPage = lazy(() => import('./resources/property/CommunityListPage').then((m) => ({ default: m.CommunityListPage })));
const TicketListPage = lazy(() => import('./resources/property/TicketListPage').then((m) => ({ default: m.TicketListPage })));
const TicketPage = lazy(() => import('./resources/property/TicketPage').then((m) => ({ default: m.TicketPage })));
const ComplaintRegisterPage = lazy(() => import('./resources/property/ComplaintRegisterPage').then((m) => ({ default: m.ComplaintRegisterPage })));
const MonitorPage = lazy(() => import('./resources/property/MonitorPage').then((m) => ({ default: m.MonitorPage })));
const PatrolListPage = lazy(() => import('./resources/property/PatrolListPage').then((m) => ({ default: m.PatrolListPage })));
const NoticeListPage = lazy(() => import('./resources/property/NoticeListPage').then((m) => ({ default: m.NoticeListPage })));

/** Built pages by menu key; menu entries not listed here show the shared "coming later" page. */
const PAGES: Partial<Record<string, ComponentType>> = {
  dashboard: DashboardPage,
  projects: ProjectListPage,
  contents: ContentListPage,
  applications: ApplicationInboxPage,
  permits: PermitListPage,
  'my-org': MyEnterprisePage,
  orgs: EnterpriseListPage,
  brokers: BrokerListPage,
  'credit-events': CreditEventListPage,
  'credit-objections': ObjectionListPage,
  'credit-subjects': CreditSubjectsPage,
  'credit-standards': CreditStandardsPage,
  communities: CommunityListPage,
  tickets: TicketListPage,
  'complaint-register': ComplaintRegisterPage,
  monitor: MonitorPage,
  patrols: PatrolListPage,
  'community-notices': NoticeListPage,
  audit: AuditPage,
  account: AccountPage,
};

/** Pages under a menu entry (details, editors), relative to its path: they exist only with it. */
const SUB_PAGES: Partial<Record<string, { path: string; Page: ComponentType }[]>> = {
  projects: [{ path: ':id', Page: ProjectDetailPage }],
  contents: [{ path: ':id', Page: ContentEditorPage }],
  applications: [{ path: ':id', Page: ApplicationPage }],
  'credit-subjects': [{ path: ':kind/:id', Page: CreditSubjectPage }],
  tickets: [{ path: ':id', Page: TicketPage }],
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
        {pages.flatMap(({ key, path }) =>
          (SUB_PAGES[key] ?? []).map(({ path: sub, Page }) => <Route key={`${key}/${sub}`} path={`${path.slice(1)}/${sub}`} element={<Page />} />),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
