import { REPORT_STATUSES, WHO_REGION_CODES, type ListReportsQuery, type Report, type ReportStatus } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, Card, EmptyState, LoadingState, QueryError, SelectField, TextField } from '@simashe/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCreateReport, useReports, useTemplates } from './queries';

export function ReportRow({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td>
        <Link to={`/reports/${report.id}`}>{report.title}</Link>
      </td>
      <td>{report.organisationName}</td>
      <td dir="ltr">{t('reports.period', { start: report.periodStart, end: report.periodEnd })}</td>
      <td>
        <span className={`badge status-${report.status}`}>{t(`reports.status.${report.status}`)}</span>
        {report.archived && <> <span className="badge">{t('reports.archived')}</span></>}
        {report.access === 'read' && <> <span className="badge">{t('reports.readOnly')}</span></>}
      </td>
    </tr>
  );
}

export function ReportTable({ items }: { items: Report[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('reports.reportTitle')}</th>
            <th scope="col">{t('reports.organisation')}</th>
            <th scope="col">{t('reports.period', { start: t('reports.periodStart'), end: t('reports.periodEnd') })}</th>
            <th scope="col">{t('reports.statusHeading')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((report) => (
            <ReportRow key={report.id} report={report} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateReportCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const writable = (organisations.data?.items ?? []).filter(
    (o) => o.relation === 'member' && (o.myRole === 'admin' || o.myRole === 'editor') && (o.kind === 'country_pathfinder' || o.kind === 'core_partner'),
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
  const template = templateId || templates.data?.items.find((x) => x.name === 'SIMASHE progress report')?.id || templates.data?.items[0]?.id || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ organisationId: chosen, title, periodStart, periodEnd, templateId: template }, { onSuccess: (report) => navigate(`/reports/${report.id}`) });
  };

  return (
    <Card title={t('reports.new')}>
      {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <SelectField label={t('reports.organisation')} value={chosen} onChange={(e) => setOrganisationId(e.target.value)} options={writable.map((o) => ({ value: o.id, label: o.name }))} />
          <TextField label={t('reports.reportTitle')} value={title} onChange={(e) => setTitle(e.target.value)} required error={error?.fieldError('title')} />
        </div>
        <div className="form-row">
          <TextField label={t('reports.periodStart')} type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} error={error?.fieldError('periodStart')} />
          <TextField label={t('reports.periodEnd')} type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} error={error?.fieldError('periodEnd')} />
          <SelectField
            label={t('reports.template')}
            value={template}
            onChange={(e) => setTemplateId(e.target.value)}
            options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </div>
        <Button type="submit" busy={create.isPending}>
          {t('reports.create')}
        </Button>
      </form>
    </Card>
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const [filters, setFilters] = useState<ListReportsQuery>({});
  const reports = useReports(filters);
  const set = (key: keyof ListReportsQuery, value: string) => setFilters((current) => ({ ...current, [key]: value || undefined }));

  useEffect(() => {
    document.title = `${t('reports.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <CreateReportCard />
      <Card title={t('reports.filters')}>
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
      {reports.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : reports.isError ? (
        <QueryError error={reports.error} onRetry={() => reports.refetch()} />
      ) : reports.data.items.length === 0 ? (
        <EmptyState>{t('reports.empty')}</EmptyState>
      ) : (
        <ReportTable items={reports.data.items} />
      )}
    </>
  );
}
