import { comparisonScatterOption } from '@simashe/charts';
import type { Dataset } from '@simashe/contracts';
import { Alert, Card, EmptyState, LoadingState, QueryError, SelectField } from '@simashe/web-ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoicePickers, MeasurePicker, useChoice, useMonitoringLabels } from './choice';
import { EChart } from './echart';
import { reasonText } from './monitoring-logic';
import { useCatalogue, useComparison } from './queries';

/** Compare: every setting's average against its inequality in one year, the chosen setting highlighted. */
export function ComparePanel({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const version = dataset.currentVersion;
  const catalogue = useCatalogue(dataset.id, version);
  const { choice, measure, offered, set } = useChoice(catalogue.data);
  const { labels, rtl } = useMonitoringLabels();
  const ready = version !== null && choice !== null && choice.indicator !== '';
  const comparison = useComparison(dataset.id, ready ? { version, indicator: choice.indicator, dimension: choice.dimension, date: choice.date ?? undefined, measure } : null);
  const option = useMemo(() => (comparison.data ? comparisonScatterOption(comparison.data, labels, { highlight: choice?.setting, rtl }) : null), [comparison.data, labels, choice?.setting, rtl]);
  const number = (value: number | null) => (value === null ? '' : labels.number(value));

  if (version === null) return <EmptyState>{t('monitoring.explore.noData')}</EmptyState>;
  if (catalogue.isPending) return <LoadingState label={t('common.loading')} />;
  if (catalogue.isError) return <QueryError error={catalogue.error} onRetry={() => catalogue.refetch()} />;
  if (!choice || !ready) return <EmptyState>{t('monitoring.explore.noData')}</EmptyState>;

  const indicatorName = catalogue.data.indicators.find((i) => i.abbr === choice.indicator)?.name ?? choice.indicator;
  const measureName = t(`monitoring.measureNames.${measure}`);
  const year = choice.date === null ? '' : labels.year(choice.date);
  const items = comparison.data?.items ?? [];
  const plotted = items.filter((item) => item.settingAverage !== null && item.value !== null);
  return (
    <>
      <p>{t('monitoring.compare.help')}</p>
      <ChoicePickers catalogue={catalogue.data} choice={choice} set={set} show={{ setting: false, year: true }} />
      <div className="choice-pickers">
        <MeasurePicker label={t('monitoring.explore.measure')} value={measure} offered={offered} onChange={(next) => set('measure', next)} />
        <SelectField
          label={t('monitoring.compare.highlight')}
          dir="auto"
          value={choice.setting}
          onChange={(e) => set('setting', e.target.value)}
          options={catalogue.data.settings.map((s) => ({ value: s.name, label: s.name }))}
        />
      </div>
      {comparison.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : comparison.isError ? (
        <Alert kind="error">{t('monitoring.explore.measuresUnavailable', { message: comparison.error.message })}</Alert>
      ) : (
        <>
          <Card title={measureName} headingLevel={3}>
            {plotted.length > 0 && option ? (
              <EChart
                option={option}
                height={360}
                label={t('monitoring.compare.chartLabel', { measure: measureName, indicator: indicatorName, dimension: choice.dimension, year, interpolation: { escapeValue: false } })}
              />
            ) : (
              <EmptyState>{t('monitoring.compare.noPoints')}</EmptyState>
            )}
          </Card>
          {items.length > 0 && (
            <div className="table-scroll" role="region" aria-label={measureName} tabIndex={0}>
              <table className="data-table stacked-table">
                <thead>
                  <tr>
                    <th scope="col">{t('monitoring.compare.setting')}</th>
                    <th scope="col">{t('monitoring.compare.average')}</th>
                    <th scope="col">{measureName}</th>
                    <th scope="col">{t('monitoring.explore.interval')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.setting} className={item.setting === choice.setting ? 'highlighted-row' : undefined} aria-current={item.setting === choice.setting ? 'true' : undefined}>
                      <th scope="row">
                        <bdi>{item.setting}</bdi>
                      </th>
                      <td className="numeric" data-label={t('monitoring.compare.average')}>
                        {number(item.settingAverage)}
                      </td>
                      {item.value === null ? (
                        <td colSpan={2} className="muted">
                          {reasonText(t, item)}
                        </td>
                      ) : (
                        <>
                          <td className="numeric" data-label={measureName}>
                            {number(item.value)}
                          </td>
                          <td className="numeric" data-label={t('monitoring.explore.interval')}>
                            {item.lower !== null && item.upper !== null ? `${number(item.lower)} – ${number(item.upper)}` : item.reasonCode ? <span className="muted">{reasonText(t, item)}</span> : ''}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
