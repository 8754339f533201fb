import type { ChartResult } from '@simashe/contracts';
import { runChart, xmrChart, type SeriesInput } from '../index';

/*
 * The 24-point worked example. Every expected number below is computed by hand here, not by the implementation.
 *
 *   i   :  0  1  2  3  4  5  6  7  8  9 10 11 | 12 13 14 15 16 17 18 19 20 21 22 23
 *   x   : 10 12  9 11 10  8 11  9 10 12 10  8 | 10 11 12 14 15 28 15 19 14 15 13 11
 *   MR  :  -  2  3  2  1  2  3  2  1  2  2  2 |  2  1  1  2  1 13 13  4  5  1  2  2
 *
 *   Σx(0..11)  = 10+12+9+11+10+8+11+9+10+12+10+8 = 120
 *   Σx(12..23) = 10+11+12+14+15+28+15+19+14+15+13+11 = 177          Σx = 297
 *   ΣMR(1..11)  = 2+3+2+1+2+3+2+1+2+2+2 = 22                          (11 ranges)
 *   ΣMR(12..23) = 2+1+1+2+1+13+13+4+5+1+2+2 = 47                      ΣMR = 69 (23 ranges)
 *
 * (a) Whole series as baseline
 *   XmR: x̄ = 297/24 = 12.375;  MR̄ = 69/23 = 3
 *        UCL = 12.375 + 2.66·3 = 12.375 + 7.98 = 20.355;  LCL = 12.375 − 7.98 = 4.395;  MR UCL = 3.267·3 = 9.801
 *        σ = 3/1.128 = 125/47 = 2.659574468…;  2σ = 250/47 = 5.319148936…
 *        upper2 = 17.694148936…;  lower2 = 7.055851064…
 *        beyond limits: only x17 = 28 > 20.355 (nothing below 4.395; min is 8)
 *        shift_7: x0..x14 are all ≤ 12 < 12.375 (15 below); x15..x22 are all ≥ 13 (8 above); x23 = 11 is alone below
 *        trend_7: x11..x17 = 8 < 10 < 11 < 12 < 14 < 15 < 28 (7 rising; x10 = 10 > x11, x18 = 15 < x17)
 *        2-of-3 above 17.694: beyond points x17 = 28, x19 = 19; only window 17..19 holds two → [17, 19]; none below 7.056
 *   Run: tallies 8×2, 9×2, 10×5, 11×4, 12×3, 13×1, 14×2, 15×3, 19×1, 28×1 (24 values): the 12th and 13th sorted
 *        values are both 11 → median 11. On the median: i = 3, 6, 13, 23 → useful = 20.
 *        sides (useful only): B0 | A1 | B2 B4 B5 B7 B8 | A9 | B10 B11 B12 | A14…A22 → 6 runs.
 *        run_shift: only A14..A22 has ≥ 6 (9 points); the below run {2,4,5,7,8} has 5.
 *        run_trend: no two successive values are equal; rising 11..17 (7 points); longest falling run is 3.
 *
 * (b) Baseline = first 12 points
 *   XmR: x̄ = 120/12 = 10;  MR̄ = 22/11 = 2 (ranges 1..11, both points inside the baseline)
 *        UCL = 10 + 5.32 = 15.32;  LCL = 4.68;  MR UCL = 3.267·2 = 6.534
 *        σ = 2/1.128 = 250/141 = 1.773049645…;  upper2 = 13.546099291…;  lower2 = 6.453900709…
 *        beyond limits: x17 = 28 and x19 = 19 (> 15.32; the 15s are inside)
 *        shift_7: x12 = 10 is exactly on the centre and breaks; x13..x23 (11 points) are all > 10
 *        trend_7: unchanged, 11..17
 *        2-of-3 above 13.546: beyond points 15..21 (14 15 28 15 19 14 15; x14 = 12 and x22 = 13 are not); windows
 *        starting at 14..20 each hold two or three → one signal [15..21]
 *   Run: first 12 sorted 8 8 9 9 10 10 10 10 11 11 12 12 → median (10+10)/2 = 10. On it: i = 0, 4, 8, 10, 12 → useful 19.
 *        sides: A1 B2 A3 B5 A6 B7 A9 B11 A13…A23 → 9 runs. run_shift: A13..A23 (11). run_trend: 11..17.
 */
