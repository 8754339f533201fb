import { AcceptInvitationPage, ProfilePage, RequireSession, SignInPage } from '@simashe/web-accounts';
import { HomePage, OrganisationPage } from '@simashe/web-organisations';
import { MeetingsPage } from '@simashe/web-meetings';
import { RegionalSubmittedReportsCard, ReportPage, ReportsPage } from '@simashe/web-reports';
import { AppShell, ComingSoonPage, MODULES, NotFoundPage } from '@simashe/web-shell';
import { createBrowserRouter } from 'react-router-dom';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/invitations/:token', element: <AcceptInvitationPage /> },
  {
    element: (
      <RequireSession>
        <AppShell />
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
      { path: 'reports', element: <ReportsPage /> },
      { path: 'reports/:id', element: <ReportPage /> },
      { path: 'meetings', element: <MeetingsPage /> },
      ...MODULES.filter((module) => module !== 'reports' && module !== 'meetings').map((module) => ({ path: module, element: <ComingSoonPage module={module} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
