import type { Comparison, DatasetRow, MeasureId, SummaryMeasure } from '@simashe/contracts';

/**
 * ECharts options of the health-inequality monitoring views (disaggregated data, summary-measure trends, the
 * comparison of settings). Pure: the web draws them on a canvas and the API can render the same options to SVG for
 * report exports. Error bars are custom series whose `renderItem` draws a line with caps between the interval's ends.
 */

/** What the monitoring charts say, in the reader's language: see `monitoringChartLabels(language)`. */
export interface MonitoringChartLabels {
  estimate: string;
  /** The value axis of estimates with the indicator's unit: "Estimate (%)" for scale 100, "(per 1,000)" for 1000. */
  estimateAxis: (scale: number | null | undefined) => string;
  /** "95 % confidence interval". */
  interval: string;
  settingAverage: string;
  noInequality: string;
  /** A subgroup's name marked as the reference subgroup. */
  reference: (subgroup: string) => string;
  measure: (id: MeasureId) => string;
  /** Axis and tooltip numbers, in the reader's conventions. */
  number: (value: number) => string;
  /** A year, in the reader's digits. */
  year: (year: number) => string;
}

export const MONITORING_COLOURS = { estimate: '#1d5fa8', reference: '#b45309', interval: '#374151', average: '#6b7280', highlight: '#c25400', other: '#5f8fc4' } as const;

/** Measures whose "no inequality" value is 1 (ratios); every other measure has 0. */
const RATIO_MEASURES: readonly MeasureId[] = ['r', 'rii'];
export const noInequalityValue = (measure: MeasureId): 0 | 1 => (RATIO_MEASURES.includes(measure) ? 1 : 0);

/** A row's 95 % interval: its bounds from the file, else estimate ± 1.96 SE, else none. */
export function rowInterval(row: Pick<DatasetRow, 'estimate' | 'se' | 'ciLb' | 'ciUb'>): [number, number] | null {
  if (row.ciLb !== null && row.ciUb !== null) return [row.ciLb, row.ciUb];
  if (row.se !== null) return [row.estimate - 1.96 * row.se, row.estimate + 1.96 * row.se];
  return null;
}

/**
 * The subgroups of one group (setting × year × indicator × dimension) in reading order: by `subgroup_order` for an
 * ordered dimension (lowest first, as HEAT draws them), else in the file's order.
 */
export function orderSubgroups<T extends Pick<DatasetRow, 'ordered' | 'subgroupOrder'>>(rows: readonly T[]): T[] {
  if (!rows.some((row) => row.ordered)) return [...rows];
  return [...rows].sort((a, b) => (a.subgroupOrder ?? Number.MAX_SAFE_INTEGER) - (b.subgroupOrder ?? Number.MAX_SAFE_INTEGER));
}

const round = (value: number | null) => (value === null || !Number.isFinite(value) ? null : Math.round(value * 1e6) / 1e6);

interface RenderApi {
  value: (dimension: number) => number;
  coord: (point: [number, number]) => [number, number];
}

/**
 * A custom series of error bars: each datum is [position, low, high] on a category axis (`horizontal` when the
 * values run along x). Drawn as a line with a short cap at each end.
 */
function errorBarSeries(name: string, data: Array<[number | string, number | null, number | null]>, horizontal: boolean, colour: string): Record<string, unknown> {
  return {
    name,
    type: 'custom',
    silent: true,
    z: 3,
    encode: horizontal ? { x: [1, 2], y: 0 } : { x: 0, y: [1, 2] },
    data: data.filter((datum) => datum[1] !== null && datum[2] !== null),
    renderItem: (_params: unknown, api: RenderApi) => {
      const position = api.value(0);
      const low = api.coord(horizontal ? [api.value(1), position] : [position, api.value(1)]);
      const high = api.coord(horizontal ? [api.value(2), position] : [position, api.value(2)]);
      const cap = 5;
      const style = { stroke: colour, lineWidth: 1.5 };
      const capLine = (point: [number, number]) =>
        horizontal
          ? { type: 'line', shape: { x1: point[0], y1: point[1] - cap, x2: point[0], y2: point[1] + cap }, style }
          : { type: 'line', shape: { x1: point[0] - cap, y1: point[1], x2: point[0] + cap, y2: point[1] }, style };
      return {
        type: 'group',
        children: [{ type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style }, capLine(low), capLine(high)],
      };
    },
  };
}

