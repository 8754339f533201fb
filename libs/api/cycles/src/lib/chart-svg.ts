import { chartLabels, measureChartOption } from '@simashe/charts';
import { RTL_LANGUAGES, type Language, type MeasureChart } from '@simashe/contracts';
import { renderSvg } from '@simashe/api-reports';

export { renderSvg };

/** Server-side rendering with the same ECharts option the browser draws, so exports show the same chart. */
export function measureChartSize(chart: MeasureChart): { width: number; height: number } {
  return { width: 800, height: chart.chart.type === 'xmr' ? 520 : 400 };
}

/** The chart as a reader of `language` sees it on screen: its words, numbers, dates and direction. */
export function measureChartSvg(chart: MeasureChart, language: Language, { width, height } = measureChartSize(chart)): string {
  return renderSvg(
    {
      ...measureChartOption(chart, chartLabels(language), { rtl: RTL_LANGUAGES.includes(language) }),
      title: { text: chart.measure.name, left: 'center', bottom: 0, textStyle: { fontSize: 12 } },
    },
    width,
    height,
  );
}
