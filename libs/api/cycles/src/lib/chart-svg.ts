import { ENGLISH_CHART_LABELS, measureChartOption } from '@simashe/charts';
import type { MeasureChart } from '@simashe/contracts';
import * as echarts from 'echarts';

/** Server-side rendering with the same ECharts option the browser draws, so exports show the same chart. */
export function measureChartSize(chart: MeasureChart): { width: number; height: number } {
  return { width: 800, height: chart.chart.type === 'xmr' ? 520 : 400 };
}

export function measureChartSvg(chart: MeasureChart, { width, height } = measureChartSize(chart)): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({ ...measureChartOption(chart, ENGLISH_CHART_LABELS), title: { text: chart.measure.name, left: 'center', bottom: 0, textStyle: { fontSize: 12 } } });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
