import type { Report, Version } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Alert, Button, Card, EmptyState, LoadingState, TextField } from '@simashe/web-ui';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRestoreVersion, useSaveVersion, useVersionContent, useVersions } from './queries';

const VersionViewer = lazy(() => import('./version-viewer').then((module) => ({ default: module.VersionViewer })));

export function HistoryCard({ report }: { report: Report }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  const versions = useVersions(report.id);
  const save = useSaveVersion(report.id);
  const restore = useRestoreVersion(report.id);
  const [name, setName] = useState('');
  const [viewing, setViewing] = useState<string | null>(null);
  const content = useVersionContent(report.id, viewing);
  const canEdit = report.access === 'edit';
  const error = save.error instanceof ApiError ? save.error : null;

  const label = (version: Version) =>
    version.name ?? (version.kind === 'auto' ? t('history.automatic') : t('history.restoreKind'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(name, { onSuccess: () => setName('') });
  };

  return (
    <Card title={t('history.title')}>
      {restore.isSuccess && <Alert kind="success">{t('history.restored')}</Alert>}
      {restore.error && <Alert kind="error">{restore.error.message}</Alert>}
      {canEdit && (
        <form className="form-row" onSubmit={submit} noValidate>
          <TextField label={t('history.versionName')} value={name} onChange={(e) => setName(e.target.value)} error={error?.fieldError('name')} />
          <Button type="submit" variant="secondary" busy={save.isPending} disabled={!name.trim()}>
            {t('history.save')}
          </Button>
        </form>
      )}
      {versions.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : !versions.data?.items.length ? (
        <EmptyState>{t('history.empty')}</EmptyState>
      ) : (
        <ol className="versions">
          {versions.data.items.map((version) => (
            <li key={version.id}>
              <strong>{label(version)}</strong> · {format(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              {version.createdBy && <> · {t('history.by', { name: version.createdBy.name })}</>}
              {version.contributions.length > 0 && (
                <div className="muted">{version.contributions.map((c) => t('history.changes', { name: c.name, count: c.changes })).join(' · ')}</div>
              )}
              <div className="button-row">
                <Button variant="secondary" aria-expanded={viewing === version.id} onClick={() => setViewing(viewing === version.id ? null : version.id)}>
                  {viewing === version.id ? t('history.hide') : t('history.view')}
                </Button>
                <a className="btn btn-secondary" href={`/api/reports/${report.id}/export?format=pdf&versionId=${version.id}`} download>
                  {t('export.versionPdf')}
                </a>
                {canEdit && (
                  <Button
                    variant="secondary"
                    busy={restore.isPending}
                    onClick={() => {
                      if (window.confirm(t('history.confirmRestore', { name: label(version) }))) restore.mutate(version.id);
                    }}
                  >
                    {t('history.restore')}
                  </Button>
                )}
              </div>
              {viewing === version.id && (
                <Suspense fallback={<LoadingState label={t('common.loading')} />}>
                  {content.data ? <VersionViewer content={content.data.content} label={label(version)} /> : <LoadingState label={t('common.loading')} />}
                </Suspense>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
