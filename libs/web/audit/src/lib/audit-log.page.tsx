import { AUDIT_ACTIONS, type AuditEntry, type AuditScopeResponse } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useDateFormatter } from '@simashe/web-i18n';
import { Button, Card, EmptyState, ErrorState, LoadingState, QueryError, SelectField, TextField, usePageTitle } from '@simashe/web-ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  actionLabelKey,
  csvHref,
  currentCursor,
  describeEntry,
  filtersFromParams,
  firstPage,
  newerPage,
  olderPage,
  pageNumber,
  paramsFromFilters,
  type AuditFilterValues,
} from './audit-logic';
import { useAuditPage, useAuditScope } from './queries';

// Labels in one line even when a field below carries a hint.
const TOP_ALIGNED = { alignItems: 'flex-start' } as const;

/** The filters, applied together on submit (typing a name does not fire a request per key). */
function AuditFilters({ scope, filters, timeZone, onApply }: { scope: AuditScopeResponse; filters: AuditFilterValues; timeZone: string; onApply: (next: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  // Starts from the applied filters; the page remounts this form (key) when they change.
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof AuditFilterValues) => (value: string) => setDraft((current) => ({ ...current, [key]: value || undefined }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, actor: draft.actor?.trim() || undefined });
  };
  return (
    <form onSubmit={submit} aria-label={t('audit.filters')}>
      <div className="form-row" style={TOP_ALIGNED}>
        <SelectField
          label={t('audit.organisation')}
          value={draft.organisationId ?? ''}
          onChange={(e) => set('organisationId')(e.target.value)}
          options={[{ value: '', label: t('audit.allOrganisations') }, ...scope.organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <SelectField
          label={t('audit.action')}
          value={draft.action ?? ''}
          onChange={(e) => set('action')(e.target.value)}
          options={[{ value: '', label: t('audit.allActions') }, ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(actionLabelKey(action)) }))]}
        />
        <TextField label={t('audit.actor')} hint={t('audit.actorHint')} value={draft.actor ?? ''} maxLength={200} onChange={(e) => set('actor')(e.target.value)} />
      </div>
      <div className="form-row" style={TOP_ALIGNED}>
        <TextField label={t('audit.from')} type="date" value={draft.from ?? ''} max={draft.to} onChange={(e) => set('from')(e.target.value)} hint={t('audit.datesHint', { timeZone })} />
        <TextField label={t('audit.to')} type="date" value={draft.to ?? ''} min={draft.from} onChange={(e) => set('to')(e.target.value)} />
      </div>
      <div className="button-row">
        <Button type="submit">{t('audit.apply')}</Button>
        <Button variant="secondary" onClick={() => onApply({})}>
          {t('audit.clear')}
        </Button>
        <a className="btn btn-secondary" href={csvHref(filters, timeZone)} download aria-describedby="audit-download-hint">
          {t('audit.downloadCsv')}
        </a>
      </div>
      <p className="field-hint" id="audit-download-hint">
        {t('audit.downloadHint')}
      </p>
    </form>
  );
}

function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.actor.userId === null && entry.actor.email) {
    return (
      <>
        <bdi>{entry.actor.email}</bdi>
        <div className="muted">{t('audit.nobody')}</div>
      </>
    );
  }
  if (!entry.actor.name && !entry.actor.email) return <span className="muted">{t('audit.system')}</span>;
  return (
    <>
      <bdi>{entry.actor.name}</bdi>
      {entry.actor.email && (
        <div className="muted">
          <bdi>{entry.actor.email}</bdi>
        </div>
      )}
    </>
  );
}

/** One filtered view, paged newest first; remounted (back to page 1) whenever the filters change. */
function AuditResults({ filters, timeZone, filtered }: { filters: AuditFilterValues; timeZone: string; filtered: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormatter(timeZone);
  const [trail, setTrail] = useState(firstPage);
  const page = useAuditPage(filters, timeZone, currentCursor(trail));
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // After "newer"/"older", keyboard and screen-reader users land on the top of the new page, not on a button far below.
  useEffect(() => {
    if (moved.current && !page.isPlaceholderData) heading.current?.focus();
  }, [trail, page.isPlaceholderData]);
  const go = (next: typeof trail) => {
    moved.current = true;
    setTrail(next);
  };

  if (page.isPending) return <LoadingState label={t('common.loading')} />;
  if (page.isError) return <QueryError error={page.error} onRetry={() => page.refetch()} />;
  const entries = page.data.items;
  return (
    <section aria-labelledby={headingId} aria-busy={page.isFetching || undefined}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('audit.tableCaption')}
      </h2>
      {entries.length === 0 ? (
        <EmptyState>{filtered || pageNumber(trail) > 1 ? t('audit.empty') : t('audit.emptyAll')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.where')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.occurredAt}>{format(entry.occurredAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
                  </td>
                  <td>
                    <Actor entry={entry} />
                  </td>
                  <td>{t(actionLabelKey(entry.action))}</td>
                  <td>
                    <bdi>{describeEntry(entry, t)}</bdi>
                    {entry.organisation && (
                      <div className="muted">
                        <bdi>{entry.organisation.name}</bdi>
                      </div>
                    )}
                  </td>
                  <td>
                    {entry.ip ? (
                      <bdi dir="ltr">{entry.ip}</bdi>
                    ) : (
                      <span className="muted">{t('audit.unknownAddress')}</span>
                    )}
                    {entry.userAgent && (
                      <div className="muted" dir="ltr" style={{ fontSize: '0.8rem', overflowWrap: 'anywhere', maxInlineSize: '16rem' }}>
                        {entry.userAgent}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="button-row" aria-label={t('audit.pagination')}>
        <Button variant="secondary" disabled={pageNumber(trail) === 1} onClick={() => go(newerPage(trail))}>
          {t('audit.newer')}
        </Button>
        <span role="status">{t('audit.pageStatus', { page: pageNumber(trail), count: entries.length })}</span>
        <Button variant="secondary" disabled={!page.data.nextCursor || page.isPlaceholderData} onClick={() => go(olderPage(trail, page.data.nextCursor))}>
          {t('audit.older')}
        </Button>
      </nav>
    </section>
  );
}

/** The audit log: organisation admins see their organisations', secretariat admins the whole network's. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const scope = useAuditScope();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  usePageTitle(t('audit.title'));

  if (scope.isPending) return <LoadingState label={t('common.loading')} />;
  if (scope.isError) return <QueryError error={scope.error} onRetry={() => scope.refetch()} />;
  if (!scope.data.canRead) return <ErrorState title={t('common.notFoundTitle')} message={t('common.notFoundBody')} />;
  const filtered = Object.values(filters).some(Boolean);
  const filterKey = paramsFromFilters(filters).toString();
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      <p>{scope.data.network ? t('audit.introNetwork') : t('audit.introOrganisations', { names: scope.data.organisations.map((o) => o.name).join(', ') })}</p>
      <Card title={t('audit.filters')}>
        <AuditFilters key={filterKey} scope={scope.data} filters={filters} timeZone={user.timeZone} onApply={(next) => setParams(paramsFromFilters(next), { replace: true })} />
      </Card>
      <AuditResults key={filterKey} filters={filters} timeZone={user.timeZone} filtered={filtered} />
    </>
  );
}