const VALUES = [10, 12, 9, 11, 10, 8, 11, 9, 10, 12, 10, 8, 10, 11, 12, 14, 15, 28, 15, 19, 14, 15, 13, 11];
const MOVING_RANGES = [null, 2, 3, 2, 1, 2, 3, 2, 1, 2, 2, 2, 2, 1, 1, 2, 1, 13, 13, 4, 5, 1, 2, 2];

function weekly(values: number[]): SeriesInput[] {
  return values.map((value, i) => ({ date: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10), value }));
}

const series = weekly(VALUES);
const higher = { direction: 'higher_is_better' } as const;

function expectLines(result: ChartResult, lines: { centre: number; upper: number; lower: number; upper2: number; lower2: number }): void {
  for (const point of result.points) {
    expect(point.centre).toBeCloseTo(lines.centre, 9);
    expect(point.upper).toBeCloseTo(lines.upper, 6);
    expect(point.lower).toBeCloseTo(lines.lower, 6);
    expect(point.upper2).toBeCloseTo(lines.upper2, 6);
    expect(point.lower2).toBeCloseTo(lines.lower2, 6);
  }
}

describe('24-point worked example: run chart', () => {
  it('(a) whole series: median 11, 20 useful observations, 6 runs, a trend and a shift', () => {
    const result = runChart(series, higher);
    expect(result.type).toBe('run');
    expect(result.median).toBe(11);
    expect(result.usefulObservations).toBe(20);
    expect(result.runs).toBe(6);
    expect(result.segments).toEqual([
      { start: 0, end: 24, baselineEnd: 24, centre: 11, upper: null, lower: null, movingRangeMean: null, movingRangeUpper: null },
    ]);
    expect(result.points.map((p) => p.value)).toEqual(VALUES);
    for (const point of result.points) {
      expect(point).toMatchObject({ segment: 0, centre: 11, upper: null, lower: null, upper2: null, lower2: null, movingRange: null });
    }
    expect(result.signals).toEqual([
      { rule: 'run_trend', side: 'rising', assessment: 'improvement', indexes: [11, 12, 13, 14, 15, 16, 17] },
      { rule: 'run_shift', side: 'above', assessment: 'improvement', indexes: [14, 15, 16, 17, 18, 19, 20, 21, 22] },
    ]);
  });

  it('(b) median fixed on the first 12 points: median 10, 19 useful observations, 9 runs', () => {
    const result = runChart(series, { ...higher, baselineLength: 12 });
    expect(result.median).toBe(10);
    expect(result.usefulObservations).toBe(19);
    expect(result.runs).toBe(9);
    expect(result.segments).toEqual([
      { start: 0, end: 24, baselineEnd: 12, centre: 10, upper: null, lower: null, movingRangeMean: null, movingRangeUpper: null },
    ]);
    expect(result.points.every((p) => p.centre === 10)).toBe(true);
    expect(result.signals).toEqual([
      { rule: 'run_trend', side: 'rising', assessment: 'improvement', indexes: [11, 12, 13, 14, 15, 16, 17] },
      { rule: 'run_shift', side: 'above', assessment: 'improvement', indexes: [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23] },
    ]);
  });

  it('ignores change points', () => {
    const result = runChart(series, { ...higher, changePoints: [12] });
    expect(result.segments).toHaveLength(1);
    expect(result.median).toBe(11);
  });
});

