import { AcceptInvitationPage, ForgotPasswordPage, ProfilePage, RequireSession, ResetPasswordPage, SignInPage } from '@simashe/web-accounts';
import { ApplicationPage, ApplicationStatusPage, CallPage, CallsPage, HomePage, JoinPage, NetworkPage, OrganisationPage, PublicMembersPage } from '@simashe/web-organisations';
// Discussions ship with the report page (first chunk), so their own pages are not split off.
import { DiscussionsPage, TopicPage } from '@simashe/web-discussions';
import { NotificationsBell, NotificationsPage } from '@simashe/web-notifications';
import { AppShell, AuthFrame, ComingSoonPage, MODULES, NotFoundPage, RouteErrorPage } from '@simashe/web-shell';
import { LoadingState } from '@simashe/web-ui';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';

function PageLoading() {
  const { t } = useTranslation();
  return <LoadingState label={t('common.loading')} />;
}

/** Pages of a feature loaded on first visit (meetings bring calendars, time-zone maths and recurrence rules). */
function lazyPage(load: () => Promise<ComponentType>, showLoading = true) {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={showLoading ? <PageLoading /> : null}>
      <Page />
    </Suspense>
  );
}

const meetings = () => import('@simashe/web-meetings');
const lessons = () => import('@simashe/web-lessons');
const search = () => import('@simashe/web-search');
const cycles = () => import('@simashe/web-cycles');
const monitoring = () => import('@simashe/web-monitoring');
const audit = () => import('@simashe/web-audit');
const resources = () => import('@simashe/web-resources');
const training = () => import('@simashe/web-training');
const publications = () => import('@simashe/web-publications');
// Reports bring the live editor's connection (Yjs): loaded when a report page or the home card first needs them.
const reports = () => import('@simashe/web-reports');

/** The signed-in pages, inside the app's frame. */
const signedInPages: RouteObject[] = [
  {
    index: true,
    element: (
      <HomePage>{lazyPage(async () => (await reports()).RegionalSubmittedReportsCard, false)}</HomePage>
    ),
  },
  { path: 'organisations/:id', element: <OrganisationPage /> },
  { path: 'profile', element: <ProfilePage /> },
  { path: 'notifications', element: <NotificationsPage /> },
  { path: 'reports', element: lazyPage(async () => (await reports()).ReportsPage) },
  { path: 'reports/:id', element: lazyPage(async () => (await reports()).ReportPage) },
  { path: 'meetings', element: lazyPage(async () => (await meetings()).MeetingsPage) },
  { path: 'meetings/:id', element: lazyPage(async () => (await meetings()).MeetingPage) },
  { path: 'meetings/:id/minutes/:occurrence', element: lazyPage(async () => (await meetings()).MinutesPage) },
  { path: 'lessons', element: lazyPage(async () => (await lessons()).LessonsPage) },
  { path: 'lessons/new', element: lazyPage(async () => (await lessons()).NewLessonPage) },
  { path: 'lessons/:id', element: lazyPage(async () => (await lessons()).LessonPage) },
  { path: 'lessons/:id/edit', element: lazyPage(async () => (await lessons()).EditLessonPage) },
  { path: 'discussions', element: <DiscussionsPage /> },
  { path: 'discussions/:id', element: <TopicPage /> },
  { path: 'search', element: lazyPage(async () => (await search()).SearchPage) },
  { path: 'cycles', element: lazyPage(async () => (await cycles()).CyclesPage) },
  { path: 'cycles/new', element: lazyPage(async () => (await cycles()).NewInitiativePage) },
  { path: 'cycles/initiatives/:id', element: lazyPage(async () => (await cycles()).InitiativePage) },
  { path: 'cycles/dashboard/print', element: lazyPage(async () => (await cycles()).DashboardPrintPage) },
  { path: 'monitoring', element: lazyPage(async () => (await monitoring()).MonitoringPage) },
  { path: 'monitoring/datasets/:id', element: lazyPage(async () => (await monitoring()).DatasetPage) },
  { path: 'resources', element: lazyPage(async () => (await resources()).ResourcesPage) },
  { path: 'resources/new', element: lazyPage(async () => (await resources()).NewResourcePage) },
  { path: 'resources/:id', element: lazyPage(async () => (await resources()).ResourcePage) },
  { path: 'resources/:id/edit', element: lazyPage(async () => (await resources()).EditResourcePage) },
  { path: 'training', element: lazyPage(async () => (await training()).TrainingPage) },
  { path: 'training/new', element: lazyPage(async () => (await training()).NewCoursePage) },
  { path: 'training/:id', element: lazyPage(async () => (await training()).CoursePage) },
  { path: 'training/:id/edit', element: lazyPage(async () => (await training()).EditCoursePage) },
  { path: 'training/:id/completion', element: lazyPage(async () => (await training()).CompletionPage) },
  { path: 'training/:id/certificate', element: lazyPage(async () => (await training()).CertificatePrintPage) },
  { path: 'publications', element: lazyPage(async () => (await publications()).PublicationsPage) },
  { path: 'publications/new', element: lazyPage(async () => (await publications()).NewPublicationPage) },
  { path: 'publications/:id', element: lazyPage(async () => (await publications()).PublicationPage) },
  { path: 'publications/:id/edit', element: lazyPage(async () => (await publications()).EditPublicationPage) },
  { path: 'network', element: <NetworkPage /> },
  { path: 'network/calls', element: <CallsPage /> },
  { path: 'network/calls/:id', element: <CallPage /> },
  { path: 'network/applications/:id', element: <ApplicationPage /> },
  { path: 'audit', element: lazyPage(async () => (await audit()).AuditLogPage) },
  ...MODULES.filter((module) => !['reports', 'meetings', 'lessons', 'discussions', 'cycles', 'monitoring', 'resources', 'training', 'publications', 'network'].includes(module)).map((module) => ({ path: module, element: <ComingSoonPage module={module} /> })),
  { path: '*', element: <NotFoundPage /> },
];

