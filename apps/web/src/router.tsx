import { AcceptInvitationPage, ForgotPasswordPage, ProfilePage, RequireSession, ResetPasswordPage, SignInPage } from '@simashe/web-accounts';
import { ApplicationPage, ApplicationStatusPage, CallPage, CallsPage, HomePage, JoinPage, NetworkPage, OrganisationPage, PublicMembersPage } from '@simashe/web-organisations';
// Discussions are small and shared by the report, meeting and lesson pages: not split off.
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

/** The names of a module's exports that are pages (components without props). */
type PageName<Module> = { [K in keyof Module]: Module[K] extends ComponentType ? K : never }[keyof Module];

/** A lazy page by its export's name, from one feature's chunk: `from(meetings)('MeetingPage')`. */
function from<Module>(load: () => Promise<Module>) {
  return (name: PageName<Module>, showLoading = true) => lazyPage(async () => (await load())[name] as ComponentType, showLoading);
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
const [meetingsPage, lessonsPage, searchPage, cyclesPage, monitoringPage, auditPage, resourcesPage, trainingPage, publicationsPage, reportsPage] = [
  from(meetings),
  from(lessons),
  from(search),
  from(cycles),
  from(monitoring),
  from(audit),
  from(resources),
  from(training),
  from(publications),
  from(reports),
];

/** The signed-in pages, inside the app's frame. */
const signedInPages: RouteObject[] = [
  {
    index: true,
    element: (
      <HomePage>{reportsPage('RegionalSubmittedReportsCard', false)}</HomePage>
    ),
  },
  { path: 'organisations/:id', element: <OrganisationPage /> },
  { path: 'profile', element: <ProfilePage /> },
  { path: 'notifications', element: <NotificationsPage /> },
  { path: 'reports', element: reportsPage('ReportsPage') },
  { path: 'reports/:id', element: reportsPage('ReportPage') },
  { path: 'meetings', element: meetingsPage('MeetingsPage') },
  { path: 'meetings/:id', element: meetingsPage('MeetingPage') },
  { path: 'meetings/:id/minutes/:occurrence', element: meetingsPage('MinutesPage') },
  { path: 'lessons', element: lessonsPage('LessonsPage') },
  { path: 'lessons/new', element: lessonsPage('NewLessonPage') },
  { path: 'lessons/:id', element: lessonsPage('LessonPage') },
  { path: 'lessons/:id/edit', element: lessonsPage('EditLessonPage') },
  { path: 'discussions', element: <DiscussionsPage /> },
  { path: 'discussions/:id', element: <TopicPage /> },
  { path: 'search', element: searchPage('SearchPage') },
  { path: 'cycles', element: cyclesPage('CyclesPage') },
  { path: 'cycles/new', element: cyclesPage('NewInitiativePage') },
  { path: 'cycles/initiatives/:id', element: cyclesPage('InitiativePage') },
  { path: 'cycles/dashboard/print', element: cyclesPage('DashboardPrintPage') },
  { path: 'monitoring', element: monitoringPage('MonitoringPage') },
  { path: 'monitoring/datasets/:id', element: monitoringPage('DatasetPage') },
  { path: 'resources', element: resourcesPage('ResourcesPage') },
  { path: 'resources/new', element: resourcesPage('NewResourcePage') },
  { path: 'resources/:id', element: resourcesPage('ResourcePage') },
  { path: 'resources/:id/edit', element: resourcesPage('EditResourcePage') },
  { path: 'training', element: trainingPage('TrainingPage') },
  { path: 'training/new', element: trainingPage('NewCoursePage') },
  { path: 'training/:id', element: trainingPage('CoursePage') },
  { path: 'training/:id/edit', element: trainingPage('EditCoursePage') },
  { path: 'training/:id/completion', element: trainingPage('CompletionPage') },
  { path: 'training/:id/certificate', element: trainingPage('CertificatePrintPage') },
  { path: 'publications', element: publicationsPage('PublicationsPage') },
  { path: 'publications/new', element: publicationsPage('NewPublicationPage') },
  { path: 'publications/:id', element: publicationsPage('PublicationPage') },
  { path: 'publications/:id/edit', element: publicationsPage('EditPublicationPage') },
  { path: 'network', element: <NetworkPage /> },
  { path: 'network/calls', element: <CallsPage /> },
  { path: 'network/calls/:id', element: <CallPage /> },
  { path: 'network/applications/:id', element: <ApplicationPage /> },
  { path: 'audit', element: auditPage('AuditLogPage') },
  ...MODULES.filter((module) => !['reports', 'meetings', 'lessons', 'discussions', 'cycles', 'monitoring', 'resources', 'training', 'publications', 'network'].includes(module)).map((module) => ({ path: module, element: <ComingSoonPage module={module} /> })),
  { path: '*', element: <NotFoundPage /> },
];

const routes: RouteObject[] = [
  { path: '/sign-in', element: <AuthFrame><SignInPage /></AuthFrame> },
  { path: '/invitations/:token', element: <AuthFrame><AcceptInvitationPage /></AuthFrame> },
  { path: '/forgot-password', element: <AuthFrame><ForgotPasswordPage /></AuthFrame> },
  { path: '/reset-password/:token', element: <AuthFrame><ResetPasswordPage /></AuthFrame> },
  // The public resource library and members page: no session, so outside RequireSession and the app shell.
  { path: '/public/resources', element: resourcesPage('PublicResourcesPage') },
  { path: '/public/resources/:id', element: resourcesPage('PublicResourcePage') },
  { path: '/public/members', element: <PublicMembersPage /> },
  // The network's open call: institutions apply and follow their application without an account.
  { path: '/join', element: <JoinPage /> },
  { path: '/join/status/:token', element: <ApplicationStatusPage /> },
  // Anyone checks a training certificate by its verification code, without an account.
  { path: '/verify', element: trainingPage('VerifyCertificatePage') },
  { path: '/verify/:code', element: trainingPage('VerifyCertificatePage') },
  {
    element: (
      <RequireSession>
        <AppShell
          tools={searchPage('SearchBox', false)}
          pinnedTools={<NotificationsBell />}
          navItems={auditPage('AuditNavLink', false)}
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