describe('24-point worked example: XmR chart', () => {
  it('(a) whole series: x̄ 12.375, MR̄ 3, limits 20.355 / 4.395, MR limit 9.801', () => {
    const result = xmrChart(series, higher);
    expect(result.type).toBe('xmr');
    expect(result.segments).toHaveLength(1);
    const [segment] = result.segments;
    expect(segment).toMatchObject({ start: 0, end: 24, baselineEnd: 24 });
    expect(segment.centre).toBeCloseTo(12.375, 9);
    expect(segment.movingRangeMean).toBeCloseTo(3, 9);
    expect(segment.upper).toBeCloseTo(20.355, 6);
    expect(segment.lower).toBeCloseTo(4.395, 6);
    expect(segment.movingRangeUpper).toBeCloseTo(9.801, 6);
    expect(result.points.map((p) => p.movingRange)).toEqual(MOVING_RANGES);
    expect(result.points.every((p) => p.segment === 0)).toBe(true);
    expectLines(result, { centre: 12.375, upper: 20.355, lower: 4.395, upper2: 17.694148936, lower2: 7.055851064 });
    expect(result.median).toBeNull();
    expect(result.runs).toBeNull();
    expect(result.usefulObservations).toBeNull();
  });

  it('(a) whole series: signals', () => {
    const result = xmrChart(series, higher);
    expect(result.signals.filter((s) => s.rule === 'beyond_limit').map((s) => s.indexes)).toEqual([[17]]);
    expect(result.signals).toEqual([
      { rule: 'shift_7', side: 'below', assessment: 'concern', indexes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] },
      { rule: 'trend_7', side: 'rising', assessment: 'improvement', indexes: [11, 12, 13, 14, 15, 16, 17] },
      { rule: 'shift_7', side: 'above', assessment: 'improvement', indexes: [15, 16, 17, 18, 19, 20, 21, 22] },
      { rule: 'beyond_limit', side: 'above', assessment: 'improvement', indexes: [17] },
      { rule: 'two_of_three', side: 'above', assessment: 'improvement', indexes: [17, 19] },
    ]);
  });

  it('(b) limits fixed on the first 12 points: x̄ 10, MR̄ 2, limits 15.32 / 4.68, MR limit 6.534', () => {
    const result = xmrChart(series, { ...higher, baselineLength: 12 });
    expect(result.segments).toHaveLength(1);
    const [segment] = result.segments;
    expect(segment).toMatchObject({ start: 0, end: 24, baselineEnd: 12 });
    expect(segment.centre).toBeCloseTo(10, 9);
    expect(segment.movingRangeMean).toBeCloseTo(2, 9);
    expect(segment.upper).toBeCloseTo(15.32, 6);
    expect(segment.lower).toBeCloseTo(4.68, 6);
    expect(segment.movingRangeUpper).toBeCloseTo(6.534, 6);
    // Moving ranges are still shown for every point; only the ones inside the baseline made MR̄.
    expect(result.points.map((p) => p.movingRange)).toEqual(MOVING_RANGES);
    expectLines(result, { centre: 10, upper: 15.32, lower: 4.68, upper2: 13.546099291, lower2: 6.453900709 });
  });

  it('(b) limits fixed on the first 12 points: signals', () => {
    const result = xmrChart(series, { ...higher, baselineLength: 12 });
    expect(result.signals.filter((s) => s.rule === 'beyond_limit').map((s) => s.indexes)).toEqual([[17], [19]]);
    expect(result.signals).toEqual([
      { rule: 'trend_7', side: 'rising', assessment: 'improvement', indexes: [11, 12, 13, 14, 15, 16, 17] },
      { rule: 'shift_7', side: 'above', assessment: 'improvement', indexes: [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23] },
      { rule: 'two_of_three', side: 'above', assessment: 'improvement', indexes: [15, 16, 17, 18, 19, 20, 21] },
      { rule: 'beyond_limit', side: 'above', assessment: 'improvement', indexes: [17] },
      { rule: 'beyond_limit', side: 'above', assessment: 'improvement', indexes: [19] },
    ]);
  });
});

/*
 * Change point at 12.
 *   Segment 0 = i 0..11: x̄ = 120/12 = 10, MR̄ = 22/11 = 2 → 15.32 / 4.68, MR UCL 6.534 (as in (b)).
 *   Segment 1 = i 12..23: x̄ = 177/12 = 14.75; MR at 12 is null (first point of the segment);
 *     ΣMR(13..23) = 1+1+2+1+13+13+4+5+1+2+2 = 45 over 11 ranges → MR̄ = 45/11 = 4.090909…
 *     UCL = 14.75 + 2.66·45/11 = 14.75 + 119.7/11 = 14.75 + 10.881818… = 25.631818…;  LCL = 3.868181…
 *     MR UCL = 3.267·45/11 = 147.015/11 = 13.365
 *     upper2 = 14.75 + 2·(45/11)/1.128 = 14.75 + 7.253385 ≈ 22.003 → only x17 = 28 is beyond it: no 2-of-3.
 *   Signals: x17 = 28 > 25.63 is the only one. The rise 11..17 no longer counts as trend_7: x11 belongs to segment 0,
 *   and 12..17 is only 6 points. Segment 1 sides against 14.75: B B B B A A A A B A B B — no run of 7.
 */
