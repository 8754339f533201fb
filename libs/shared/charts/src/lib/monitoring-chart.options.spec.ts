import { MEASURE_IDS, SUPPORTED_LANGUAGES, type Comparison, type DatasetRow, type SummaryMeasure } from '@simashe/contracts';
import { MEASURE_NAMES, MONITORING_CHART_TEXT, monitoringChartLabels } from './monitoring-chart-labels';
import {
  comparisonScatterOption,
  disaggregatedBarOption,
  disaggregatedDotOption,
  MONITORING_COLOURS,
  measureTrendOption,
  noInequalityValue,
  orderSubgroups,
  rowInterval,
} from './monitoring-chart.options';

const row = (subgroup: string, estimate: number, fields: Partial<DatasetRow> = {}): DatasetRow => ({
  setting: 'Kenya',
  date: 2022,
  source: 'DHS',
  indicatorAbbr: 'sba',
  indicatorName: 'Births attended by skilled health personnel',
  dimension: 'Economic status (wealth quintile)',
  subgroup,
  estimate,
  se: null,
  ciLb: estimate - 2,
  ciUb: estimate + 2,
  population: 1000,
  flag: null,
  settingAverage: 70,
  iso3: 'KEN',
  favourable: true,
  scale: 100,
  ordered: true,
  subgroupOrder: null,
  reference: false,
  ...fields,
});

// In the file's order, not the dimension's: the charts must sort them.
const quintiles = [
  row('Quintile 3', 68, { subgroupOrder: 3 }),
  row('Quintile 1 (poorest)', 45, { subgroupOrder: 1 }),
  row('Quintile 5 (richest)', 92, { subgroupOrder: 5, reference: true }),
  row('Quintile 2', 58, { subgroupOrder: 2, ciLb: null, ciUb: null, se: 1 }),
  row('Quintile 4', 80, { subgroupOrder: 4, ciLb: null, ciUb: null }),
];

const labels = monitoringChartLabels('en');

type Series = {
  name: string;
  type: string;
  data: unknown[];
  renderItem?: (params: unknown, api: unknown) => { children: Array<{ shape: Record<string, number> }> };
  markLine?: { data: Array<Record<string, number>>; label: { show: boolean } };
};
type Option = {
  xAxis: { data?: string[]; inverse?: boolean; name?: string };
  yAxis: { data?: string[]; position?: string; name?: string };
  series: Series[];
  legend: { show: boolean; align: string; data: Array<{ name: string }> };
};

/** The reference line (setting average, no inequality) of a chart: a series of its own, named in the legend. */
const referenceLine = (option: Option) => {
  const line = option.series.find((s) => s.markLine);
  expect(line?.data).toEqual([]);
  expect(line?.markLine?.label.show).toBe(false);
  expect(option.legend.data.map((item) => item.name)).toEqual([line?.name]);
  return line!;
};

describe('monitoring chart helpers', () => {
  it('orders the subgroups of an ordered dimension by their order and keeps the file order otherwise', () => {
    expect(orderSubgroups(quintiles).map((r) => r.subgroup)).toEqual(['Quintile 1 (poorest)', 'Quintile 2', 'Quintile 3', 'Quintile 4', 'Quintile 5 (richest)']);
    const sexes = [row('Male', 60, { ordered: false }), row('Female', 62, { ordered: false })];
    expect(orderSubgroups(sexes).map((r) => r.subgroup)).toEqual(['Male', 'Female']);
  });

  it('takes the interval from the file, else from the standard error, else none', () => {
    expect(rowInterval(quintiles[0])).toEqual([66, 70]);
    expect(rowInterval(quintiles[3])).toEqual([58 - 1.96, 58 + 1.96]);
    expect(rowInterval(quintiles[4])).toBeNull();
  });

  it('draws ratios against 1 and every other measure against 0', () => {
    expect(noInequalityValue('r')).toBe(1);
    expect(noInequalityValue('rii')).toBe(1);
    expect(noInequalityValue('d')).toBe(0);
    expect(noInequalityValue('ti')).toBe(0);
  });
});