/**
 * ECharts writes a tooltip formatter's string as HTML, and subgroup and setting names come from uploaded files:
 * every tooltip is escaped.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** "61 (58.1 – 63.9)": a value with its interval, in the reader's numbers. */
function withInterval(labels: MonitoringChartLabels, value: number, interval: [number, number] | null): string {
  return interval ? `${labels.number(value)} (${labels.number(interval[0])} – ${labels.number(interval[1])})` : labels.number(value);
}

function subgroupNames(rows: readonly DatasetRow[], labels: MonitoringChartLabels): string[] {
  return rows.map((row) => (row.reference ? labels.reference(row.subgroup) : row.subgroup));
}

/** Legend icons of the reference lines: dashes for the setting average, dots for no inequality. */
const LINE_ICONS = {
  dashed: 'path://M0,0h6v2h-6zM9,0h6v2h-6zM18,0h6v2h-6z',
  dotted: 'path://M0,0h2v2h-2zM5,0h2v2h-2zM10,0h2v2h-2zM15,0h2v2h-2zM20,0h2v2h-2z',
} as const;

interface ReferenceLine {
  name: string;
  style: keyof typeof LINE_ICONS;
}

/**
 * A reference line across the plot (the setting average, the line of no inequality), named in the legend: a label on
 * the plot lands on a bar, a point or an interval sooner or later, whatever corner it is put in. The line is the
 * mark of a series of its own with no points, so the legend has an entry to name it by.
 */
function referenceLineSeries(line: ReferenceLine, axis: 'xAxis' | 'yAxis', value: number | null): Record<string, unknown> {
  const lineStyle = { type: line.style, color: MONITORING_COLOURS.average };
  return {
    name: line.name,
    type: 'line',
    data: [],
    silent: true,
    symbol: 'none',
    itemStyle: { color: MONITORING_COLOURS.average },
    lineStyle,
    markLine: { silent: true, symbol: 'none', lineStyle, label: { show: false }, data: [{ [axis]: round(value) }] },
  };
}

/**
 * Bounds that keep a reference value on a value axis that otherwise fits the data (`scale`), so the line the legend
 * names is on the plot: the axis reaches down (or up) to it when every value and bound lies on one side.
 */
function reaching(reference: number, values: ReadonlyArray<number | null>): { min?: number; max?: number } {
  const finite = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (finite.length === 0) return {};
  if (Math.min(...finite) > reference) return { min: reference };
  if (Math.max(...finite) < reference) return { max: reference };
  return {};
}

/** The legend naming the reference lines, under the plot; read from the right in right-to-left pages. */
function referenceLegend(lines: readonly ReferenceLine[], rtl: boolean): Record<string, unknown> {
  return {
    show: lines.length > 0,
    bottom: 0,
    selectedMode: false,
    align: rtl ? 'right' : 'left',
    itemWidth: 24,
    itemHeight: 4,
    textStyle: { color: MONITORING_COLOURS.interval },
    data: lines.map((line) => ({ name: line.name, icon: LINE_ICONS[line.style] })),
  };
}

/** The setting average of one group's rows, as its legend entry ("Setting average: 90") and value, if the file has it. */
function settingAverage(rows: readonly DatasetRow[], labels: MonitoringChartLabels): { line: ReferenceLine; value: number } | null {
  const value = rows.find((row) => row.settingAverage !== null)?.settingAverage ?? null;
  return value === null ? null : { line: { name: `${labels.settingAverage}: ${labels.number(value)}`, style: 'dashed' }, value };
}

/**
 * What both subgroup charts share: the subgroups in order with their names, the setting average (named in the
 * legend), and a tooltip giving each subgroup's estimate and interval (only over `series` when given).
 */
function subgroupFrame(rows: readonly DatasetRow[], labels: MonitoringChartLabels, rtl: boolean, series?: string) {
  const ordered = orderSubgroups(rows);
  const names = subgroupNames(ordered, labels);
  const average = settingAverage(ordered, labels);
  const frame = {
    animation: false,
    legend: referenceLegend(average ? [average.line] : [], rtl),
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataIndex: number; seriesType: string }) => {
        const row = !series || params.seriesType === series ? ordered[params.dataIndex] : undefined;
        return row ? escapeHtml(`${names[params.dataIndex]}: ${withInterval(labels, row.estimate, rowInterval(row))}`) : '';
      },
    },
  };
  return { ordered, names, average, frame };
}

