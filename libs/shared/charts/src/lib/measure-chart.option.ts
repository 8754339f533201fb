import type { MeasureChart } from '@simashe/contracts';

/** What a measure chart says, in the reader's language: see `chartLabels(language)`. */
export interface MeasureChartLabels {
  value: string;
  centre: string;
  median: string;
  upper: string;
  lower: string;
  target: string;
  movingRange: string;
  movingRangeUpper: string;
  cycle: (number: number) => string;
  /** Axis and tooltip numbers, in the reader's conventions. */
  number: (value: number) => string;
  /** A point's date (YYYY-MM-DD) on the time axis. */
  date: (iso: string) => string;
}

/** NHS "Making Data Count" colours: blue improvement, orange concern, grey common cause. */
export const SIGNAL_COLOURS = { improvement: '#1d5fa8', concern: '#c25400', common: '#5f6b7a' } as const;

/** Which assessment, if any, colours each point (concern wins when both apply). */
export function pointAssessments(chart: MeasureChart['chart']): Array<'improvement' | 'concern' | null> {
  const result: Array<'improvement' | 'concern' | null> = chart.points.map(() => null);
  for (const signal of chart.signals) {
    for (const index of signal.indexes) {
      if (result[index] !== 'concern') result[index] = signal.assessment;
    }
  }
  return result;
}

/** The first category (date) at or after `date`, else the last one. */
function categoryAtOrAfter(dates: string[], date: string): string | undefined {
  return dates.find((candidate) => candidate >= date) ?? dates[dates.length - 1];
}

/**
 * One ECharts option for a measure: values coloured by signal, centre line and limits (per point, so p-chart
 * limits and recalculated segments step), the target, each cycle's act stage as a shaded band, and for XmR the
 * moving-range chart beneath.
 */
/**
 * `min`–`max` widened to multiples of a round step (1, 2, 2.5 or 5 times a power of ten) that cuts the span into at
 * most six parts: the bounds of a value axis whose ends are set by code.
 */
export function roundedExtent(min: number, max: number): { min: number; max: number } {
  const span = max - min || Math.abs(max) || 1;
  const magnitude = 10 ** Math.floor(Math.log10(span / 6));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => span / candidate <= 6) ?? 10 * magnitude;
  // Rounded again: 0.1 * 3 is 0.30000000000000004.
  const tidy = (value: number) => Number(value.toPrecision(12));
  return { min: tidy(Math.floor(min / step) * step), max: tidy(Math.ceil(max / step) * step) };
}

export function measureChartOption(data: MeasureChart, labels: MeasureChartLabels, options: { rtl?: boolean } = {}): Record<string, unknown> {
  const { chart, measure } = data;
  const dates = chart.points.map((point) => point.date);
  const assessments = pointAssessments(chart);
  const xmr = chart.type === 'xmr';
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);
  const bands = data.bands
    .map((band) => {
      const start = categoryAtOrAfter(dates, band.start);
      const end = band.end ? categoryAtOrAfter(dates, band.end) : dates[dates.length - 1];
      return start && end ? [{ name: labels.cycle(band.number), xAxis: start }, { xAxis: end }] : null;
    })
    .filter((band) => band !== null);
  const grid = xmr ? [{ top: 40, height: '52%', left: 56, right: 24 }, { top: '72%', height: '18%', left: 56, right: 24 }] : [{ top: 40, bottom: 40, left: 56, right: 24 }];
  const xAxis = grid.map((_, index) => ({
    type: 'category',
    data: dates,
    gridIndex: index,
    inverse: !!options.rtl,
    axisLabel: { show: index === grid.length - 1, formatter: (value: string) => labels.date(value) },
  }));
  // The target stays on the scale even when the data are far from it.
  const target = measure.target;
  const yAxis = grid.map((_, index) => ({
    type: 'value',
    gridIndex: index,
    scale: true,
    position: options.rtl ? 'right' : 'left',
    name: index === 0 ? measure.unit : '',
    axisLabel: { formatter: (value: number) => labels.number(value) },
    // Widened to the target, then out to round values: an axis ending on the data's own extreme printed it
    // ("45,7885") over the tick below it.
    ...(index === 0 && target !== null
      ? {
          min: (extent: { min: number; max: number }) => roundedExtent(Math.min(extent.min, target), Math.max(extent.max, target)).min,
          max: (extent: { min: number; max: number }) => roundedExtent(Math.min(extent.min, target), Math.max(extent.max, target)).max,
        }
      : {}),
  }));
  const line = (name: string, values: Array<number | null>, colour: string, dashed: boolean) => ({
    name,
    type: 'line',
    step: 'middle',
    symbol: 'none',
    data: values.map(round),
    lineStyle: { color: colour, type: dashed ? 'dashed' : 'solid', width: 1.5 },
    itemStyle: { color: colour },
    connectNulls: false,
  });
  const series: Array<Record<string, unknown>> = [
    {
      name: labels.value,
      type: 'line',
      data: chart.points.map((point, index) => ({
        value: round(point.value),
        itemStyle: { color: SIGNAL_COLOURS[assessments[index] ?? 'common'] },
        symbolSize: assessments[index] ? 9 : 6,
      })),
      lineStyle: { color: SIGNAL_COLOURS.common, width: 1.5 },
      itemStyle: { color: SIGNAL_COLOURS.common },
      symbol: 'circle',
      // Wrapped in a narrow column: on one line, the label of a band that starts near the end ran off the chart.
      markArea: bands.length ? { silent: true, itemStyle: { color: 'rgba(29, 95, 168, 0.08)' }, label: { position: 'insideTop', fontSize: 10, color: '#1d3f66', width: 64, overflow: 'break', lineHeight: 12 }, data: bands } : undefined,
      markLine:
        measure.target !== null
          ? { silent: true, symbol: 'none', lineStyle: { color: '#2e7d32', type: 'dotted' }, label: { formatter: labels.target, position: 'insideEndTop' }, data: [{ yAxis: measure.target }] }
          : undefined,
    },
    line(chart.type === 'run' ? labels.median : labels.centre, chart.points.map((point) => point.centre), '#333333', false),
  ];
  if (chart.type !== 'run') {
    series.push(line(labels.upper, chart.points.map((point) => point.upper), '#8a8a8a', true));
    series.push(line(labels.lower, chart.points.map((point) => point.lower), '#8a8a8a', true));
  }
  if (xmr) {
    series.push({ ...line(labels.movingRange, chart.points.map((point) => point.movingRange), SIGNAL_COLOURS.common, false), step: false, symbol: 'circle', xAxisIndex: 1, yAxisIndex: 1 });
    series.push({
      ...line(labels.movingRangeUpper, chart.points.map((point) => chart.segments[point.segment]?.movingRangeUpper ?? null), '#8a8a8a', true),
      xAxisIndex: 1,
      yAxisIndex: 1,
    });
  }
  return {
    animation: false,
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.number(value) : '—') },
    legend: { top: 0, type: 'scroll' },
    grid,
    xAxis,
    yAxis,
    series,
  };
}
