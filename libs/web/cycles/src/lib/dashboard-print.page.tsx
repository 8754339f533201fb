import { useCurrentUser } from '@simashe/web-accounts';
import { queryString } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Button, LoadingState, QueryError, usePageTitle } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { DashboardCharts, DashboardTable } from './dashboard';
import { useDashboard } from './queries';

/** A page laid out for paper: the print dialog saves it as PDF ("Save as PDF"), charts included. */
export function DashboardPrintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = Object.fromEntries([...params.entries()].filter(([key]) => ['region', 'determinant', 'sector', 'organisationId'].includes(key)));
  const dashboard = useDashboard(filters);
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  usePageTitle(t('cycles.dashboard.title'));
  if (dashboard.isPending) return <LoadingState label={t('common.loading')} />;
  if (dashboard.isError) return <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} />;
  return (
    <div className="print-page">
      <p className="no-print">
        <Link className="back-link" to={`/cycles${queryString(filters)}`}>
          {t('cycles.title')}
        </Link>
      </p>
      <h1>{t('cycles.dashboard.title')}</h1>
      <p className="muted">{t('cycles.dashboard.generated', { when: format(dashboard.data.generatedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
      <div className="button-row no-print">
        <Button onClick={() => window.print()}>{t('cycles.dashboard.print')}</Button>
      </div>
      <DashboardCharts dashboard={dashboard.data} />
      <DashboardTable dashboard={dashboard.data} />
    </div>
  );
}
