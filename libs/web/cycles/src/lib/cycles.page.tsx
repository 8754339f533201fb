import type { DashboardFilters } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { isolate, useDateFormatter } from '@simashe/web-i18n';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { BackLink, Card, EmptyState, LoadingState, QueryError, usePageTitle } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { StageBadge } from './common';
import { daysSince } from './cycle-logic';
import { DashboardSection } from './dashboard';
import { InitiativeForm } from './initiative-form';
import { useActivity, useCreateInitiative, useInitiatives } from './queries';

function filtersFrom(params: URLSearchParams): DashboardFilters {
  const value = (key: string) => params.get(key) || undefined;
  return { region: value('region') as DashboardFilters['region'], determinant: value('determinant') as DashboardFilters['determinant'], sector: value('sector') as DashboardFilters['sector'], organisationId: value('organisationId') };
}

function InitiativeList({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const initiatives = useInitiatives(filters);
  if (initiatives.isPending) return <LoadingState label={t('common.loading')} />;
  if (initiatives.isError) return <QueryError error={initiatives.error} onRetry={() => initiatives.refetch()} />;
  if (initiatives.data.items.length === 0) return <EmptyState>{t('cycles.emptyInitiatives')}</EmptyState>;
  return (
    <ul className="initiative-list">
      {initiatives.data.items.map((initiative) => (
        <li key={initiative.id}>
          <Link to={`/cycles/initiatives/${initiative.id}`}>
            <strong dir="auto">{initiative.title}</strong>
          </Link>{' '}
          <StageBadge stage={initiative.activeCycle?.stage ?? 'none'} />
          <div className="muted">
            <bdi>{initiative.organisationName}</bdi>
            {initiative.activeCycle &&
              ` · ${t('cycles.cycleNumber', { number: initiative.activeCycle.number })} · ${t('cycles.daysInStage', { count: daysSince(initiative.activeCycle.stageChangedAt) })}`}
          </div>
          <p className="initiative-aim">{initiative.aimWhat}</p>
        </li>
      ))}
    </ul>
  );
}

function ActivityFeed({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  const activity = useActivity({ organisationId: filters.organisationId, region: filters.region });
  if (activity.isPending) return <LoadingState label={t('common.loading')} />;
  if (activity.isError) return <QueryError error={activity.error} onRetry={() => activity.refetch()} />;
  if (activity.data.items.length === 0) return <EmptyState>{t('cycles.activity.empty')}</EmptyState>;
  return (
    <ol className="activity-feed">
      {activity.data.items.map((item) => (
        <li key={item.id}>
          <time dateTime={item.at}>{format(item.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>{' '}
          {t(`cycles.activity.${item.kind}`, {
            // Names and what people wrote keep their own direction inside the sentence (a Latin name in Arabic).
            actor: item.actorName === null ? t('cycles.someone') : isolate(item.actorName),
            detail: isolate(item.detail),
            from: item.fromStage ? t(`cycles.stages.${item.fromStage}`) : '',
            to: item.toStage ? t(`cycles.stages.${item.toStage}`) : '',
          })}{' '}
          <Link to={`/cycles/initiatives/${item.initiativeId}`}><bdi>{item.initiativeTitle}</bdi></Link> <span className="muted">(<bdi>{item.organisationName}</bdi>)</span>
        </li>
      ))}
    </ol>
  );
}

/** Cycles home: the initiatives one may read, the dashboard of every pathfinder one may read, recent activity. */
export function CyclesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const organisations = useOrganisations();
  const canCreate = (organisations.data?.items ?? []).some(
    (o) => canWriteIn(o) && (o.kind === 'country_pathfinder' || o.kind === 'core_partner'),
  );
  usePageTitle(t('cycles.title'));
  const setFilters = (next: DashboardFilters) =>
    setParams(new URLSearchParams(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]))), { replace: true });
  return (
    <>
      <h1>{t('cycles.title')}</h1>
      <p className="lead">{t('cycles.intro')}</p>
      {canCreate && (
        <div className="button-row">
          <Link className="btn btn-primary" to="/cycles/new">
            {t('cycles.newInitiative')}
          </Link>
        </div>
      )}
      <Card title={t('cycles.initiatives')}>
        <InitiativeList filters={filters} />
      </Card>
      <DashboardSection filters={filters} onFilters={setFilters} />
      <Card title={t('cycles.activity.title')}>
        <ActivityFeed filters={filters} />
      </Card>
    </>
  );
}

export function NewInitiativePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateInitiative();
  usePageTitle(t('cycles.newInitiative'));
  return (
    <>
      <BackLink to="/cycles">{t('cycles.title')}</BackLink>
      <h1>{t('cycles.newInitiative')}</h1>
      <Card>
        <InitiativeForm busy={create.isPending} error={create.error} onSubmit={(input) => create.mutate(input, { onSuccess: (created) => navigate(`/cycles/initiatives/${created.id}`) })} />
      </Card>
    </>
  );
}
