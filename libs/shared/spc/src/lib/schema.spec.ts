import { ChartResultSchema } from '@simashe/contracts';
import { computeChart, pChart, runChart, xmrChart, type SeriesInput } from '../index';

const VALUES = [10, 12, 9, 11, 10, 8, 11, 9, 10, 12, 10, 8, 10, 11, 12, 14, 15, 28, 15, 19, 14, 15, 13, 11];
const series: SeriesInput[] = VALUES.map((value, i) => ({
  date: `2025-01-${String(i + 1).padStart(2, '0')}`,
  value,
  numerator: value,
  denominator: 40,
}));

describe('ChartResultSchema', () => {
  it.each([
    ['run', () => runChart(series, { direction: 'higher_is_better' })],
    ['run with a baseline', () => runChart(series, { direction: 'lower_is_better', baselineLength: 12 })],
    ['xmr', () => xmrChart(series, { direction: 'higher_is_better' })],
    ['xmr with a baseline and change points', () => xmrChart(series, { direction: 'lower_is_better', baselineLength: 6, changePoints: [1, 12] })],
    ['p', () => pChart(series, { direction: 'higher_is_better' })],
    ['p with a change point and an unplaceable point', () =>
      pChart(
        series.map((p, i) => (i === 3 ? { ...p, denominator: 0 } : p)),
        { direction: 'lower_is_better', changePoints: [12] },
      )],
  ])('parses the %s result', (_name, make) => {
    const result = make();
    expect(result.points).toHaveLength(24);
    expect(() => ChartResultSchema.parse(result)).not.toThrow();
    expect(ChartResultSchema.parse(result)).toEqual(result);
  });

  it.each(['run', 'xmr', 'p'] as const)('parses empty, one-point and constant %s results', (type) => {
    for (const input of [[], series.slice(0, 1), series.map((p) => ({ ...p, value: 5, numerator: 5 }))]) {
      expect(() => ChartResultSchema.parse(computeChart(type, input, { direction: 'higher_is_better' }))).not.toThrow();
    }
  });
});