describe('disaggregated charts', () => {
  it('draws bars in subgroup order, the reference subgroup marked and coloured, with the setting average', () => {
    const option = disaggregatedBarOption(quintiles, labels) as unknown as Option;
    expect(option.xAxis.data).toEqual(['Quintile 1 (poorest)', 'Quintile 2', 'Quintile 3', 'Quintile 4', 'Quintile 5 (richest) (reference)']);
    const [bars, errors] = option.series;
    expect(bars.type).toBe('bar');
    expect((bars.data as Array<{ value: number; itemStyle: { color: string } }>).map((d) => d.value)).toEqual([45, 58, 68, 80, 92]);
    expect((bars.data as Array<{ itemStyle: { color: string } }>)[4].itemStyle.color).toBe(MONITORING_COLOURS.reference);
    // The average is named in the legend, not labelled on the plot where it would cover the bars and intervals.
    const average = referenceLine(option);
    expect(average.name).toBe('Setting average: 70');
    expect(average.markLine?.data).toEqual([{ yAxis: 70 }]);
    // Quintile 4 has no interval: no error bar for it.
    expect(errors.type).toBe('custom');
    expect(errors.data).toEqual([
      [0, 43, 47],
      [1, 56.04, 59.96],
      [2, 66, 70],
      [4, 90, 94],
    ]);
  });

  it('draws an error bar as a line with two caps between the coordinates of its ends', () => {
    const option = disaggregatedBarOption(quintiles, labels) as unknown as Option;
    const values = [2, 66, 70];
    const api = { value: (i: number) => values[i], coord: ([x, y]: [number, number]) => [x * 100, 500 - y] };
    const shape = option.series[1].renderItem!({}, api);
    expect(shape.children[0].shape).toEqual({ x1: 200, y1: 434, x2: 200, y2: 430 });
    expect(shape.children).toHaveLength(3);
  });

  it('draws the dot chart with the first subgroup on top and intervals along the value axis', () => {
    const option = disaggregatedDotOption(quintiles, labels) as unknown as Option & { yAxis: { inverse: boolean } };
    expect(option.yAxis.data?.[0]).toBe('Quintile 1 (poorest)');
    expect(option.yAxis.inverse).toBe(true);
    const dots = option.series.find((s) => s.type === 'scatter')!;
    expect((dots.data as Array<{ value: number[]; symbol: string }>)[4]).toMatchObject({ value: [92, 4], symbol: 'diamond' });
    expect(referenceLine(option).markLine?.data).toEqual([{ xAxis: 70 }]);
  });

  it('mirrors the axes for right-to-left readers', () => {
    const option = disaggregatedBarOption(quintiles, monitoringChartLabels('ar'), { rtl: true }) as unknown as Option;
    expect(option.xAxis.inverse).toBe(true);
    expect(option.yAxis.position).toBe('right');
    expect(option.xAxis.data?.[4]).toBe('Quintile 5 (richest) (المرجع)');
    expect(option.legend.align).toBe('right');
  });

  it('names the value axis with the indicator’s unit', () => {
    expect((disaggregatedBarOption(quintiles, labels) as unknown as Option).yAxis.name).toBe('Estimate (%)');
    const perThousand = quintiles.map((r) => ({ ...r, scale: 1000 }));
    expect((disaggregatedDotOption(perThousand, labels) as unknown as Option).xAxis.name).toBe('Estimate (per 1,000)');
    const other = quintiles.map((r) => ({ ...r, scale: 1 }));
    expect((disaggregatedBarOption(other, monitoringChartLabels('fr')) as unknown as Option).yAxis.name).toBe('Estimation');
    expect(monitoringChartLabels('ar').estimateAxis(100)).toBe('التقدير (٪)');
  });

  it('has no legend when the file gives no setting average', () => {
    const option = disaggregatedBarOption(
      quintiles.map((r) => ({ ...r, settingAverage: null })),
      labels,
    ) as unknown as Option;
    expect(option.legend.show).toBe(false);
    expect(option.series.some((s) => s.markLine)).toBe(false);
  });
});

