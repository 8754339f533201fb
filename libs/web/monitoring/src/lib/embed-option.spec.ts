import { monitoringChartLabels } from '@simashe/charts';
import type { DatasetRow, MonitoringChartView, SummaryMeasure } from '@simashe/contracts';
import { embedOption } from './embed-option';

const row = (subgroup: string, order: number, estimate: number): DatasetRow => ({
  setting: 'Kenya', date: 2022, source: 'DHS', indicatorAbbr: 'anc4', indicatorName: 'ANC4', dimension: 'Wealth', subgroup, estimate, se: 1, ciLb: estimate - 2, ciUb: estimate + 2,
  population: 100, flag: null, settingAverage: 60, iso3: 'KEN', favourable: true, scale: 100, ordered: true, subgroupOrder: order, reference: false,
});
const measure = (date: number, value: number): SummaryMeasure => ({ setting: 'Kenya', date, indicatorAbbr: 'anc4', dimension: 'Wealth', measure: 'sii', value, lower: value - 1, upper: value + 1, ciMethod: 'regression', reasonCode: null, reason: null });
const base: Omit<MonitoringChartView, 'kind' | 'rows' | 'measures' | 'measure'> = { id: 'c', datasetId: 'd', datasetName: 'Data', indicator: 'anc4', dimension: 'Wealth', setting: 'Kenya', date: null, pinnedVersion: null, version: 2, title: 'ANC4 · Wealth · Kenya' };
const labels = monitoringChartLabels('en');

describe('embedded monitoring charts', () => {
  it('draws the subgroups of a disaggregated chart in their order', () => {
    const option = embedOption({ ...base, kind: 'disaggregated', measure: null, rows: [row('Q2', 2, 55), row('Q1', 1, 40)], measures: [] }, labels, false) as { yAxis?: { data?: string[] }; xAxis?: { data?: string[] } };
    const categories = option.yAxis?.data ?? option.xAxis?.data;
    expect(categories?.map(String).join(' ')).toMatch(/Q1.*Q2/);
  });

  it('draws the trend of its measure over the years, and leaves measure tables to HTML', () => {
    const trend = embedOption({ ...base, kind: 'trend', measure: 'sii', rows: [], measures: [measure(2014, 30), measure(2022, 20)] }, labels, false);
    expect(JSON.stringify(trend)).toContain('2014');
    expect(embedOption({ ...base, kind: 'measures', measure: null, rows: [], measures: [measure(2022, 20)] }, labels, false)).toBeNull();
  });
});