const routes: RouteObject[] = [
  { path: '/sign-in', element: <AuthFrame><SignInPage /></AuthFrame> },
  { path: '/invitations/:token', element: <AuthFrame><AcceptInvitationPage /></AuthFrame> },
  { path: '/forgot-password', element: <AuthFrame><ForgotPasswordPage /></AuthFrame> },
  { path: '/reset-password/:token', element: <AuthFrame><ResetPasswordPage /></AuthFrame> },
  // The public resource library and members page: no session, so outside RequireSession and the app shell.
  { path: '/public/resources', element: lazyPage(async () => (await resources()).PublicResourcesPage) },
  { path: '/public/resources/:id', element: lazyPage(async () => (await resources()).PublicResourcePage) },
  { path: '/public/members', element: <PublicMembersPage /> },
  // The network's open call: institutions apply and follow their application without an account.
  { path: '/join', element: <JoinPage /> },
  { path: '/join/status/:token', element: <ApplicationStatusPage /> },
  // Anyone checks a training certificate by its verification code, without an account.
  { path: '/verify', element: lazyPage(async () => (await training()).VerifyCertificatePage) },
  { path: '/verify/:code', element: lazyPage(async () => (await training()).VerifyCertificatePage) },
  {
    element: (
      <RequireSession>
        <AppShell
          tools={lazyPage(async () => (await search()).SearchBox, false)}
          pinnedTools={<NotificationsBell />}
          navItems={lazyPage(async () => (await audit()).AuditNavLink, false)}
        />
      </RequireSession>
    ),
    // A page that fails inside the frame says so there; the frame stays.
    children: [{ errorElement: <RouteErrorPage />, children: signedInPages }],
  },
];

export const router = createBrowserRouter([
  // A page that fails to load or draw says so in the person's language, with a way to reload.
  { errorElement: <RouteErrorPage standalone />, children: routes },
]);

