import { disaggregatedDotOption, measureTrendOption, type MonitoringChartLabels } from '@simashe/charts';
import type { MonitoringChartView } from '@simashe/contracts';

/** What an embedded monitoring chart draws: the ECharts option, or null for the measure table (drawn as HTML). */
export function embedOption(view: MonitoringChartView, labels: MonitoringChartLabels, rtl: boolean): Record<string, unknown> | null {
  if (view.kind === 'disaggregated') return disaggregatedDotOption(view.rows, labels, { rtl });
  if (view.kind === 'trend' && view.measure) return measureTrendOption(view.measures, view.measure, labels, { rtl });
  return null;
}
