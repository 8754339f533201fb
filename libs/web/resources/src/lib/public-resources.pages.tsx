import { PublicFrame } from '@simashe/web-shell';
import { BackLink, LoadingState, QueryError, usePageTitle } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { ResourceDetail } from './resource-detail';
import { ResourceLibrary } from './resource-library';
import { useResource } from './queries';
import './resources.css';

/** `/public/resources`: the public collections and library, for anyone. */
export function PublicResourcesPage() {
  const { t } = useTranslation();
  const location = useLocation();
  usePageTitle(t('resources.public.title'));
  return (
    <PublicFrame next={`/resources${location.search}`}>
      <h1>{t('resources.public.title')}</h1>
      <p className="muted">{t('resources.public.intro')}</p>
      <ResourceLibrary audience="public" />
    </PublicFrame>
  );
}

/** `/public/resources/:id`: one public resource and its download. */
export function PublicResourcePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const resource = useResource('public', id);
  usePageTitle(resource.data?.title ?? t('resources.public.title'));
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <PublicFrame next={`/resources/${id}`}>
      <BackLink to="/public/resources">{t('resources.public.title')}</BackLink>
      {resource.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : resource.isError ? (
        <QueryError error={resource.error} onRetry={() => resource.refetch()} />
      ) : (
        <ResourceDetail resource={resource.data} audience="public" timeZone={timeZone} />
      )}
    </PublicFrame>
  );
}