/**
 * Bars of one group's estimates by subgroup (reference subgroup in its own colour and named so), with their 95 %
 * intervals and the setting average as a dashed line.
 */
export function disaggregatedBarOption(rows: readonly DatasetRow[], labels: MonitoringChartLabels, options: { rtl?: boolean } = {}): Record<string, unknown> {
  const { ordered, names, average, frame } = subgroupFrame(rows, labels, !!options.rtl);
  return {
    ...frame,
    grid: { left: 56, right: 24, top: 32, bottom: 72, containLabel: true },
    xAxis: { type: 'category', data: names, inverse: !!options.rtl, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', name: labels.estimateAxis(ordered[0]?.scale), position: options.rtl ? 'right' : 'left', axisLabel: { formatter: (value: number) => labels.number(value) } },
    series: [
      {
        name: labels.estimate,
        type: 'bar',
        barMaxWidth: 48,
        data: ordered.map((row) => ({ value: round(row.estimate), itemStyle: { color: row.reference ? MONITORING_COLOURS.reference : MONITORING_COLOURS.estimate } })),
      },
      subgroupIntervals(ordered, labels, false),
      ...(average ? [referenceLineSeries(average.line, 'yAxis', average.value)] : []),
    ],
  };
}

/** Each subgroup's 95 % interval as error bars (horizontal in the dot chart), at the subgroup's index. */
function subgroupIntervals(ordered: readonly DatasetRow[], labels: MonitoringChartLabels, horizontal: boolean): Record<string, unknown> {
  const bars = ordered.map((row, index): [number, number | null, number | null] => {
    const interval = rowInterval(row);
    return [index, round(interval?.[0] ?? null), round(interval?.[1] ?? null)];
  });
  return errorBarSeries(labels.interval, bars, horizontal, MONITORING_COLOURS.interval);
}

/**
 * HEAT's dot chart: one line per subgroup, its estimate as a dot and its 95 % interval as a bar, so subgroups with
 * wide intervals read as uncertain. Ordered subgroups run top to bottom in their order.
 */
export function disaggregatedDotOption(rows: readonly DatasetRow[], labels: MonitoringChartLabels, options: { rtl?: boolean } = {}): Record<string, unknown> {
  // The tooltip belongs to the dots (the interval bars share their indexes).
  const { ordered, names, average, frame } = subgroupFrame(rows, labels, !!options.rtl, 'scatter');
  return {
    ...frame,
    grid: { left: 24, right: 24, top: 32, bottom: 56, containLabel: true },
    // Category axes draw bottom-up; inverse puts the first subgroup at the top.
    yAxis: { type: 'category', data: names, inverse: true, position: options.rtl ? 'right' : 'left', axisTick: { show: false } },
    xAxis: { type: 'value', name: labels.estimateAxis(ordered[0]?.scale), nameLocation: 'middle', nameGap: 28, inverse: !!options.rtl, scale: true, axisLabel: { formatter: (value: number) => labels.number(value) } },
    series: [
      subgroupIntervals(ordered, labels, true),
      {
        name: labels.estimate,
        type: 'scatter',
        symbolSize: 12,
        z: 4,
        data: ordered.map((row, index) => ({
          value: [round(row.estimate), index],
          symbol: row.reference ? 'diamond' : 'circle',
          itemStyle: { color: row.reference ? MONITORING_COLOURS.reference : MONITORING_COLOURS.estimate },
        })),
      },
      ...(average ? [referenceLineSeries(average.line, 'xAxis', average.value)] : []),
    ],
  };
}

/** One summary measure of one setting over the years, with its 95 % interval and the line of no inequality. */
export function measureTrendOption(measures: readonly SummaryMeasure[], measure: MeasureId, labels: MonitoringChartLabels, options: { rtl?: boolean } = {}): Record<string, unknown> {
  const points = measures.filter((item) => item.measure === measure).sort((a, b) => a.date - b.date);
  const years = points.map((point) => labels.year(point.date));
  const name = labels.measure(measure);
  const none: ReferenceLine = { name: labels.noInequality, style: 'dotted' };
  return {
    animation: false,
    legend: referenceLegend([none], !!options.rtl),
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataIndex: number; seriesType: string }) => {
        const point = params.seriesType === 'line' ? points[params.dataIndex] : undefined;
        if (!point || point.value === null) return '';
        const interval: [number, number] | null = point.lower !== null && point.upper !== null ? [point.lower, point.upper] : null;
        return escapeHtml(`${years[params.dataIndex]} · ${name}: ${withInterval(labels, point.value, interval)}`);
      },
    },
    grid: { left: 56, right: 24, top: 40, bottom: 44, containLabel: true },
    xAxis: { type: 'category', data: years, inverse: !!options.rtl, boundaryGap: true },
    yAxis: {
      type: 'value',
      name,
      scale: true,
      ...reaching(noInequalityValue(measure), points.flatMap((point) => [point.value, point.lower, point.upper])),
      position: options.rtl ? 'right' : 'left',
      axisLabel: { formatter: (value: number) => labels.number(value) },
    },
    series: [
      {
        name,
        type: 'line',
        connectNulls: false,
        symbolSize: 8,
        itemStyle: { color: MONITORING_COLOURS.estimate },
        data: points.map((point) => round(point.value)),
      },
      errorBarSeries(
        labels.interval,
        points.map((point, index) => [index, round(point.lower), round(point.upper)]),
        false,
        MONITORING_COLOURS.interval,
      ),
      referenceLineSeries(none, 'yAxis', noInequalityValue(measure)),
    ],
  };
}

