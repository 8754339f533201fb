import { useOrganisations } from '@simashe/web-organisations';
import { Card, EmptyState, LoadingState } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { useReports } from './queries';
import { ReportTable } from './reports.page';

/** For WHO regional offices: what their countries have submitted, newest first. */
export function RegionalSubmittedReportsCard() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const offices = (organisations.data?.items ?? []).filter((o) => o.relation === 'member' && o.kind === 'who_regional_office');
  const region = offices[0]?.region?.code;
  const reports = useReports({ status: 'submitted', region });
  if (!region) return null;
  return (
    <Card title={t('reports.submittedFromRegion')}>
      {reports.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : reports.data?.items.length ? (
        <ReportTable items={reports.data.items} />
      ) : (
        <EmptyState>{t('reports.noSubmittedFromRegion')}</EmptyState>
      )}
    </Card>
  );
}
