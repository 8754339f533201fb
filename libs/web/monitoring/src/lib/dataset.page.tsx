import { useCurrentUser } from '@simashe/web-accounts';
import { isolate, useFormatters } from '@simashe/web-i18n';
import { Alert, BackLink, Button, Card, ConfirmDialog, EmptyState, LoadingState, QueryError, usePageTitle } from '@simashe/web-ui';
import type { Dataset } from '@simashe/contracts';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ComparePanel } from './compare-panel';
import { ExplorePanel } from './explore-panel';
import { ImportPanel } from './import-panel';
import { tabKeyTarget } from './monitoring-logic';
import { useDataset, useDeleteDataset, usePublishDataset } from './queries';
import './monitoring.css';

const VIEWS = ['overview', 'import', 'explore', 'compare'] as const;
type View = (typeof VIEWS)[number];

function OverviewPanel({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const navigate = useNavigate();
  const publish = usePublishDataset(dataset.id);
  const remove = useDeleteDataset(dataset.id);
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  const published = dataset.publishedAt !== null;
  return (
    <>
      <Card title={t('monitoring.overview.description')} headingLevel={3}>
        {dataset.description ? (
          <p dir="auto" className="dataset-description">
            {dataset.description}
          </p>
        ) : (
          <p className="muted">{t('monitoring.overview.noDescription')}</p>
        )}
        <p>
          {published
            ? t('monitoring.overview.publishedOn', { date: format.date(dataset.publishedAt!) })
            : t('monitoring.overview.notPublished', { organisation: isolate(dataset.organisationName) })}
        </p>
        {(dataset.permissions.publish || dataset.permissions.delete) && (
          <div className="button-row">
            {dataset.permissions.publish && (
              <Button variant="secondary" onClick={() => setConfirm('publish')}>
                {published ? t('monitoring.overview.unpublish') : t('monitoring.overview.publish')}
              </Button>
            )}
            {dataset.permissions.delete && (
              <Button variant="danger" onClick={() => setConfirm('delete')}>
                {t('monitoring.overview.delete')}
              </Button>
            )}
          </div>
        )}
      </Card>
      <Card title={t('monitoring.overview.versions')} headingLevel={3}>
        {dataset.versions.length === 0 ? (
          <EmptyState>{t('monitoring.overview.noVersions')}</EmptyState>
        ) : (
          <div className="table-scroll" role="region" aria-label={t('monitoring.overview.versions')} tabIndex={0}>
            <table className="data-table stacked-table">
              <thead>
                <tr>
                  <th scope="col">{t('monitoring.overview.version')}</th>
                  <th scope="col">{t('monitoring.overview.file')}</th>
                  <th scope="col">{t('monitoring.rows')}</th>
                  <th scope="col">{t('monitoring.overview.importedAt')}</th>
                  <th scope="col">{t('monitoring.overview.importedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {[...dataset.versions]
                  .sort((a, b) => b.version - a.version)
                  .map((version) => (
                    <tr key={version.version}>
                      <td data-label={t('monitoring.overview.version')}>
                        {format.number(version.version)}
                        {version.version === dataset.currentVersion && <span className="badge badge-current">{t('monitoring.overview.current')}</span>}
                      </td>
                      <td data-label={t('monitoring.overview.file')}>
                        <bdi>{version.fileName}</bdi>
                      </td>
                      <td className="numeric" data-label={t('monitoring.rows')}>
                        {format.number(version.rows)}
                      </td>
                      <td data-label={t('monitoring.overview.importedAt')}>
                        <time dateTime={version.importedAt}>{format.dateTime(version.importedAt)}</time>
                      </td>
                      <td data-label={t('monitoring.overview.importedBy')}>
                        <bdi>{version.importedByName ?? t('monitoring.overview.someone')}</bdi>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <ConfirmDialog
        open={confirm === 'publish'}
        title={published ? t('monitoring.overview.confirmUnpublishTitle') : t('monitoring.overview.confirmPublishTitle')}
        message={
          published
            ? t('monitoring.overview.confirmUnpublish', { name: isolate(dataset.name), organisation: isolate(dataset.organisationName) })
            : t('monitoring.overview.confirmPublish', { name: isolate(dataset.name) })
        }
        confirmLabel={published ? t('monitoring.overview.unpublish') : t('monitoring.overview.publish')}
        busy={publish.isPending}
        error={publish.error && <Alert kind="error">{publish.error.message}</Alert>}
        onCancel={() => setConfirm(null)}
        onConfirm={() => publish.mutate(!published, { onSuccess: () => setConfirm(null) })}
      />
      <ConfirmDialog
        open={confirm === 'delete'}
        danger
        title={t('monitoring.overview.confirmDeleteTitle')}
        message={t('monitoring.overview.confirmDelete', { name: isolate(dataset.name) })}
        confirmLabel={t('monitoring.overview.delete')}
        busy={remove.isPending}
        error={remove.error && <Alert kind="error">{remove.error.message}</Alert>}
        onCancel={() => setConfirm(null)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/monitoring') })}
      />
    </>
  );
}

/** A WAI-ARIA tablist: one tab in the tab order, arrows (mirrored in right-to-left pages), Home and End move. */
function Tabs({ current, onChange, idBase }: { current: View; onChange: (view: View) => void; idBase: string }) {
  const { t, i18n } = useTranslation();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = tabKeyTarget(event.key, index, VIEWS.length, i18n.dir() === 'rtl');
    if (target === null) return;
    event.preventDefault();
    onChange(VIEWS[target]);
    refs.current[target]?.focus();
  };
  return (
    <div className="monitoring-tabs" role="tablist" aria-label={t('monitoring.tabs.label')}>
      {VIEWS.map((view, index) => (
        <button
          key={view}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`${idBase}-tab-${view}`}
          aria-selected={view === current}
          aria-controls={view === current ? `${idBase}-panel-${view}` : undefined}
          tabIndex={view === current ? 0 : -1}
          onClick={() => onChange(view)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {t(`monitoring.tabs.${view}`)}
        </button>
      ))}
    </div>
  );
}

/** One dataset: its overview and versions, the import of a new version, and the Explore and Compare views. */
export function DatasetPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dataset = useDataset(id);
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const [params, setParams] = useSearchParams();
  const idBase = useId().replaceAll(':', '');
  const requested = params.get('view') as View | null;
  const view: View = requested && VIEWS.includes(requested) ? requested : 'overview';
  usePageTitle(dataset.data?.name ?? t('monitoring.title'));
  const setView = (next: View) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('view', next);
        return updated;
      },
      { replace: true },
    );
  if (dataset.isPending) return <LoadingState label={t('common.loading')} />;
  if (dataset.isError) return <QueryError error={dataset.error} onRetry={() => dataset.refetch()} />;
  const data = dataset.data;
  return (
    <>
      <BackLink to="/monitoring">{t('monitoring.back')}</BackLink>
      <h1 dir="auto">{data.name}</h1>
      <p className="muted">
        <bdi>{data.organisationName}</bdi>
        {' · '}
        {data.currentVersion === null ? t('monitoring.noVersion') : t('monitoring.versionNumber', { number: format.number(data.currentVersion) })}
        {data.publishedAt && (
          <>
            {' '}
            <span className="badge badge-published">{t('monitoring.published')}</span>
          </>
        )}
      </p>
      <Tabs current={view} onChange={setView} idBase={idBase} />
      <div className="monitoring-panel" role="tabpanel" id={`${idBase}-panel-${view}`} aria-labelledby={`${idBase}-tab-${view}`} tabIndex={0}>
        {view === 'overview' && <OverviewPanel dataset={data} />}
        {view === 'import' && <ImportPanel dataset={data} />}
        {view === 'explore' && <ExplorePanel dataset={data} />}
        {view === 'compare' && <ComparePanel dataset={data} />}
      </div>
    </>
  );
}
