import type { Report, Version } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Alert, Button, Card, ConfirmDialog, EmptyState, LoadingState, SelectField, TextField } from '@simashe/web-ui';
import { lazy, memo, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { CompareSide } from './compare-logic';
import { useRestoreVersion, useSaveVersion, useVersionContent, useVersions } from './queries';
import { versionLabel } from './version-label';

const VersionViewer = lazy(() => import('./version-viewer').then((module) => ({ default: module.VersionViewer })));
// The comparison (diffing, the read-only editor) loads only when someone compares.
const VersionComparison = lazy(() => import('./version-comparison').then((module) => ({ default: module.VersionComparison })));

/** What is open under a version: its text, or a comparison with the current text or another version. */
type Open = { kind: 'view'; versionId: string } | { kind: 'pick'; versionId: string } | { kind: 'compare'; versionId: string; against: CompareSide };

const triggerId = (versionId: string, against: 'current' | 'other') => `compare-${against}-${versionId}`;

/** Picking the other side of a comparison: a list of the other versions, then Compare. */
function ComparePicker({ version, versions, label, onCompare, onCancel }: { version: Version; versions: Version[]; label: (version: Version) => string; onCompare: (against: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const others = versions.filter((other) => other.id !== version.id);
  // The version just before this one is the usual question ("what changed here?"); else the newest other.
  const index = versions.findIndex((other) => other.id === version.id);
  const [choice, setChoice] = useState(versions[index + 1]?.id ?? others[0]?.id ?? '');
  if (others.length === 0) return <EmptyState>{t('history.compare.noOther')}</EmptyState>;
  return (
    <form
      className="form-row compare-picker"
      onSubmit={(event) => {
        event.preventDefault();
        onCompare(choice);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <SelectField
        label={t('history.compare.pickLabel', { name: label(version) })}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        options={others.map((other) => ({ value: other.id, label: label(other) }))}
        autoFocus
      />
      <div className="button-row">
        <Button type="submit">{t('history.compare.pick')}</Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('history.compare.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * A report's versions: save a named one, view, compare (with the current text or another version), download and
 * restore. `currentDoc` is the live editor's document once synced: comparisons with the current text read it.
 */
export const HistoryCard = memo(function HistoryCard({ report, currentDoc = null }: { report: Report; currentDoc?: Y.Doc | null }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  const versions = useVersions(report.id);
  const save = useSaveVersion(report.id);
  const restore = useRestoreVersion(report.id);
  const [name, setName] = useState('');
  const [open, setOpen] = useState<Open | null>(null);
  const [restoring, setRestoring] = useState<Version | null>(null);
  const returnFocusTo = useRef<string | null>(null);
  const content = useVersionContent(report.id, open?.kind === 'view' ? open.versionId : null);
  const canEdit = report.access === 'edit';
  const error = save.error instanceof ApiError ? save.error : null;

  const label = (version: Version) => versionLabel(version, t);
  const dated = (version: Version) => `${label(version)} · ${format(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}`;
  const toggle = (next: Open) => setOpen(open?.kind === next.kind && open.versionId === next.versionId ? null : next);
  const close = (opener: string) => {
    returnFocusTo.current = opener;
    setOpen(null);
  };

  // Back to the button that opened a comparison or the picker once it closes (focus was inside what unmounted).
  useEffect(() => {
    if (open || !returnFocusTo.current) return;
    document.getElementById(returnFocusTo.current)?.focus();
    returnFocusTo.current = null;
  }, [open]);

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
          {versions.data.items.map((version) => {
            const here = open?.versionId === version.id ? open : null;
            return (
              <li key={version.id}>
                <strong><bdi>{label(version)}</bdi></strong> · {format(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                {version.createdBy && <> · {t('history.by', { name: version.createdBy.name })}</>}
                {version.contributions.length > 0 && (
                  <div className="muted">{version.contributions.map((c) => t('historyPlurals.changes', { name: c.name, count: c.changes })).join(' · ')}</div>
                )}
                <div className="button-row">
                  <Button variant="secondary" aria-expanded={here?.kind === 'view'} onClick={() => toggle({ kind: 'view', versionId: version.id })}>
                    {here?.kind === 'view' ? t('history.hide') : t('history.view')}
                  </Button>
                  <Button
                    id={triggerId(version.id, 'current')}
                    variant="secondary"
                    aria-expanded={here?.kind === 'compare' && here.against === 'current'}
                    onClick={() => toggle({ kind: 'compare', versionId: version.id, against: 'current' })}
                  >
                    {t('history.compare.withCurrent')}
                  </Button>
                  <Button
                    id={triggerId(version.id, 'other')}
                    variant="secondary"
                    aria-expanded={here?.kind === 'pick' || (here?.kind === 'compare' && here.against !== 'current')}
                    onClick={() => toggle({ kind: 'pick', versionId: version.id })}
                  >
                    {t('history.compare.withOther')}
                  </Button>
                  <a className="btn btn-secondary" href={`/api/reports/${report.id}/export?format=pdf&versionId=${version.id}`} download>
                    {t('export.versionPdf')}
                  </a>
                  {canEdit && (
                    <Button
                      variant="secondary"
                      busy={restore.isPending}
                      onClick={() => setRestoring(version)}
                    >
                      {t('history.restore')}
                    </Button>
                  )}
                </div>
                {here?.kind === 'view' && (
                  <Suspense fallback={<LoadingState label={t('common.loading')} />}>
                    {content.data ? <VersionViewer content={content.data.content} label={label(version)} /> : <LoadingState label={t('common.loading')} />}
                  </Suspense>
                )}
                {here?.kind === 'pick' && (
                  <ComparePicker
                    version={version}
                    versions={versions.data.items}
                    label={dated}
                    onCompare={(against) => setOpen({ kind: 'compare', versionId: version.id, against })}
                    onCancel={() => close(triggerId(version.id, 'other'))}
                  />
                )}
                {here?.kind === 'compare' && (
                  <Suspense fallback={<LoadingState label={t('history.compare.loading')} />}>
                    <VersionComparison
                      // A fresh comparison (and a fresh read of the current text) whenever what is compared changes.
                      key={`${here.against}-${currentDoc ? 'live' : 'none'}`}
                      reportId={report.id}
                      versions={versions.data.items}
                      from={version.id}
                      against={here.against}
                      currentDoc={currentDoc}
                      onClose={() => close(triggerId(version.id, here.against === 'current' ? 'current' : 'other'))}
                    />
                  </Suspense>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <ConfirmDialog
        open={restoring !== null}
        title={t('history.restore')}
        message={restoring ? t('history.confirmRestore', { name: label(restoring) }) : ''}
        confirmLabel={t('history.restore')}
        onConfirm={() => {
          if (restoring) restore.mutate(restoring.id);
          setRestoring(null);
        }}
        onCancel={() => setRestoring(null)}
      />
    </Card>
  );
});
