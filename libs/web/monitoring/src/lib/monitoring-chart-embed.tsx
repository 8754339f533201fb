import { type MeasureId, type MonitoringChart, type MonitoringChartRequest, type MonitoringChartView } from '@simashe/contracts';
import { api, ApiError } from '@simashe/web-api-client';
import { SelectField } from '@simashe/web-ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoicePickers, MeasurePicker, useMonitoringLabels } from './choice';
import { EChart } from './echart';
import { embedOption } from './embed-option';
import { completeChoice, isStructural, measuresFor, reasonText } from './monitoring-logic';
import { useCatalogue, useDatasets } from './queries';

/**
 * An inequality-monitoring chart (or measure table) inside a report: drawn from the dataset's current version, or
 * the version its author pinned, refreshed every minute, so a new import shows without editing the report.
 */
export function MonitoringChartEmbed({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const { labels, rtl } = useMonitoringLabels();
  const chart = useQuery({
    queryKey: ['monitoring', 'chart', id],
    queryFn: () => api.get<MonitoringChartView>(`/monitoring-charts/${id}`),
    refetchInterval: 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
  const option = useMemo(() => (chart.data ? embedOption(chart.data, labels, rtl) : null), [chart.data, labels, rtl]);
  if (chart.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (chart.isError) return <p className="muted">{t('monitoringEmbed.unavailable', { title: title ? `: ${title}` : '' })}</p>;
  const view = chart.data;
  return (
    <>
      {option ? (
        <EChart option={option} label={t('monitoringEmbed.chartLabel', { title: view.title })} height={320} />
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('monitoringEmbed.tableLabel', { title: view.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoringEmbed.measureColumn')}</th>
                <th scope="col">{t('monitoringEmbed.valueColumn')}</th>
                <th scope="col">{t('monitoringEmbed.intervalColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {view.measures
                .filter((measure) => !isStructural(measure))
                .map((measure) => (
                  <tr key={measure.measure}>
                    <th scope="row">{t(`monitoring.measureNames.${measure.measure}`)}</th>
                    {measure.value === null ? (
                      <td colSpan={2} className="muted">
                        {reasonText(t, measure)}
                      </td>
                    ) : (
                      <>
                        <td className="numeric">{labels.number(measure.value)}</td>
                        <td className="numeric">
                          {measure.lower !== null && measure.upper !== null ? (
                            `${labels.number(measure.lower)} – ${labels.number(measure.upper)}`
                          ) : measure.reasonCode ? (
                            <span className="muted">{reasonText(t, measure)}</span>
                          ) : (
                            ''
                          )}
                        </td>
                      </>
                    )}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      <figcaption>
        <bdi>{view.title}</bdi> · {view.pinnedVersion ? t('monitoringEmbed.pinned', { version: view.version }) : t('monitoringEmbed.version', { version: view.version })}
      </figcaption>
    </>
  );
}

/**
 * Picks what to embed from a dataset the writer may read: indicator, dimension, setting, what to show (and which
 * measure, for a trend), and whether to pin the current version. Saves the chart, then hands it to `onInsert`.
 */
export function MonitoringChartPicker({ onInsert }: { onInsert: (chart: MonitoringChart) => void }) {
  const { t } = useTranslation();
  const datasets = useDatasets();
  const withData = (datasets.data?.items ?? []).filter((dataset) => dataset.currentVersion !== null);
  const [datasetId, setDatasetId] = useState('');
  const dataset = withData.find((d) => d.id === datasetId) ?? null;
  const catalogue = useCatalogue(datasetId, dataset?.currentVersion ?? null);
  const [wanted, setWanted] = useState<{ indicator?: string; dimension?: string; setting?: string; date?: number }>({});
  const [kind, setKind] = useState<MonitoringChartRequest['kind']>('disaggregated');
  const [measureWanted, setMeasure] = useState<MeasureId>('d');
  const [pin, setPin] = useState(false);
  const pinId = useId();
  const choice = catalogue.data ? completeChoice(catalogue.data, wanted) : null;
  const dimension = catalogue.data?.dimensions.find((d) => d.name === choice?.dimension);
  const offered = measuresFor(dimension?.ordered ?? false, dimension?.subgroups ?? 0);
  const measure = offered.includes(measureWanted) ? measureWanted : offered[0];
  const save = useMutation({
    mutationFn: (request: MonitoringChartRequest) => api.post<MonitoringChart>(`/datasets/${datasetId}/charts`, request),
    onSuccess: onInsert,
  });
  const submit = () => {
    if (!choice || !dataset) return;
    save.mutate({
      kind,
      indicator: choice.indicator,
      dimension: choice.dimension,
      setting: choice.setting,
      date: kind === 'trend' ? null : choice.date,
      measure: kind === 'trend' ? measure : null,
      pinnedVersion: pin ? dataset.currentVersion : null,
    });
  };
  return (
    <div className="monitoring-chart-picker">
      <SelectField
        label={t('monitoringEmbed.dataset')}
        dir="auto"
        value={datasetId}
        autoFocus
        onChange={(event) => {
          setDatasetId(event.target.value);
          setWanted({});
        }}
        options={[
          { value: '', label: datasets.isPending ? t('common.loading') : withData.length ? t('monitoringEmbed.chooseDataset') : t('monitoringEmbed.noDatasets') },
          ...withData.map((d) => ({ value: d.id, label: `${d.organisationName} · ${d.name}` })),
        ]}
      />
      {choice && catalogue.data && (
        <>
          <ChoicePickers
            catalogue={catalogue.data}
            choice={choice}
            set={(key, value) => setWanted({ ...wanted, ...(key === 'year' ? { date: Number(value) } : { [key]: value }) })}
            show={{ setting: true, year: kind !== 'trend' }}
          />
          <SelectField
            label={t('monitoringEmbed.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as MonitoringChartRequest['kind'])}
            options={[
              { value: 'disaggregated', label: t('monitoringEmbed.kindDisaggregated') },
              { value: 'trend', label: t('monitoringEmbed.kindTrend') },
              { value: 'measures', label: t('monitoringEmbed.kindMeasures') },
            ]}
          />
          {kind === 'trend' && <MeasurePicker label={t('monitoringEmbed.measure')} value={measure} offered={offered} onChange={setMeasure} />}
          <p>
            <input id={pinId} type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} /> <label htmlFor={pinId}>{t('monitoringEmbed.pin', { version: dataset?.currentVersion })}</label>
          </p>
          {save.error && <p role="alert">{t('monitoringEmbed.failed', { message: save.error.message })}</p>}
          <button type="button" className="tool" disabled={save.isPending} onClick={submit}>
            {save.isPending ? t('monitoringEmbed.inserting') : t('monitoringEmbed.insert')}
          </button>
        </>
      )}
    </div>
  );
}