const measure = (date: number, value: number | null, lower: number | null = null, upper: number | null = null): SummaryMeasure => ({
  setting: 'Kenya',
  date,
  indicatorAbbr: 'sba',
  dimension: 'Economic status (wealth quintile)',
  measure: 'd',
  value,
  lower,
  upper,
  ciMethod: lower === null ? null : 'analytic',
  reasonCode: value === null ? 'needs_two_subgroups' : null,
  reason: value === null ? 'D needs at least two subgroups' : null,
});

describe('tooltips', () => {
  type Tooltip = { tooltip: { formatter: (params: { dataIndex: number; seriesType: string }) => string } };
  it('name the subgroup, its estimate and its interval in the reader’s numbers', () => {
    const bars = disaggregatedBarOption(quintiles, monitoringChartLabels('fr')) as unknown as Tooltip;
    expect(bars.tooltip.formatter({ dataIndex: 4, seriesType: 'bar' })).toBe('Quintile 5 (richest) (référence): 92 (90 – 94)');
    const dots = disaggregatedDotOption(quintiles, labels) as unknown as Tooltip;
    expect(dots.tooltip.formatter({ dataIndex: 1, seriesType: 'scatter' })).toBe('Quintile 2: 58 (56.04 – 59.96)');
    expect(dots.tooltip.formatter({ dataIndex: 1, seriesType: 'custom' })).toBe('');
  });

  it('escape names from the file, since ECharts writes tooltips as HTML', () => {
    const hostile = [row('<img src=x onerror=alert(1)>', 50, { ordered: false })];
    const bars = disaggregatedBarOption(hostile, labels) as unknown as Tooltip;
    expect(bars.tooltip.formatter({ dataIndex: 0, seriesType: 'bar' })).toBe('&lt;img src=x onerror=alert(1)&gt;: 50 (48 – 52)');
    const comparison: Comparison = { version: 1, measure: 'd', items: [{ setting: 'A & "B"', iso3: null, date: 2022, settingAverage: 1, value: 2, lower: null, upper: null, reasonCode: null, reason: null }] };
    expect((comparisonScatterOption(comparison, labels) as unknown as Tooltip).tooltip.formatter({ dataIndex: 0, seriesType: 'scatter' })).toBe('A &amp; &quot;B&quot; · Setting average: 1 · Difference: 2');
  });
});

describe('measure trend', () => {
  it('follows one measure over the years in date order, a gap where it does not apply', () => {
    const items = [measure(2022, 47, 44, 50), measure(2014, 52, 48, 56), measure(2018, null), { ...measure(2018, 1.8), measure: 'r' as const }];
    const option = measureTrendOption(items, 'd', labels) as unknown as Option;
    expect(option.xAxis.data).toEqual(['2014', '2018', '2022']);
    expect(option.yAxis.name).toBe('Difference');
    expect(option.series[0].data).toEqual([52, null, 47]);
    const none = referenceLine(option);
    expect(none.name).toBe('No inequality');
    expect(none.markLine?.data).toEqual([{ yAxis: 0 }]);
    expect(option.series[1].data).toEqual([
      [0, 48, 56],
      [2, 44, 50],
    ]);
    // Every value is above 0: the axis reaches down to the line of no inequality so the legend's line is drawn.
    expect(option.yAxis).toMatchObject({ scale: true, min: 0 });
    const around = measureTrendOption([measure(2022, 3, -1, 7)], 'd', labels) as unknown as { yAxis: Record<string, unknown> };
    expect(around.yAxis['min']).toBeUndefined();
    expect(around.yAxis['max']).toBeUndefined();
  });
});

