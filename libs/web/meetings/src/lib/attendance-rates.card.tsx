import { useOrganisations } from '@simashe/web-organisations';
import { Card, EmptyState, LoadingState, QueryError, SelectField } from '@simashe/web-ui';
import { formatMonth } from '@simashe/web-i18n';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttendanceRates } from './queries';

/** Per month: of the sessions an organisation was invited to, the share at least one of its members attended. */
export function AttendanceRatesCard() {
  const { t, i18n } = useTranslation();
  const organisations = useOrganisations();
  const choices = organisations.data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const organisationId = chosen ?? choices.find((o) => o.relation === 'member')?.id ?? choices[0]?.id ?? null;
  const rates = useAttendanceRates(organisationId);
  if (choices.length === 0) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });

  return (
    <Card title={t('meetings.attendanceRates')}>
      <SelectField
        label={t('meetings.organisation')}
        value={organisationId ?? ''}
        onChange={(e) => setChosen(e.target.value)}
        options={choices.map((o) => ({ value: o.id, label: o.name }))}
      />
      {rates.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : rates.isError ? (
        <QueryError error={rates.error} onRetry={() => rates.refetch()} />
      ) : rates.data.items.length === 0 ? (
        <EmptyState>{t('meetings.noAttendance')}</EmptyState>
      ) : (
        <table className="rates">
          <caption className="visually-hidden">{t('meetings.attendanceRates')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.month')}</th>
              <th scope="col">{t('meetings.attendedOf')}</th>
              <th scope="col">{t('meetings.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rates.data.items.map((rate) => (
              <tr key={rate.month}>
                <th scope="row">{formatMonth(`${rate.month}-01T12:00:00Z`, i18n.language, 'UTC', { short: true })}</th>
                <td>{t('meetings.attendedCount', { attended: rate.attendedOccurrences, invited: rate.invitedOccurrences })}</td>
                <td>
                  <span className="rate-bar" aria-hidden="true">
                    <span style={{ inlineSize: `${rate.rate * 100}%` }} />
                  </span>{' '}
                  {percent.format(rate.rate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
