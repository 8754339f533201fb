import type { Dashboard, MeasureChart } from '@simashe/contracts';
import { burndownOption, ENGLISH_DASHBOARD_LABELS } from './dashboard-chart.options';
import { ENGLISH_CHART_LABELS, measureChartOption, pointAssessments, SIGNAL_COLOURS } from './measure-chart.option';

const point = (index: number, date: string, value: number) => ({ index, date, value, segment: 0, centre: 10, upper: 16, lower: 4, upper2: 14, lower2: 6, movingRange: index ? 1 : null });
const chart: MeasureChart = {
  measure: { id: '00000000-0000-4000-8000-000000000001', initiativeId: '00000000-0000-4000-8000-000000000002', name: 'Alerts', kind: 'process', definition: '', unit: 'alerts', direction: 'higher_is_better', target: 15, frequency: 'monthly', chartType: 'xmr', baselineLength: null, changePoints: [], pointCount: 4, latestSignal: 'both' },
  points: [],
  chart: {
    type: 'xmr',
    direction: 'higher_is_better',
    points: [point(0, '2026-01-01', 9), point(1, '2026-02-01', 17), point(2, '2026-03-01', 3), point(3, '2026-04-01', 10)],
    segments: [{ start: 0, end: 4, baselineEnd: 4, centre: 10, upper: 16, lower: 4, movingRangeMean: 2, movingRangeUpper: 6.534 }],
    signals: [
      { rule: 'beyond_limit', indexes: [1], side: 'above', assessment: 'improvement' },
      { rule: 'beyond_limit', indexes: [2], side: 'below', assessment: 'concern' },
      { rule: 'two_of_three', indexes: [1, 2], side: 'above', assessment: 'improvement' },
    ],
    median: null,
    runs: null,
    usefulObservations: null,
  },
  bands: [{ cycleId: '00000000-0000-4000-8000-000000000003', number: 2, title: 'Pilot', start: '2026-01-15', end: null }],
};

describe('measure chart option', () => {
  it('colours each point by its signal, concern winning over improvement', () => {
    expect(pointAssessments(chart.chart)).toEqual([null, 'improvement', 'concern', null]);
  });

  it('draws values, centre, limits, the target, the act band from its first point to the end, and the moving-range chart', () => {
    type Series = { name: string; data: Array<{ itemStyle: { color: string } }> & number[]; markLine: { data: unknown }; markArea: { data: unknown } };
    const option = measureChartOption(chart, ENGLISH_CHART_LABELS) as { series: Series[]; grid: unknown[] };
    expect(option.grid).toHaveLength(2);
    expect(option.series.map((s) => s.name)).toEqual(['Value', 'Mean', 'Upper limit', 'Lower limit', 'Moving range', 'Moving range limit']);
    const [values] = option.series;
    expect(values.data.map((d) => d.itemStyle.color)).toEqual([SIGNAL_COLOURS.common, SIGNAL_COLOURS.improvement, SIGNAL_COLOURS.concern, SIGNAL_COLOURS.common]);
    expect(values.markLine.data).toEqual([{ yAxis: 15 }]);
    // The band starts at the first point on or after 2026-01-15 and, still open, runs to the last point.
    expect(values.markArea.data).toEqual([[{ name: 'Cycle 2 (act)', xAxis: '2026-02-01' }, { xAxis: '2026-04-01' }]]);
    expect(option.series[5].data).toEqual([6.534, 6.534, 6.534, 6.534]);
  });
});

describe('dashboard options', () => {
  it('draws actual and planned open milestones per week', () => {
    const dashboard = { burndown: [{ week: '2026-11-23', open: 5, due: 4 }, { week: '2026-11-30', open: 3, due: 3 }] } as Dashboard;
    const option = burndownOption(dashboard, ENGLISH_DASHBOARD_LABELS) as { xAxis: { data: string[] }; series: Array<{ data: number[] }> };
    expect(option.xAxis.data).toEqual(['11-23', '11-30']);
    expect(option.series.map((s) => s.data)).toEqual([[5, 3], [4, 3]]);
  });
});