describe('comparison scatter', () => {
  const comparison: Comparison = {
    version: 1,
    measure: 'r',
    items: [
      { setting: 'Kenya', iso3: 'KEN', date: 2022, settingAverage: 70, value: 2.1, lower: 1.8, upper: 2.4, reasonCode: null, reason: null },
      { setting: 'Ghana', iso3: 'GHA', date: 2022, settingAverage: 75, value: 1.6, lower: null, upper: null, reasonCode: 'needs_standard_errors', reason: 'R interval needs the standard error' },
      { setting: 'Brazil', iso3: 'BRA', date: 2022, settingAverage: 98, value: null, lower: null, upper: null, reasonCode: 'needs_two_subgroups', reason: 'R needs at least two subgroups' },
    ],
  };

  it('puts each setting at (average, measure), highlights the chosen one and leaves out settings without a value', () => {
    const option = comparisonScatterOption(comparison, labels, { highlight: 'Kenya' }) as unknown as Option;
    const points = option.series[0].data as Array<{ name: string; value: number[]; symbolSize: number; label?: { show: boolean } }>;
    expect(points.map((p) => [p.name, ...p.value])).toEqual([
      ['Kenya', 70, 2.1],
      ['Ghana', 75, 1.6],
    ]);
    expect(points[0].symbolSize).toBeGreaterThan(points[1].symbolSize);
    expect(points[0].label?.show).toBe(true);
    expect(points[1].label).toBeUndefined();
    expect(referenceLine(option).markLine?.data).toEqual([{ yAxis: 1 }]);
    expect(option.series[1].data).toEqual([[70, 1.8, 2.4]]);
    expect(option.yAxis.name).toBe('Ratio');
    expect(option.yAxis).toMatchObject({ min: 1 });
  });
});

describe('monitoring chart text', () => {
  it('names every measure and says everything in every language', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      expect(Object.keys(MEASURE_NAMES[language]).sort()).toEqual([...MEASURE_IDS].sort());
      expect(Object.values(MONITORING_CHART_TEXT[language]).every((text) => text.length > 0)).toBe(true);
      if (language !== 'en') expect(MONITORING_CHART_TEXT[language].estimate).not.toBe(MONITORING_CHART_TEXT.en.estimate);
    }
  });

  it('writes years without grouping, in the reader’s digits', () => {
    expect(monitoringChartLabels('en').year(2022)).toBe('2022');
    expect(monitoringChartLabels('fr').year(2022)).toBe('2022');
  });
});

describe('server-side rendering', () => {
  // The API draws these options to SVG for report exports: the custom error bars must draw there too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const echarts = require('echarts') as typeof import('echarts');
  const render = (option: Record<string, unknown>) => {
    const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    try {
      instance.setOption(option);
      return instance.renderToSVGString();
    } finally {
      instance.dispose();
    }
  };

  it('renders every monitoring chart to SVG with its error bars', () => {
    const trend = [measure(2014, 52, 48, 56), measure(2022, 47, 44, 50)];
    const comparison: Comparison = {
      version: 1,
      measure: 'd',
      items: [{ setting: 'Kenya', iso3: 'KEN', date: 2022, settingAverage: 70, value: 47, lower: 44, upper: 50, reasonCode: null, reason: null }],
    };
    for (const option of [
      disaggregatedBarOption(quintiles, labels),
      disaggregatedDotOption(quintiles, labels, { rtl: true }),
      measureTrendOption(trend, 'd', labels),
      comparisonScatterOption(comparison, labels, { highlight: 'Kenya' }),
    ]) {
      const svg = render(option);
      expect(svg).toMatch(/^<svg/);
      // Each error bar is three line segments (the bar and its two caps).
      expect((svg.match(/<path|<line/g) ?? []).length).toBeGreaterThan(6);
    }
    expect(render(comparisonScatterOption(comparison, labels, { highlight: 'Kenya' }))).toContain('Kenya');
    // Exports name the reference lines in the legend, as the screen does.
    expect(render(disaggregatedBarOption(quintiles, labels))).toContain('Setting average: 70');
    expect(render(measureTrendOption(trend, 'd', labels))).toContain('No inequality');
  });
});
