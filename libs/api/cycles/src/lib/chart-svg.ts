import { chartLabels, measureChartOption } from '@simashe/charts';
import { RTL_LANGUAGES, type Language, type MeasureChart } from '@simashe/contracts';
import type * as ECharts from 'echarts';

/**
 * ECharts is loaded on the first chart drawn, not when the API starts: it holds about 16 MB that a process
 * serving only editors and searches never needs.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const echarts = (): typeof ECharts => require('echarts');

/** An ECharts option drawn on the server as SVG, the way the browser draws it. */
export function renderSvg(option: Record<string, unknown>, width: number, height: number): string {
  const instance = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

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
