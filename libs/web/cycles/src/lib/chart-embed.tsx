import { measureChartOption } from '@simashe/charts';
import { ApiError } from '@simashe/web-api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '@simashe/web-api-client';
import type { MeasureChart } from '@simashe/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from './echart';
import { useChartLabels } from './measures';

/**
 * A measure's chart inside a report or minutes: drawn from current data (refreshed every minute and whenever
 * the data change in this browser), so the document never holds a stale copy.
 */
export function MeasureChartEmbed({ id, title }: { id: string; title: string }) {
  const { t, i18n } = useTranslation();
  const labels = useChartLabels();
  const chart = useQuery({
    queryKey: ['cycles', 'chart', id],
    queryFn: () => api.get<MeasureChart>(`/measures/${id}/chart`),
    refetchInterval: 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
  const rtl = i18n.dir() === 'rtl';
  const option = useMemo(() => (chart.data ? measureChartOption(chart.data, labels, { rtl }) : null), [chart.data, labels, rtl]);
  if (chart.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (chart.isError || !option) return <p className="muted">{t('cycles.embed.unavailable', { title })}</p>;
  return (
    <>
      <EChart option={option} label={t('cycles.chart.label', { name: chart.data.measure.name })} height={chart.data.chart.type === 'xmr' ? 360 : 280} />
      <figcaption>{chart.data.measure.name}</figcaption>
    </>
  );
}
