import { useCurrentUser } from '@simashe/web-accounts';
import { useFormatters } from '@simashe/web-i18n';
import { BackLink, EmptyState, LoadingState, QueryError, usePageTitle } from '@simashe/web-ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { completionShare, completionTables, type CompletionRow } from './training-logic';
import { useCompletion, useCourse } from './training-queries';
import './training.css';

function CompletionTable({ rows, caption, byOrganisation }: { rows: CompletionRow[]; caption: string; byOrganisation: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const region = (code: string | null) => (code ? t(`resources.regions.${code}`, { defaultValue: code }) : t('training.completion.noRegion'));
  if (rows.length === 0) return <EmptyState>{t('training.completion.empty')}</EmptyState>;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {byOrganisation && <th scope="col">{t('training.organisation')}</th>}
            <th scope="col">{t('training.completion.region')}</th>
            <th scope="col">{t('training.completion.enrolled')}</th>
            <th scope="col">{t('training.completion.completed')}</th>
            <th scope="col">{t('training.completion.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {byOrganisation && (
                <th scope="row" dir="auto">
                  {row.organisationName ?? t('training.completion.noOrganisation')}
                </th>
              )}
              {byOrganisation ? <td>{region(row.regionCode)}</td> : <th scope="row">{region(row.regionCode)}</th>}
              <td>{format.number(row.enrolled)}</td>
              <td>{format.number(row.completed)}</td>
              <td>{row.share === null ? '—' : format.number(row.share, { style: 'percent', maximumFractionDigits: 0 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/training/:id/completion` (the course's trainers): who enrolled and who completed, by organisation and by region. */
export function CompletionPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const course = useCourse(id);
  const completion = useCompletion(id);
  const tables = useMemo(() => (completion.data ? completionTables(completion.data, new Intl.Collator(i18n.language)) : null), [completion.data, i18n.language]);
  usePageTitle(course.data ? t('training.completion.titleOf', { title: course.data.title }) : t('training.completion.title'));
  const share = completion.data ? completionShare(completion.data.completed, completion.data.enrolled) : null;
  return (
    <>
      <BackLink to={`/training/${id}`} auto>{course.data?.title ?? t('training.title')}</BackLink>
      <h1>{t('training.completion.title')}</h1>
      {course.data && (
        <p className="muted" dir="auto">
          {course.data.title}
        </p>
      )}
      {completion.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : completion.isError ? (
        <QueryError error={completion.error} onRetry={() => completion.refetch()} />
      ) : (
        tables && (
          <>
            <dl className="training-totals">
              <div>
                <dt>{t('training.completion.enrolled')}</dt>
                <dd>{format.number(completion.data.enrolled)}</dd>
              </div>
              <div>
                <dt>{t('training.completion.completed')}</dt>
                <dd>{format.number(completion.data.completed)}</dd>
              </div>
              <div>
                <dt>{t('training.completion.rate')}</dt>
                <dd>{share === null ? '—' : format.number(share, { style: 'percent', maximumFractionDigits: 0 })}</dd>
              </div>
            </dl>
            <h2>{t('training.completion.byOrganisation')}</h2>
            <CompletionTable rows={tables.byOrganisation} caption={t('training.completion.byOrganisation')} byOrganisation />
            <h2>{t('training.completion.byRegion')}</h2>
            <CompletionTable rows={tables.byRegion} caption={t('training.completion.byRegion')} byOrganisation={false} />
          </>
        )
      )}
    </>
  );
}