describe('24-point worked example: change point at 12', () => {
  it('recalculates the centre and limits from index 12', () => {
    const result = xmrChart(series, { ...higher, changePoints: [12] });
    expect(result.segments).toHaveLength(2);
    const [first, second] = result.segments;
    expect(first).toMatchObject({ start: 0, end: 12, baselineEnd: 12 });
    expect(first.centre).toBeCloseTo(10, 9);
    expect(first.movingRangeMean).toBeCloseTo(2, 9);
    expect(first.upper).toBeCloseTo(15.32, 6);
    expect(first.lower).toBeCloseTo(4.68, 6);
    expect(first.movingRangeUpper).toBeCloseTo(6.534, 6);
    expect(second).toMatchObject({ start: 12, end: 24, baselineEnd: 24 });
    expect(second.centre).toBeCloseTo(14.75, 9);
    expect(second.movingRangeMean).toBeCloseTo(4.090909091, 6);
    expect(second.upper).toBeCloseTo(25.631818182, 6);
    expect(second.lower).toBeCloseTo(3.868181818, 6);
    expect(second.movingRangeUpper).toBeCloseTo(13.365, 6);

    expect(result.points.map((p) => p.segment)).toEqual([...Array(12).fill(0), ...Array(12).fill(1)]);
    expect(result.points[11].upper).toBeCloseTo(15.32, 6);
    expect(result.points[12].centre).toBeCloseTo(14.75, 9);
    expect(result.points[12].upper).toBeCloseTo(25.631818182, 6);
    expect(result.points[23].lower).toBeCloseTo(3.868181818, 6);
    expect(result.points.map((p) => p.movingRange)).toEqual([...MOVING_RANGES.slice(0, 12), null, ...MOVING_RANGES.slice(13)]);
  });

  it('detects signals within each segment only', () => {
    const result = xmrChart(series, { ...higher, changePoints: [12] });
    expect(result.signals).toEqual([{ rule: 'beyond_limit', side: 'above', assessment: 'improvement', indexes: [17] }]);
  });

  /*
   * baselineLength 4 with the change point: segment 0 limits from x0..x3 = 10 12 9 11 only.
   *   x̄ = 42/4 = 10.5; MR 1..3 = 2+3+2 = 7 → MR̄ = 7/3 = 2.333333…
   *   UCL = 10.5 + 2.66·7/3 = 10.5 + 6.206667 = 16.706667;  LCL = 4.293333;  MR UCL = 3.267·7/3 = 7.623
   *   Segment 1 is unaffected (its baseline is all its own points).
   */
  it('fixes the first segment on its first N points and leaves later segments whole', () => {
    const result = xmrChart(series, { ...higher, changePoints: [12], baselineLength: 4 });
    const [first, second] = result.segments;
    expect(first).toMatchObject({ start: 0, end: 12, baselineEnd: 4 });
    expect(first.centre).toBeCloseTo(10.5, 9);
    expect(first.movingRangeMean).toBeCloseTo(2.333333333, 6);
    expect(first.upper).toBeCloseTo(16.706666667, 6);
    expect(first.lower).toBeCloseTo(4.293333333, 6);
    expect(first.movingRangeUpper).toBeCloseTo(7.623, 6);
    expect(second).toMatchObject({ start: 12, end: 24, baselineEnd: 24 });
    expect(second.centre).toBeCloseTo(14.75, 9);
  });

  it('clips a baseline longer than the first segment', () => {
    const result = xmrChart(series, { ...higher, changePoints: [12], baselineLength: 20 });
    expect(result.segments[0]).toMatchObject({ start: 0, end: 12, baselineEnd: 12 });
    expect(result.segments[0].centre).toBeCloseTo(10, 9);
    expect(result.segments[0].movingRangeMean).toBeCloseTo(2, 9);
  });
});
