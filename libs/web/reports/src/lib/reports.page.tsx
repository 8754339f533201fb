import { REPORT_STATUSES, WHO_REGION_CODES, type Report, type ReportListFilters, type ReportStatus } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useFormatters } from '@simashe/web-i18n';
import { ApiError } from '@simashe/web-api-client';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, Card, Dialog, EmptyState, LoadingState, QueryError, SelectField, TextField } from '@simashe/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCreateReport, useReports, useTemplates } from './queries';
import { nextSort, type SortColumn } from './report-list';

export function ReportRow({ report, showDetails = false }: { report: Report; showDetails?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters(useCurrentUser().timeZone);
  return (
    <tr>
      <td>
        <Link to={`/reports/${report.id}`}>
          <bdi>{report.title}</bdi>
        </Link>
      </td>
      <td>
        <bdi>{report.organisationName}</bdi>
      </td>
      {showDetails && (
        <>
          <td>
            <bdi>{report.createdBy?.name ?? t('reportWorkflow.unknownAuthor')}</bdi>
          </td>
          <td>
            <time dateTime={report.lastEditedAt}>{format.dateTime(report.lastEditedAt)}</time>
          </td>
        </>
      )}
      <td dir="auto">{t('reports.period', { start: format.calendarDate(report.periodStart), end: format.calendarDate(report.periodEnd) })}</td>
      <td>
        <span className={`badge status-${report.status}`}>{t(`reports.status.${report.status}`)}</span>
        {report.archived && <> <span className="badge">{t('reports.archived')}</span></>}
        {report.access === 'read' && <> <span className="badge">{t('reports.readOnly')}</span></>}
      </td>
    </tr>
  );
}

function SortHeader({ column, label, sorting, onSort }: { column: SortColumn; label: string; sorting?: { sort: SortColumn; order: 'asc' | 'desc' }; onSort?: (column: SortColumn) => void }) {
  const { t } = useTranslation();
  if (!sorting || !onSort) return <th scope="col">{label}</th>;
  const active = sorting.sort === column;
  return (
    <th scope="col" aria-sort={active ? (sorting.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)} aria-label={t('reportWorkflow.sortBy', { column: label })}>
        {label} {active ? (sorting.order === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );
}

export function ReportTable({
  items,
  sorting,
  onSort,
}: {
  items: Report[];
  /** With both, the headers sort the list and the author and last-edited columns show. */
  sorting?: { sort: SortColumn; order: 'asc' | 'desc' };
  onSort?: (column: SortColumn) => void;
}) {
  const { t } = useTranslation();
  const details = Boolean(sorting && onSort);
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <SortHeader column="title" label={t('reports.reportTitle')} sorting={sorting} onSort={onSort} />
            <SortHeader column="organisation" label={t('reports.organisation')} sorting={sorting} onSort={onSort} />
            {details && (
              <>
                <SortHeader column="author" label={t('reportWorkflow.author')} sorting={sorting} onSort={onSort} />
                <SortHeader column="lastEdited" label={t('reportWorkflow.lastEdited')} sorting={sorting} onSort={onSort} />
              </>
            )}
            <SortHeader column="period" label={t('reports.period', { start: t('reports.periodStart'), end: t('reports.periodEnd') })} sorting={sorting} onSort={onSort} />
            <SortHeader column="status" label={t('reports.statusHeading')} sorting={sorting} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {items.map((report) => (
            <ReportRow key={report.id} report={report} showDetails={details} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateReportForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const writable = (organisations.data?.items ?? []).filter(
    (o) => canWriteIn(o) && (o.kind === 'country_pathfinder' || o.kind === 'core_partner'),
  );
  const [organisationId, setOrganisationId] = useState('');
  const chosen = organisationId || writable[0]?.id || '';
  const templates = useTemplates(chosen || undefined);
  const [templateId, setTemplateId] = useState('');
  const year = new Date().getFullYear();
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState(`${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(`${year}-06-30`);
  const create = useCreateReport();
  const error = create.error instanceof ApiError ? create.error : null;
  if (writable.length === 0) return null;
  const template = templateId || templates.data?.items.find((x) => x.key === 'progress')?.id || templates.data?.items[0]?.id || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ organisationId: chosen, title, periodStart, periodEnd, templateId: template }, { onSuccess: (report) => navigate(`/reports/${report.id}`) });
  };

  return (
    <>
      {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <SelectField label={t('reports.organisation')} value={chosen} onChange={(e) => setOrganisationId(e.target.value)} options={writable.map((o) => ({ value: o.id, label: o.name }))} />
          <TextField label={t('reports.reportTitle')} value={title} onChange={(e) => setTitle(e.target.value)} required error={error?.fieldError('title')} data-autofocus />
        </div>
        <div className="form-row">
          <TextField label={t('reports.periodStart')} type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} error={error?.fieldError('periodStart')} />
          <TextField label={t('reports.periodEnd')} type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} error={error?.fieldError('periodEnd')} />
        </div>
        {/* A row of its own: template names run long (French, Spanish), and a narrow select cut them off. */}
        <div className="form-row">
          <SelectField
            label={t('reports.template')}
            value={template}
            onChange={(e) => setTemplateId(e.target.value)}
            options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.key ? t(`polish.templates.${x.key}`) : x.name }))}
          />
        </div>
        <div className="button-row">
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" busy={create.isPending}>
            {t('reports.create')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Whether the person may start a report anywhere: then the list offers "New report". */
function useWritableOrganisations() {
  const organisations = useOrganisations();
  return (organisations.data?.items ?? []).filter(
    (o) => canWriteIn(o) && (o.kind === 'country_pathfinder' || o.kind === 'core_partner'),
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const writable = useWritableOrganisations();
  const [creating, setCreating] = useState(false);
  const [filters, setFilters] = useState<ReportListFilters>({ sort: 'period', order: 'desc', page: 1, pageSize: 50 });
  const reports = useReports(filters);
  // Any filter change starts again at the first page.
  const set = (key: keyof ReportListFilters, value: string) => setFilters((current) => ({ ...current, page: 1, [key]: value || undefined }));
  const sorting = { sort: filters.sort ?? 'period', order: filters.order ?? 'desc' };
  const pages = reports.data ? Math.max(1, Math.ceil(reports.data.total / reports.data.pageSize)) : 1;
  const page = filters.page ?? 1;

  useEffect(() => {
    document.title = `${t('reports.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <div className="page-heading">
        <h1>{t('reports.title')}</h1>
        {writable.length > 0 && <Button onClick={() => setCreating(true)}>{t('reportWorkflow.newReport')}</Button>}
      </div>
      <Dialog open={creating} title={t('reports.new')} onClose={() => setCreating(false)}>
        <CreateReportForm onCancel={() => setCreating(false)} />
      </Dialog>
      {reports.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : reports.isError ? (
        <QueryError error={reports.error} onRetry={() => reports.refetch()} />
      ) : reports.data.items.length === 0 ? (
        <EmptyState>{filters.toReview === 'true' ? t('reportWorkflow.noneToReview') : t('reports.empty')}</EmptyState>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('reportWorkflow.count', { count: reports.data.total })}
          </p>
          <ReportTable items={reports.data.items} sorting={sorting} onSort={(column) => setFilters((current) => ({ ...current, page: 1, ...nextSort(sorting, column) }))} />
          {pages > 1 && (
            <nav className="pager" aria-label={t('reportWorkflow.page', { page, pages })}>
              <Button variant="secondary" disabled={page <= 1} onClick={() => setFilters((current) => ({ ...current, page: page - 1 }))}>
                {t('reportWorkflow.previous')}
              </Button>
              <span>{t('reportWorkflow.page', { page, pages })}</span>
              <Button variant="secondary" disabled={page >= pages} onClick={() => setFilters((current) => ({ ...current, page: page + 1 }))}>
                {t('reportWorkflow.next')}
              </Button>
            </nav>
          )}
        </>
      )}
      <Card title={t('reports.filters')}>
        <label className="checkbox">
          <input type="checkbox" checked={filters.toReview === 'true'} onChange={(e) => set('toReview', e.target.checked ? 'true' : '')} /> {t('reportWorkflow.toReviewOnly')}
        </label>
        <div className="form-row">
          <SelectField
            label={t('reports.organisation')}
            value={filters.organisationId ?? ''}
            onChange={(e) => set('organisationId', e.target.value)}
            options={[{ value: '', label: t('reports.allOrganisations') }, ...(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]}
          />
          <SelectField
            label={t('organisation.region')}
            value={filters.region ?? ''}
            onChange={(e) => set('region', e.target.value)}
            options={[{ value: '', label: t('reports.allRegions') }, ...WHO_REGION_CODES.map((code) => ({ value: code, label: code }))]}
          />
          <SelectField
            label={t('reports.statusHeading')}
            value={filters.status ?? ''}
            onChange={(e) => set('status', e.target.value as ReportStatus)}
            options={[{ value: '', label: t('reports.allStatuses') }, ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))]}
          />
          <TextField label={t('reports.year')} type="number" min={2000} max={2100} placeholder={t('reports.anyYear')} value={filters.year ?? ''} onChange={(e) => set('year', e.target.value)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={filters.archived === 'true'} onChange={(e) => set('archived', e.target.checked ? 'true' : '')} /> {t('reports.showArchived')}
        </label>
      </Card>
    </>
  );
}
