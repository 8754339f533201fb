import { useCurrentUser } from '@simashe/web-accounts';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { Alert, BackLink, Button, ConfirmDialog, LoadingState, QueryError, usePageTitle } from '@simashe/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ResourceDetail } from './resource-detail';
import { ResourceForm } from './resource-form';
import { ResourceLibrary } from './resource-library';
import { useDeleteResource, useResource } from './queries';
import './resources.css';

/** `/resources`: the curated collections, then the library with its search and filters. */
export function ResourcesPage() {
  const { t } = useTranslation();
  usePageTitle(t('resources.title'));
  // Offered to those who write in an organisation (editors and admins): the form would be of no use to the others.
  const organisations = useOrganisations();
  const writes = (organisations.data?.items ?? []).some(canWriteIn);
  return (
    <>
      <h1>{t('resources.title')}</h1>
      <p className="muted">{t('resources.intro')}</p>
      {writes && (
        <div className="button-row">
          <Link className="btn btn-primary" to="/resources/new">
            {t('resources.new')}
          </Link>
        </div>
      )}
      <ResourceLibrary audience="member" />
    </>
  );
}

/** `/resources/new`. */
export function NewResourcePage() {
  const { t } = useTranslation();
  usePageTitle(t('resources.new'));
  return (
    <>
      <BackLink to="/resources">{t('resources.title')}</BackLink>
      <h1>{t('resources.new')}</h1>
      <ResourceForm />
    </>
  );
}

/** `/resources/:id/edit`. */
export function EditResourcePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const resource = useResource('member', id);
  usePageTitle(resource.data ? t('resources.editTitle', { title: resource.data.title }) : t('resources.edit'));
  if (resource.isPending) return <LoadingState label={t('common.loading')} />;
  if (resource.isError) return <QueryError error={resource.error} onRetry={() => resource.refetch()} />;
  return (
    <>
      <BackLink to={`/resources/${id}`} auto>{resource.data.title}</BackLink>
      <h1>{t('resources.edit')}</h1>
      {resource.data.canEdit ? <ResourceForm key={resource.data.id} resource={resource.data} /> : <Alert kind="info">{t('resources.cannotEdit')}</Alert>}
    </>
  );
}

/** `/resources/:id`: the resource, its download or link, and for its editors edit and delete. */
export function ResourcePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const resource = useResource('member', id);
  const remove = useDeleteResource(id);
  const [confirming, setConfirming] = useState(false);
  usePageTitle(resource.data?.title);
  if (resource.isPending) return <LoadingState label={t('common.loading')} />;
  if (resource.isError) return <QueryError error={resource.error} onRetry={() => resource.refetch()} />;
  const data = resource.data;
  return (
    <>
      <BackLink to="/resources">{t('resources.title')}</BackLink>
      <ResourceDetail
        resource={data}
        audience="member"
        timeZone={user.timeZone}
        tools={
          data.canEdit && (
            <div className="button-row">
              <Link className="btn btn-secondary" to={`/resources/${id}/edit`}>
                {t('resources.edit')}
              </Link>
              <Button variant="danger" onClick={() => setConfirming(true)}>
                {t('resources.delete')}
              </Button>
            </div>
          )
        }
      />
      <ConfirmDialog
        open={confirming}
        danger
        title={t('resources.deleteTitle')}
        message={
          <p>
            {t(data.file ? 'resources.confirmDeleteWithFile' : 'resources.confirmDelete', { title: data.title })}
          </p>
        }
        confirmLabel={t('resources.delete')}
        busy={remove.isPending}
        error={remove.error && <Alert kind="error">{remove.error.message}</Alert>}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/resources', { replace: true }) })}
      />
    </>
  );
}
