import type { CreateDatasetRequest } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { useFormatters } from '@simashe/web-i18n';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, Card, Dialog, EmptyState, LoadingState, QueryError, SelectField, TextField, usePageTitle } from '@simashe/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { templateHref } from './monitoring-logic';
import { useCreateDataset, useDatasets } from './queries';
import './monitoring.css';

/** Organisations where the reader may add a dataset: those they belong to as an editor or an administrator. */
function useWritableOrganisations() {
  const organisations = useOrganisations();
  return (organisations.data?.items ?? []).filter(canWriteIn);
}

function NewDatasetDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const owners = useWritableOrganisations();
  const create = useCreateDataset();
  const [draft, setDraft] = useState<CreateDatasetRequest>({ organisationId: '', name: '', description: '' });
  const organisationId = draft.organisationId || owners[0]?.id || '';
  const apiError = create.error instanceof ApiError ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...draft, organisationId }, { onSuccess: (dataset) => navigate(`/monitoring/datasets/${dataset.id}?view=import`) });
  };
  return (
    <Dialog open={open} title={t('monitoring.form.title')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {apiError && !apiError.details.length && <Alert kind="error">{apiError.message}</Alert>}
        <SelectField
          label={t('monitoring.form.organisation')}
          value={organisationId}
          onChange={(e) => setDraft({ ...draft, organisationId: e.target.value })}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          hint={owners.length === 0 ? t('monitoring.form.noOrganisation') : undefined}
        />
        <TextField
          label={t('monitoring.form.name')}
          value={draft.name}
          required
          maxLength={200}
          dir="auto"
          data-autofocus
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          error={apiError?.fieldError('name')}
        />
        <div className="field">
          <label htmlFor="dataset-description">{t('monitoring.form.description')}</label>
          <textarea
            id="dataset-description"
            rows={3}
            maxLength={2000}
            dir="auto"
            value={draft.description}
            aria-describedby="dataset-description-hint"
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
          <p className="field-hint" id="dataset-description-hint">
            {t('monitoring.form.descriptionHint')}
          </p>
        </div>
        <div className="button-row">
          <Button type="submit" busy={create.isPending} disabled={!organisationId}>
            {t('monitoring.form.create')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function DatasetTable({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const datasets = useDatasets();
  if (datasets.isPending) return <LoadingState label={t('common.loading')} />;
  if (datasets.isError) return <QueryError error={datasets.error} onRetry={() => datasets.refetch()} />;
  if (datasets.data.items.length === 0) return <EmptyState>{canCreate ? t('monitoring.emptyCanCreate') : t('monitoring.empty')}</EmptyState>;
  return (
    <div className="table-scroll" role="region" aria-label={t('monitoring.datasets')} tabIndex={0}>
      <table className="data-table stacked-table">
        <thead>
          <tr>
            <th scope="col">{t('monitoring.name')}</th>
            <th scope="col">{t('monitoring.organisation')}</th>
            <th scope="col">{t('monitoring.rows')}</th>
            <th scope="col">{t('monitoring.currentVersion')}</th>
            <th scope="col">{t('monitoring.status')}</th>
            <th scope="col">{t('monitoring.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {datasets.data.items.map((dataset) => (
            <tr key={dataset.id}>
              <td>
                <Link to={`/monitoring/datasets/${dataset.id}`} dir="auto">
                  {dataset.name}
                </Link>
              </td>
              <td data-label={t('monitoring.organisation')}>
                <bdi>{dataset.organisationName}</bdi>
              </td>
              <td className="numeric" data-label={t('monitoring.rows')}>
                {format.number(dataset.rows)}
              </td>
              <td data-label={t('monitoring.currentVersion')}>{dataset.currentVersion === null ? <span className="muted">{t('monitoring.noVersion')}</span> : t('monitoring.versionNumber', { number: format.number(dataset.currentVersion) })}</td>
              <td data-label={t('monitoring.status')}>{dataset.publishedAt ? <span className="badge badge-published">{t('monitoring.published')}</span> : <span className="muted">{t('monitoring.private')}</span>}</td>
              <td data-label={t('monitoring.updated')}>
                <time dateTime={dataset.updatedAt}>{format.date(dataset.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Monitoring home: the datasets one may read, how to prepare a file, and a new dataset for those who may add one. */
export function MonitoringPage() {
  const { t } = useTranslation();
  const canCreate = useWritableOrganisations().length > 0;
  const [creating, setCreating] = useState(false);
  usePageTitle(t('monitoring.title'));
  return (
    <>
      <h1>{t('monitoring.title')}</h1>
      <p className="lead">{t('monitoring.intro')}</p>
      <p>{t('monitoring.templateHelp')}</p>
      <div className="button-row">
        {canCreate && <Button onClick={() => setCreating(true)}>{t('monitoring.newDataset')}</Button>}
        <a className="btn btn-secondary" href={templateHref()} download="heat-plus-template.csv">
          {t('monitoring.downloadTemplate')}
        </a>
      </div>
      <Card title={t('monitoring.datasets')}>
        <DatasetTable canCreate={canCreate} />
      </Card>
      {canCreate && <NewDatasetDialog open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
