import { AcceptInvitationPage, ProfilePage, RequireSession, SignInPage } from '@simashe/web-accounts';
import { HomePage, OrganisationPage } from '@simashe/web-organisations';
import { NotificationsBell, NotificationsPage } from '@simashe/web-notifications';
import { RegionalSubmittedReportsCard, ReportPage, ReportsPage } from '@simashe/web-reports';
import { AppShell, ComingSoonPage, MODULES, NotFoundPage } from '@simashe/web-shell';
import { LoadingState } from '@simashe/web-ui';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router-dom';

function PageLoading() {
  const { t } = useTranslation();
  return <LoadingState label={t('common.loading')} />;
}

/** Pages of a feature loaded on first visit (meetings bring calendars, time-zone maths and recurrence rules). */
function lazyPage(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

const meetings = () => import('@simashe/web-meetings');

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/invitations/:token', element: <AcceptInvitationPage /> },
  {
    element: (
      <RequireSession>
        <AppShell tools={<NotificationsBell />} />
      </RequireSession>
    ),
    children: [
      {
        index: true,
        element: (
          <HomePage>
            <RegionalSubmittedReportsCard />
          </HomePage>
        ),
      },
      { path: 'organisations/:id', element: <OrganisationPage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'reports/:id', element: <ReportPage /> },
      { path: 'meetings', element: lazyPage(async () => (await meetings()).MeetingsPage) },
      { path: 'meetings/:id', element: lazyPage(async () => (await meetings()).MeetingPage) },
      { path: 'meetings/:id/minutes/:occurrence', element: lazyPage(async () => (await meetings()).MinutesPage) },
      ...MODULES.filter((module) => module !== 'reports' && module !== 'meetings').map((module) => ({ path: module, element: <ComingSoonPage module={module} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
