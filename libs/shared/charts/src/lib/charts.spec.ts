import { SUPPORTED_LANGUAGES, type Dashboard, type Language, type MeasureChart } from '@simashe/contracts';
import { chartLabels, DASHBOARD_TEXT, dashboardLabels, MEASURE_CHART_TEXT, REPORT_STATUS_NAMES, STAGE_NAMES } from './chart-labels';
import { burndownOption } from './dashboard-chart.options';
import { measureChartOption, pointAssessments, roundedExtent, SIGNAL_COLOURS } from './measure-chart.option';

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
    const option = measureChartOption(chart, chartLabels('en')) as { series: Series[]; grid: unknown[] };
    expect(option.grid).toHaveLength(2);
    expect(option.series.map((s) => s.name)).toEqual(['Value', 'Mean', 'Upper limit', 'Lower limit', 'Moving range', 'Moving range limit']);
    const [values] = option.series;
    expect(values.data.map((d) => d.itemStyle.color)).toEqual([SIGNAL_COLOURS.common, SIGNAL_COLOURS.improvement, SIGNAL_COLOURS.concern, SIGNAL_COLOURS.common]);
    expect(values.markLine.data).toEqual([{ yAxis: 15 }]);
    // The band starts at the first point on or after 2026-01-15 and, still open, runs to the last point.
    expect(values.markArea.data).toEqual([[{ name: 'Cycle 2 (act)', xAxis: '2026-02-01' }, { xAxis: '2026-04-01' }]]);
    expect(option.series[5].data).toEqual([6.534, 6.534, 6.534, 6.534]);
  });

  it('ends the value axis on round values that take in the target (not on a limit such as 45.7885)', () => {
    type Bound = (extent: { min: number; max: number }) => number;
    const option = measureChartOption({ ...chart, measure: { ...chart.measure, target: 25 } }, chartLabels('fr')) as { yAxis: Array<{ min?: Bound; max?: Bound }> };
    const [values, ranges] = option.yAxis;
    expect([values.min?.({ min: 24.3, max: 45.7885 }), values.max?.({ min: 24.3, max: 45.7885 })]).toEqual([20, 50]);
    // The target below the data still sets the axis's start.
    expect(values.min?.({ min: 31, max: 45.7885 })).toBe(25);
    expect(ranges.min).toBeUndefined();
  });

  it('rounds an extent outwards to a step that cuts it into at most six parts', () => {
    expect(roundedExtent(24.3, 45.7885)).toEqual({ min: 20, max: 50 });
    expect(roundedExtent(0.12, 0.47)).toEqual({ min: 0.1, max: 0.5 });
    expect(roundedExtent(-3.2, 7.9)).toEqual({ min: -4, max: 8 });
    expect(roundedExtent(25, 25)).toEqual({ min: 25, max: 25 });
    expect(roundedExtent(1200, 98_000)).toEqual({ min: 0, max: 100_000 });
  });
});

describe('dashboard options', () => {
  it('draws actual and planned open milestones per week', () => {
    const dashboard = { burndown: [{ week: '2026-11-23', open: 5, due: 4 }, { week: '2026-11-30', open: 3, due: 3 }] } as Dashboard;
    const option = burndownOption(dashboard, dashboardLabels('en')) as { xAxis: { data: string[] }; series: Array<{ data: number[] }> };
    expect(option.xAxis.data).toEqual(['11/23/26', '11/30/26']);
    expect(option.series.map((s) => s.data)).toEqual([[5, 3], [4, 3]]);
  });
});

describe('chart and dashboard labels', () => {
  /** Every string of a table with its path, placeholders included. */
  const strings = (value: unknown, path = ''): Array<[string, string]> =>
    typeof value === 'string' ? [[path, value]] : Object.entries(value as object).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  const tables = (language: Language) => ({ chart: MEASURE_CHART_TEXT[language], dashboard: DASHBOARD_TEXT[language], stages: STAGE_NAMES[language], reportStatus: REPORT_STATUS_NAMES[language] });
  const english = new Map(strings(tables('en')));
  const placeholders = (text: string) => text.match(/\{\{\w+\}\}/g)?.sort() ?? [];
  // Words spelt the same in English and French; nothing else may be left in English.
  const sameInFrench = new Set(['dashboard.observations', 'dashboard.initiatives']);

  it.each(SUPPORTED_LANGUAGES.filter((language) => language !== 'en'))('has every label in %s, translated, with the same placeholders', (language) => {
    const translated = new Map(strings(tables(language)));
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of translated) {
      expect(text.trim()).not.toBe('');
      expect({ path, placeholders: placeholders(text) }).toEqual({ path, placeholders: placeholders(english.get(path)!) });
      if (!(language === 'fr' && sameInFrench.has(path))) expect({ path, text }).not.toEqual({ path, text: english.get(path) });
      if (language === 'ar') expect({ path, arabic: /[\u0600-\u06FF]/.test(text) }).toEqual({ path, arabic: true });
    }
  });

  it('names series and bands in the reader\'s language', () => {
    const names = (language: Language) => (measureChartOption(chart, chartLabels(language)) as { series: Array<{ name: string }> }).series.map((s) => s.name);
    expect(names('fr')).toEqual(['Valeur', 'Moyenne', 'Limite supérieure', 'Limite inférieure', 'Étendue mobile', 'Limite de l’étendue mobile']);
    expect(names('es').slice(0, 2)).toEqual(['Valor', 'Media']);
    expect(names('ar').slice(0, 2)).toEqual(['القيمة', 'المتوسط']);
    expect(chartLabels('fr').cycle(2)).toBe('Cycle 2 (étape Agir)');
    expect(dashboardLabels('es').stage('observe')).toBe('Observar');
  });

  it('formats axis numbers and dates as Intl does for the language: Arabic month names and direction marks in ar', () => {
    type Axis = { axisLabel: { formatter: (value: never) => string } };
    const axes = (language: Language) => measureChartOption(chart, chartLabels(language), { rtl: language === 'ar' }) as { xAxis: Axis[]; yAxis: Axis[] };
    const date = (language: Language) => (axes(language).xAxis[1].axisLabel.formatter as (value: string) => string)('2026-11-23');
    const number = (language: Language) => (axes(language).yAxis[0].axisLabel.formatter as (value: number) => string)(1234.5);
    expect(date('en')).toBe('Nov 23, 2026');
    expect(date('fr')).toBe('23 nov. 2026');
    expect(date('ar')).toMatch(/نوفمبر/);
    expect(date('ar')).toBe(new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date('2026-11-23T12:00:00Z')));
    expect(number('en')).toBe('1,234.5');
    expect(number('fr')).toBe('1\u202f234,5');
    expect(number('ar')).toBe(new Intl.NumberFormat('ar').format(1234.5));
    expect(dashboardLabels('ar').week('2026-11-23')).toBe(new Intl.DateTimeFormat('ar', { dateStyle: 'short', timeZone: 'UTC' }).format(new Date('2026-11-23T12:00:00Z')));
    expect(dashboardLabels('ar').week('2026-11-23')).toContain('\u200f');
  });
});
