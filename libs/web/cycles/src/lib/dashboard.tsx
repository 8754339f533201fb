import { DETERMINANTS, SECTORS, type Dashboard, type DashboardFilters } from '@simashe/contracts';
import { dashboardLabels } from '@simashe/charts';
import { queryString } from '@simashe/web-api-client';
import { formatNumber, useLanguage } from '@simashe/web-i18n';
import { Card, EmptyState, LoadingState, QueryError, SelectField } from '@simashe/web-ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { activityOption, burndownOption, STAGE_COLOURS, stageDistributionOption, type DashboardLabels } from './cycle-logic';
import { EChart, echarts } from './echart';
import { StageBadge } from './common';
import { useDashboard } from './queries';
import { MAP_STAGES, registerWorldMap, worldMapOption } from './world-map';

const REGIONS = ['AFRO', 'AMRO', 'SEARO', 'EURO', 'EMRO', 'WPRO'] as const;

/** The dashboard charts' words, numbers and dates in the interface language: the same labels the API's PDF export uses. */
export function useDashboardLabels(): DashboardLabels {
  const language = useLanguage();
  return useMemo(() => dashboardLabels(language), [language]);
}

/** The table of pathfinders: what each shows, with a link to drill down. */
export function DashboardTable({ dashboard, onDrill }: { dashboard: Dashboard; onDrill?: (organisationId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{t('cycles.dashboard.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cycles.dashboard.pathfinder')}</th>
            <th scope="col">{t('cycles.dashboard.stage')}</th>
            <th scope="col">{t('cycles.dashboard.daysInStage')}</th>
            <th scope="col">{t('cycles.dashboard.overdue')}</th>
            <th scope="col">{t('cycles.dashboard.lastReport')}</th>
            <th scope="col">{t('cycles.dashboard.meetings90')}</th>
            <th scope="col">{t('cycles.dashboard.attendance90')}</th>
            <th scope="col">{t('cycles.dashboard.lessons')}</th>
            <th scope="col">{t('cycles.dashboard.signals')}</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.rows.map((row) => (
            <tr key={row.organisationId}>
              <th scope="row">
                {onDrill ? (
                  <button type="button" className="link-button" onClick={() => onDrill(row.organisationId)}>
                    <bdi>{row.organisationName}</bdi>
                  </button>
                ) : (
                  row.organisationName
                )}
                <div className="muted">{t('cycles.dashboard.initiativesCount', { count: row.initiatives })}</div>
              </th>
              <td><StageBadge stage={row.stage} /></td>
              <td>{row.daysInStage ?? '—'}</td>
              <td className={row.overdueMilestones > 0 ? 'overdue' : undefined}>{row.overdueMilestones}</td>
              <td>
                {row.lastReport ? (
                  <>
                    <Link to={`/reports/${row.lastReport.id}`}>{row.lastReport.title}</Link>
                    <div className="muted">{t(`reports.status.${row.lastReport.status}`, { defaultValue: row.lastReport.status })}</div>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>{row.meetingsHeld90}</td>
              <td>{row.attendanceRate90 === null ? '—' : formatNumber(row.attendanceRate90, i18n.language, { style: 'percent' })}</td>
              <td>{row.lessonsPublished}</td>
              <td>
                {row.measuresImproving > 0 && <span className="badge signal-improvement">{t('cycles.dashboard.improving', { count: row.measuresImproving })}</span>}{' '}
                {row.measuresConcerning > 0 && <span className="badge signal-concern">{t('cycles.dashboard.concerning', { count: row.measuresConcerning })}</span>}
                {row.measuresImproving === 0 && row.measuresConcerning === 0 && <span className="muted">{t('cycles.dashboard.noSignal')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * On screen a legend keeps one row, paged when it does not fit (a phone): wrapped onto a second row it lay over the
 * plot's top value. (Not in the PDF, where a page of the legend would be all there is.)
 */
export function pagedLegend(option: Record<string, unknown>): Record<string, unknown> {
  return { ...option, legend: { ...(option['legend'] as object), type: 'scroll' } };
}

export function DashboardCharts({ dashboard, onCountry }: { dashboard: Dashboard; onCountry?: (organisationId: string) => void }) {
  const { t, i18n } = useTranslation();
  const labels = useDashboardLabels();
  registerWorldMap((name, geoJson) => echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]));
  const rtl = i18n.dir() === 'rtl';
  const map = useMemo(() => worldMapOption(dashboard.rows, labels.stage, rtl), [dashboard, labels, rtl]);
  const stages = useMemo(() => stageDistributionOption(dashboard, labels), [dashboard, labels]);
  const burndown = useMemo(() => pagedLegend(burndownOption(dashboard, labels)), [dashboard, labels]);
  const activity = useMemo(() => pagedLegend(activityOption(dashboard, labels)), [dashboard, labels]);
  const byIso2 = new Map(dashboard.rows.map((row) => [row.countryIso2, row.organisationId]));
  return (
    <div className="dashboard-grid">
      <Card title={t('cycles.dashboard.map')}>
        <EChart option={map} label={t('cycles.dashboard.mapLabel')} height={290} onClick={(iso2) => byIso2.get(iso2) && onCountry?.(byIso2.get(iso2) as string)} />
        <ul className="map-legend">
          {MAP_STAGES.map((stage) => (
            <li key={stage}>
              <span className="map-swatch" style={{ backgroundColor: STAGE_COLOURS[stage] }} aria-hidden="true" />
              {labels.stage(stage)}
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('cycles.dashboard.stageDistribution')}>
        <EChart option={stages} label={t('cycles.dashboard.stageDistribution')} />
      </Card>
      <Card title={t('cycles.dashboard.burndown')}>
        <EChart option={burndown} label={t('cycles.dashboard.burndownLabel')} />
      </Card>
      <Card title={t('cycles.dashboard.activity')}>
        <EChart option={activity} label={t('cycles.dashboard.activityLabel')} />
      </Card>
    </div>
  );
}

/** Regional offices see their region, the secretariat the whole network: the API decides which rows come back. */
export function DashboardSection({ filters, onFilters }: { filters: DashboardFilters; onFilters: (next: DashboardFilters) => void }) {
  const { t } = useTranslation();
  const dashboard = useDashboard(filters);
  const set = (key: keyof DashboardFilters) => (value: string) => onFilters({ ...filters, [key]: value || undefined });
  const exportQuery = queryString(filters);
  const language = useLanguage();
  return (
    <section aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">{t('cycles.dashboard.title')}</h2>
      <div className="form-row no-print">
        <SelectField label={t('cycles.dashboard.region')} value={filters.region ?? ''} onChange={(e) => set('region')(e.target.value)} options={[{ value: '', label: t('cycles.any') }, ...REGIONS.map((r) => ({ value: r, label: r }))]} />
        <SelectField label={t('lessons.determinant.label')} value={filters.determinant ?? ''} onChange={(e) => set('determinant')(e.target.value)} options={[{ value: '', label: t('cycles.any') }, ...DETERMINANTS.map((d) => ({ value: d, label: t(`lessons.determinant.${d}`) }))]} />
        <SelectField label={t('lessons.sector.label')} value={filters.sector ?? ''} onChange={(e) => set('sector')(e.target.value)} options={[{ value: '', label: t('cycles.any') }, ...SECTORS.map((s) => ({ value: s, label: t(`lessons.sector.${s}`) }))]} />
      </div>
      <div className="button-row no-print">
        {filters.organisationId && (
          <button type="button" className="btn btn-secondary" onClick={() => onFilters({ ...filters, organisationId: undefined })}>
            {t('cycles.dashboard.allPathfinders')}
          </button>
        )}
        <a className="btn btn-secondary" href={`/api/cycles-dashboard/export${exportQuery ? `${exportQuery}&` : '?'}format=csv&lang=${language}`} download>
          {t('cycles.dashboard.exportCsv')}
        </a>
        <a className="btn btn-secondary" href={`/api/cycles-dashboard/export${exportQuery ? `${exportQuery}&` : '?'}format=pdf&lang=${language}`} download>
          {t('cycles.dashboard.exportPdf')}
        </a>
        <Link className="btn btn-secondary" to={`/cycles/dashboard/print${exportQuery}`}>
          {t('cycles.dashboard.printable')}
        </Link>
      </div>
      {dashboard.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : dashboard.isError ? (
        <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : dashboard.data.rows.length === 0 ? (
        <EmptyState>{t('cycles.dashboard.empty')}</EmptyState>
      ) : (
        <>
          <DashboardCharts dashboard={dashboard.data} onCountry={(organisationId) => onFilters({ ...filters, organisationId })} />
          <Card title={t('cycles.dashboard.pathfinders')}>
            <DashboardTable dashboard={dashboard.data} onDrill={(organisationId) => onFilters({ ...filters, organisationId })} />
          </Card>
        </>
      )}
    </section>
  );
}