/**
 * Every setting's average (x) against its inequality (y) for one year: where a setting stands on both at once. The
 * chosen setting is drawn larger, in its own colour, and named on the chart.
 */
export function comparisonScatterOption(comparison: Comparison, labels: MonitoringChartLabels, options: { highlight?: string | null; rtl?: boolean } = {}): Record<string, unknown> {
  const points = comparison.items.filter((item) => item.settingAverage !== null && item.value !== null);
  const name = labels.measure(comparison.measure);
  const isHighlighted = (setting: string) => options.highlight !== undefined && options.highlight !== null && setting === options.highlight;
  const none: ReferenceLine = { name: labels.noInequality, style: 'dotted' };
  return {
    animation: false,
    legend: referenceLegend([none], !!options.rtl),
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataIndex: number; seriesType: string }) => {
        const item = params.seriesType === 'scatter' ? points[params.dataIndex] : undefined;
        if (!item || item.value === null || item.settingAverage === null) return '';
        const interval: [number, number] | null = item.lower !== null && item.upper !== null ? [item.lower, item.upper] : null;
        return escapeHtml(`${item.setting} · ${labels.settingAverage}: ${labels.number(item.settingAverage)} · ${name}: ${withInterval(labels, item.value, interval)}`);
      },
    },
    grid: { left: 56, right: 32, top: 40, bottom: 64, containLabel: true },
    xAxis: { type: 'value', name: labels.settingAverage, nameLocation: 'middle', nameGap: 28, scale: true, inverse: !!options.rtl, axisLabel: { formatter: (value: number) => labels.number(value) } },
    yAxis: {
      type: 'value',
      name,
      scale: true,
      ...reaching(noInequalityValue(comparison.measure), points.flatMap((item) => [item.value, item.lower, item.upper])),
      position: options.rtl ? 'right' : 'left',
      axisLabel: { formatter: (value: number) => labels.number(value) },
    },
    series: [
      {
        name,
        type: 'scatter',
        z: 4,
        data: points.map((item) => {
          const highlighted = isHighlighted(item.setting);
          return {
            name: item.setting,
            value: [round(item.settingAverage), round(item.value)],
            symbolSize: highlighted ? 16 : 10,
            itemStyle: { color: highlighted ? MONITORING_COLOURS.highlight : MONITORING_COLOURS.other, borderColor: highlighted ? '#000000' : undefined, borderWidth: highlighted ? 1 : 0 },
            // '{b}' is the datum's name: a setting's name is never read as an ECharts template.
            label: highlighted ? { show: true, formatter: '{b}', position: 'top', fontWeight: 'bold' } : undefined,
          };
        }),
      },
      errorBarSeries(
        labels.interval,
        points.map((item) => [round(item.settingAverage) ?? 0, round(item.lower), round(item.upper)]),
        false,
        MONITORING_COLOURS.interval,
      ),
      referenceLineSeries(none, 'yAxis', noInequalityValue(comparison.measure)),
    ],
  };
}
