import { disaggregatedBarOption, disaggregatedDotOption, measureTrendOption, orderSubgroups, rowInterval } from '@simashe/charts';
import type { Dataset, DatasetRow, SummaryMeasure } from '@simashe/contracts';
import { MAX_SERVED_ROWS } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useFormatters } from '@simashe/web-i18n';
import { Alert, Card, EmptyState, LoadingState, QueryError } from '@simashe/web-ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoicePickers, MeasurePicker, useChoice, useMonitoringLabels } from './choice';
import { EChart } from './echart';
import { reasonText, type Choice } from './monitoring-logic';
import { exportUrl, useCatalogue, useMeasures, useRows } from './queries';

/** Values and intervals in one format across the section (the charts' own, at most 2 decimals). */
function useNumber() {
  const { labels } = useMonitoringLabels();
  return (value: number | null) => (value === null ? '' : labels.number(value));
}

function DataTable({ rows }: { rows: DatasetRow[] }) {
  const { t } = useTranslation();
  const number = useNumber();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  return (
    <div className="table-scroll" role="region" aria-label={t('monitoring.explore.dataTable')} tabIndex={0}>
      <table className="data-table stacked-table">
        <thead>
          <tr>
            <th scope="col">{t('monitoring.explore.subgroup')}</th>
            <th scope="col">{t('monitoring.explore.estimate')}</th>
            <th scope="col">{t('monitoring.explore.interval')}</th>
            <th scope="col">{t('monitoring.explore.population')}</th>
            <th scope="col">{t('monitoring.explore.flag')}</th>
            <th scope="col">{t('monitoring.explore.source')}</th>
          </tr>
        </thead>
        <tbody>
          {orderSubgroups(rows).map((row) => {
            const interval = rowInterval(row);
            return (
              <tr key={`${row.subgroup}|${row.date}`}>
                <th scope="row">
                  <bdi>{row.reference ? t('monitoring.chart.reference', { name: row.subgroup }) : row.subgroup}</bdi>
                </th>
                <td className="numeric" data-label={t('monitoring.explore.estimate')}>
                  {number(row.estimate)}
                </td>
                <td className="numeric" data-label={t('monitoring.explore.interval')}>
                  {interval ? `${number(interval[0])} – ${number(interval[1])}` : ''}
                </td>
                <td className="numeric" data-label={t('monitoring.explore.population')}>
                  {row.population === null ? '' : format.number(row.population, { maximumFractionDigits: 0 })}
                </td>
                <td data-label={t('monitoring.explore.flag')}>{row.flag && <bdi>{row.flag}</bdi>}</td>
                <td data-label={t('monitoring.explore.source')}>
                  <bdi>{row.source}</bdi>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function MeasuresTable({ items, year }: { items: SummaryMeasure[]; year: string }) {
  const { t } = useTranslation();
  const number = useNumber();
  return (
    <div className="table-scroll" role="region" aria-label={t('monitoring.explore.measuresTable', { year })} tabIndex={0}>
      <table className="data-table stacked-table">
        <thead>
          <tr>
            <th scope="col">{t('monitoring.explore.measure')}</th>
            <th scope="col">{t('monitoring.explore.value')}</th>
            <th scope="col">{t('monitoring.explore.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.measure}>
              <th scope="row">
                {t(`monitoring.measureNames.${item.measure}`)}
                <span className="measure-description">{t(`monitoring.measureDescriptions.${item.measure}`)}</span>
              </th>
              {item.value === null ? (
                <td colSpan={2} className="muted">
                  {reasonText(t, item)}
                </td>
              ) : (
                <>
                  <td className="numeric" data-label={t('monitoring.explore.value')}>
                    {number(item.value)}
                  </td>
                  <td className="numeric" data-label={t('monitoring.explore.interval')}>
                    {item.lower !== null && item.upper !== null ? `${number(item.lower)} – ${number(item.upper)}` : item.reasonCode ? <span className="muted">{reasonText(t, item)}</span> : ''}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Downloads({ dataset, choice, version }: { dataset: Dataset; choice: Choice; version: number }) {
  const { t } = useTranslation();
  const base = { version, indicator: choice.indicator, dimension: choice.dimension, setting: choice.setting };
  return (
    <p className="downloads">
      <span>{t('monitoring.explore.download')}:</span>{' '}
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={`data-${format}`} href={exportUrl(dataset.id, { ...base, format, table: 'data' })} download>
          {t('monitoring.explore.downloadData', { format: format.toUpperCase() })}
        </a>
      ))}
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={`measures-${format}`} href={exportUrl(dataset.id, { ...base, format, table: 'measures' })} download>
          {t('monitoring.explore.downloadMeasures', { format: format.toUpperCase() })}
        </a>
      ))}
    </p>
  );
}

/** Explore: one setting's indicator by a dimension in one year (bars and dots with intervals), its trend, the tables. */
export function ExplorePanel({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const version = dataset.currentVersion;
  const catalogue = useCatalogue(dataset.id, version);
  const { choice, measure, offered, set } = useChoice(catalogue.data);
  const { labels, rtl } = useMonitoringLabels();
  const number = useNumber();
  const ready = version !== null && choice !== null && choice.indicator !== '';
  const rows = useRows(dataset.id, ready ? { version, indicator: choice.indicator, dimension: choice.dimension, setting: choice.setting, date: choice.date ?? undefined } : null);
  const measures = useMeasures(dataset.id, ready ? { version, indicator: choice.indicator, dimension: choice.dimension, setting: choice.setting } : null);
  const items = useMemo(() => rows.data?.items ?? [], [rows.data]);
  const bars = useMemo(() => disaggregatedBarOption(items, labels, { rtl }), [items, labels, rtl]);
  const dots = useMemo(() => disaggregatedDotOption(items, labels, { rtl }), [items, labels, rtl]);
  const trend = useMemo(() => measureTrendOption(measures.data?.items ?? [], measure, labels, { rtl }), [measures.data, measure, labels, rtl]);

  if (version === null) return <EmptyState>{t('monitoring.explore.noData')}</EmptyState>;
  if (catalogue.isPending) return <LoadingState label={t('common.loading')} />;
  if (catalogue.isError) return <QueryError error={catalogue.error} onRetry={() => catalogue.refetch()} />;
  if (!choice || !ready) return <EmptyState>{t('monitoring.explore.noData')}</EmptyState>;

  const indicatorName = catalogue.data.indicators.find((i) => i.abbr === choice.indicator)?.name ?? choice.indicator;
  const year = choice.date === null ? '' : labels.year(choice.date);
  const chartLabel = t('monitoring.explore.chartLabel', { indicator: indicatorName, dimension: choice.dimension, setting: choice.setting, year, interpolation: { escapeValue: false } });
  const yearMeasures = (measures.data?.items ?? []).filter((item) => item.date === choice.date && offered.includes(item.measure));
  const hasTrend = (measures.data?.items ?? []).some((item) => item.measure === measure && item.value !== null);

  return (
    <>
      <ChoicePickers catalogue={catalogue.data} choice={choice} set={set} show={{ setting: true, year: true }} />
      <Downloads dataset={dataset} choice={choice} version={version} />
      {rows.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : rows.isError ? (
        <QueryError error={rows.error} onRetry={() => rows.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('monitoring.explore.noRows')}</EmptyState>
      ) : (
        <>
          <div className="chart-grid">
            <Card title={t('monitoring.explore.bars')} headingLevel={3}>
              <EChart option={bars} label={`${t('monitoring.explore.bars')}: ${chartLabel}`} />
            </Card>
            <Card title={t('monitoring.explore.dots')} headingLevel={3}>
              <EChart option={dots} label={`${t('monitoring.explore.dots')}: ${chartLabel}`} />
            </Card>
          </div>
          <p className="muted">{t('monitoring.explore.referenceNote')}</p>
          {rows.data?.truncated && <Alert kind="info">{t('monitoring.explore.truncated', { count: MAX_SERVED_ROWS })}</Alert>}
          <Card title={t('monitoring.explore.dataTable')} headingLevel={3}>
            <p className="muted">
              <bdi>{indicatorName}</bdi>
              {' · '}
              {catalogue.data.indicators.find((i) => i.abbr === choice.indicator)?.favourable ? t('monitoring.explore.favourable') : t('monitoring.explore.adverse')}
              {' · '}
              {catalogue.data.dimensions.find((d) => d.name === choice.dimension)?.ordered ? t('monitoring.explore.ordered') : t('monitoring.explore.notOrdered')}
              {' · '}
              {t('monitoring.chart.settingAverage')}: {number(items.find((row) => row.settingAverage !== null)?.settingAverage ?? null)}
            </p>
            <DataTable rows={items} />
          </Card>
        </>
      )}
      <Card title={t('monitoring.explore.trend')} headingLevel={3}>
        <MeasurePicker label={t('monitoring.explore.measure')} value={measure} offered={offered} onChange={(next) => set('measure', next)} />
        {measures.isPending ? (
          <LoadingState label={t('common.loading')} />
        ) : measures.isError ? (
          <Alert kind="error">{t('monitoring.explore.measuresUnavailable', { message: measures.error.message })}</Alert>
        ) : hasTrend ? (
          <EChart
            option={trend}
            label={t('monitoring.explore.trendLabel', { measure: t(`monitoring.measureNames.${measure}`), indicator: indicatorName, dimension: choice.dimension, setting: choice.setting, interpolation: { escapeValue: false } })}
          />
        ) : (
          <EmptyState>{t('monitoring.explore.noTrend')}</EmptyState>
        )}
      </Card>
      {measures.data && yearMeasures.length > 0 && (
        <Card title={t('monitoring.explore.measuresTable', { year })} headingLevel={3}>
          <MeasuresTable items={yearMeasures} year={year} />
        </Card>
      )}
    </>
  );
}
