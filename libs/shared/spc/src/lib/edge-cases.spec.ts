import type { ChartResult } from '@simashe/contracts';
import { computeChart, pChart, runChart, xmrChart, type SeriesInput } from '../index';

function daily(values: number[]): SeriesInput[] {
  return values.map((value, i) => ({ date: new Date(Date.UTC(2025, 2, 1 + i)).toISOString().slice(0, 10), value }));
}

const higher = { direction: 'higher_is_better' } as const;
const lower = { direction: 'lower_is_better' } as const;
const rules = (result: ChartResult, rule: string) => result.signals.filter((s) => s.rule === rule);

describe('run chart rules', () => {
  /*
   * 7 7 5 7 7 5 7 7 3 3 3 3 3 3 5: tallies 3×6, 5×3, 7×6 → the 8th of 15 sorted values is 5 = median.
   * Above: 0 1 3 4 6 7 (the 5s at 2 and 5 sit on the median) → 6 counted points → a shift.
   * (Were median points breaking, the runs would be 2+2+2; were they counting, the indexes would be 0..7.)
   * Below: 8..13 → a shift. Point 14 is on the median. Useful = 12, runs = 2.
   * Trend, with repeats counted once: 7 5 7 5 7 3 5 — nothing.
   */
  it('run_shift skips points on the median: they neither break nor count', () => {
    const result = runChart(daily([7, 7, 5, 7, 7, 5, 7, 7, 3, 3, 3, 3, 3, 3, 5]), higher);
    expect(result.median).toBe(5);
    expect(result.usefulObservations).toBe(12);
    expect(result.runs).toBe(2);
    expect(result.signals).toEqual([
      { rule: 'run_shift', side: 'above', assessment: 'improvement', indexes: [0, 1, 3, 4, 6, 7] },
      { rule: 'run_shift', side: 'below', assessment: 'concern', indexes: [8, 9, 10, 11, 12, 13] },
    ]);
  });

  it('run_shift needs 6 counted points', () => {
    // Median of 1 1 1 1 1 9 9 9 9 9 is 5; each side has 5 points.
    expect(rules(runChart(daily([1, 1, 1, 1, 1, 9, 9, 9, 9, 9]), higher), 'run_shift')).toEqual([]);
  });

  /*
   * 1 2 2 3 3 3 4 5 4: of each repeated value only the first counts → 1(0) 2(1) 3(3) 4(6) 5(7) 4(8): rising 0 1 3 6 7.
   * Median: sorted 1 2 2 3 3 3 4 4 5 → 3; sides B B B · · · A A A → no shift.
   */
  it('run_trend ignores repeated values: they neither break nor count', () => {
    const result = runChart(daily([1, 2, 2, 3, 3, 3, 4, 5, 4]), higher);
    expect(result.signals).toEqual([{ rule: 'run_trend', side: 'rising', assessment: 'improvement', indexes: [0, 1, 3, 6, 7] }]);
  });

  /*
   * 9 8 8 7 6 6 5 7: counted 9(0) 8(1) 7(3) 6(4) 5(6) → falling, then 7 rises. Median (7+7)/2 = 7, sides A A A · B B B · .
   * lower_is_better: falling is an improvement.
   */
  it('run_trend falling, assessed for lower_is_better', () => {
    const result = runChart(daily([9, 8, 8, 7, 6, 6, 5, 7]), lower);
    expect(result.median).toBe(7);
    expect(result.signals).toEqual([{ rule: 'run_trend', side: 'falling', assessment: 'improvement', indexes: [0, 1, 3, 4, 6] }]);
  });

  it('a peak belongs to both the rising trend that ends there and the falling trend that starts there', () => {
    // Median of 1 2 3 4 5 4 3 2 1 is 3: B B · A A A · B B, no shift.
    const result = runChart(daily([1, 2, 3, 4, 5, 4, 3, 2, 1]), higher);
    expect(result.signals).toEqual([
      { rule: 'run_trend', side: 'rising', assessment: 'improvement', indexes: [0, 1, 2, 3, 4] },
      { rule: 'run_trend', side: 'falling', assessment: 'concern', indexes: [4, 5, 6, 7, 8] },
    ]);
  });

  it('run_trend needs 5 counted points', () => {
    expect(rules(runChart(daily([1, 2, 2, 3, 4, 4, 1]), higher), 'run_trend')).toEqual([]);
  });

  it('averages the two middle values for an even count and honours baselineLength (no lower bound of 2)', () => {
    // 1 2 3 10: median (2+3)/2 = 2.5; useful 4; sides B B A A → 2 runs.
    expect(runChart(daily([1, 2, 3, 10]), higher)).toMatchObject({ median: 2.5, usefulObservations: 4, runs: 2 });
    // baselineLength 1: the median is the first value, 3; point 0 is on it → useful 3; sides B A A → 2 runs.
    const one = runChart(daily([3, 1, 4, 5]), { ...higher, baselineLength: 1 });
    expect(one).toMatchObject({ median: 3, usefulObservations: 3, runs: 2 });
    expect(one.segments[0].baselineEnd).toBe(1);
  });
});

describe('control chart rules', () => {
  /*
   * Baseline 8 12 8 12 (baselineLength 4): x̄ = 10, MR̄ = (4+4+4)/3 = 4 → limits 10 ± 10.64, 2σ = 8/1.128 = 7.0922.
   * Then 11 11 11 10 11 11 11 11. Above 10: 3 4 5 6, then 7 is exactly on the mean (breaks), then 8 9 10 11.
   * 4 + 4 = 8 points that would be a shift_7 if the point on the mean were skipped. With 7 changed to 11: 3..11 (9).
   */
  it('shift_7: a point exactly on the mean breaks the run', () => {
    const options = { ...higher, baselineLength: 4 };
    const broken = xmrChart(daily([8, 12, 8, 12, 11, 11, 11, 10, 11, 11, 11, 11]), options);
    expect(broken.segments[0].centre).toBe(10);
    expect(broken.signals).toEqual([]);
    const unbroken = xmrChart(daily([8, 12, 8, 12, 11, 11, 11, 11, 11, 11, 11, 11]), options);
    expect(unbroken.signals).toEqual([{ rule: 'shift_7', side: 'above', assessment: 'improvement', indexes: [3, 4, 5, 6, 7, 8, 9, 10, 11] }]);
  });

  it('shift_7 needs 7 points', () => {
    // Baseline as above; 12 is at 3, then 11 × 5 (4..8) → 6 above.
    expect(rules(xmrChart(daily([8, 12, 8, 12, 11, 11, 11, 11, 11, 9]), { ...higher, baselineLength: 4 }), 'shift_7')).toEqual([]);
  });

  /*
   * trend_7 counts an equal value as a break: 1 2 3 3 4 5 6 7 → rises 0..2 (3 points) and 3..7 (5 points), no signal.
   * 1 2 3 4 5 6 7: 7 rising points → signal 0..6. Falling 7 6 5 4 3 2 1 0 → 0..7, a concern when higher is better.
   */
  it('trend_7: 7 strictly monotone points; an equal value breaks', () => {
    expect(rules(xmrChart(daily([1, 2, 3, 3, 4, 5, 6, 7]), higher), 'trend_7')).toEqual([]);
    expect(rules(xmrChart(daily([1, 2, 3, 4, 5, 6, 7]), higher), 'trend_7')).toEqual([
      { rule: 'trend_7', side: 'rising', assessment: 'improvement', indexes: [0, 1, 2, 3, 4, 5, 6] },
    ]);
    expect(rules(xmrChart(daily([7, 6, 5, 4, 3, 2, 1, 0]), higher), 'trend_7')).toEqual([
      { rule: 'trend_7', side: 'falling', assessment: 'concern', indexes: [0, 1, 2, 3, 4, 5, 6, 7] },
    ]);
  });

  /*
   * Baseline 8 12 8 12 (baselineLength 4): x̄ 10, MR̄ 4, UCL 20.64, LCL −0.64, upper2 = 10 + 8/1.128 = 17.092199,
   * lower2 = 2.907801. Points: 4:18 5:10 6:18 7:10 8:10 9:10 10:2 11:2 12:10.
   * Above 2σ: 4, 6 → window 4..6 qualifies (5..7, 6..8 hold one) → [4, 6].
   * Below 2σ: 10, 11 → windows 9..11 and 10..12 qualify and overlap → [10, 11].
   * Nothing beyond the limits (18 < 20.64, 2 > −0.64), no shift (10 sits on the centre), no trend.
   */
  it('two_of_three: two of three beyond the same 2σ line, one signal per stretch of overlapping windows', () => {
    const result = xmrChart(daily([8, 12, 8, 12, 18, 10, 18, 10, 10, 10, 2, 2, 10]), { ...higher, baselineLength: 4 });
    expect(result.points[0].upper2).toBeCloseTo(17.092198582, 6);
    expect(result.points[0].lower2).toBeCloseTo(2.907801418, 6);
    expect(result.signals).toEqual([
      { rule: 'two_of_three', side: 'above', assessment: 'improvement', indexes: [4, 6] },
      { rule: 'two_of_three', side: 'below', assessment: 'concern', indexes: [10, 11] },
    ]);
  });

  /*
   * Same baseline; 18 at 4, 6, 8, 12, 14 and 10 elsewhere. Qualifying windows start at 4 (4, 6), 6 (6, 8) and 12
   * (12, 14). Windows 4..6 and 6..8 share point 6 → one signal [4, 6, 8]; window 12..14 is apart → [12, 14].
   */
  it('two_of_three: windows sharing a point chain into one signal, separate stretches give separate signals', () => {
    const result = xmrChart(daily([8, 12, 8, 12, 18, 10, 18, 10, 18, 10, 10, 10, 18, 10, 18]), { ...higher, baselineLength: 4 });
    expect(result.signals).toEqual([
      { rule: 'two_of_three', side: 'above', assessment: 'improvement', indexes: [4, 6, 8] },
      { rule: 'two_of_three', side: 'above', assessment: 'improvement', indexes: [12, 14] },
    ]);
  });

  it('two_of_three: points beyond the 2σ line on opposite sides do not combine', () => {
    // Same baseline; 18 (above 17.09) and 2 (below 2.91) alternate with 10.
    expect(rules(xmrChart(daily([8, 12, 8, 12, 18, 2, 10, 10]), { ...higher, baselineLength: 4 }), 'two_of_three')).toEqual([]);
  });

  it('beyond_limit below, and lower_is_better flips it to an improvement', () => {
    // Baseline 8 12 8 12: LCL −0.64; −1 is below it.
    const values = daily([8, 12, 8, 12, -1]);
    expect(rules(xmrChart(values, { ...higher, baselineLength: 4 }), 'beyond_limit')).toEqual([
      { rule: 'beyond_limit', side: 'below', assessment: 'concern', indexes: [4] },
    ]);
    expect(rules(xmrChart(values, { ...lower, baselineLength: 4 }), 'beyond_limit')).toEqual([
      { rule: 'beyond_limit', side: 'below', assessment: 'improvement', indexes: [4] },
    ]);
  });
});

describe('lower_is_better', () => {
  // The 24-point worked example (see worked-example.spec.ts).
  const series = daily([10, 12, 9, 11, 10, 8, 11, 9, 10, 12, 10, 8, 10, 11, 12, 14, 15, 28, 15, 19, 14, 15, 13, 11]);

  it('flips every assessment, leaving rules, sides and indexes alone', () => {
    for (const [chart, options] of [
      [xmrChart, {}],
      [xmrChart, { baselineLength: 12 }],
      [runChart, {}],
      [runChart, { baselineLength: 12 }],
    ] as const) {
      const up = chart(series, { ...higher, ...options });
      const down = chart(series, { ...lower, ...options });
      expect(down.direction).toBe('lower_is_better');
      expect(down.signals.length).toBeGreaterThan(0);
      expect(down.signals.map(({ rule, side, indexes }) => ({ rule, side, indexes }))).toEqual(
        up.signals.map(({ rule, side, indexes }) => ({ rule, side, indexes })),
      );
      for (const signal of down.signals) {
        const good = signal.side === 'below' || signal.side === 'falling';
        expect(signal.assessment).toBe(good ? 'improvement' : 'concern');
      }
    }
  });

  it('the XmR shift below x̄ in the whole-series chart is an improvement, everything else a concern', () => {
    expect(xmrChart(series, lower).signals.map((s) => [s.rule, s.side, s.assessment])).toEqual([
      ['shift_7', 'below', 'improvement'],
      ['trend_7', 'rising', 'concern'],
      ['shift_7', 'above', 'concern'],
      ['beyond_limit', 'above', 'concern'],
      ['two_of_three', 'above', 'concern'],
    ]);
  });
});

describe('degenerate series', () => {
  it.each(['run', 'xmr', 'p'] as const)('empty %s chart: no points, segments or signals, and nulls', (type) => {
    expect(computeChart(type, [], higher)).toEqual({
      type,
      direction: 'higher_is_better',
      points: [],
      segments: [],
      signals: [],
      median: null,
      runs: null,
      usefulObservations: null,
    });
  });

  it('one point, XmR: centre is the value, no moving range, no limits', () => {
    const result = xmrChart(daily([5]), higher);
    expect(result.segments).toEqual([
      { start: 0, end: 1, baselineEnd: 1, centre: 5, upper: null, lower: null, movingRangeMean: null, movingRangeUpper: null },
    ]);
    expect(result.points).toEqual([
      { index: 0, date: '2025-03-01', value: 5, segment: 0, centre: 5, upper: null, lower: null, upper2: null, lower2: null, movingRange: null },
    ]);
    expect(result.signals).toEqual([]);
  });

  it('one point, run chart: median is the value, nothing useful, 0 runs', () => {
    expect(runChart(daily([5]), higher)).toMatchObject({ median: 5, usefulObservations: 0, runs: 0, signals: [] });
  });

  it('one point, p-chart: limits from the binomial model', () => {
    // p̄ = 1/4; σ = √(0.25·0.75/4) = √0.046875 = √3/8 = 0.216506351
    // upper = 0.25 + 3√3/8 = 0.899519053, lower = max(0, 0.25 − 0.649519) = 0; upper2 = 0.25 + √3/4 = 0.683012702
    const [point] = pChart([{ date: '2025-03-01', value: 0, numerator: 1, denominator: 4 }], higher).points;
    expect(point.value).toBe(0.25);
    expect(point.centre).toBe(0.25);
    expect(point.upper).toBeCloseTo(0.899519053, 9);
    expect(point.lower).toBe(0);
    expect(point.upper2).toBeCloseTo(0.683012702, 9);
    expect(point.lower2).toBe(0);
  });

  it('constant series, XmR: MR̄ = 0, every line equals the centre, and nothing is strictly beyond it', () => {
    const result = xmrChart(daily([5, 5, 5, 5, 5, 5, 5, 5]), higher);
    expect(result.segments).toEqual([
      { start: 0, end: 8, baselineEnd: 8, centre: 5, upper: 5, lower: 5, movingRangeMean: 0, movingRangeUpper: 0 },
    ]);
    for (const point of result.points) expect(point).toMatchObject({ centre: 5, upper: 5, lower: 5, upper2: 5, lower2: 5 });
    expect(result.points.map((p) => p.movingRange)).toEqual([null, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.signals).toEqual([]);
  });

  it('constant series, run chart: every point on the median, nothing useful', () => {
    expect(runChart(daily([5, 5, 5, 5, 5, 5, 5, 5]), higher)).toMatchObject({ median: 5, usefulObservations: 0, runs: 0, signals: [] });
  });

  it('constant proportion 0, p-chart: σ = 0, limits 0, no signals and no NaN', () => {
    const result = pChart(
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ date: `2025-03-0${i + 1}`, value: 0, numerator: 0, denominator: 50 })),
      higher,
    );
    expect(result.segments[0].centre).toBe(0);
    for (const point of result.points) expect(point).toMatchObject({ value: 0, centre: 0, upper: 0, lower: 0, upper2: 0, lower2: 0 });
    expect(result.signals).toEqual([]);
  });
});

describe('segments and baselines', () => {
  const series = daily([10, 12, 9, 11, 10, 8, 11, 9, 10, 12, 10, 8, 10, 11, 12, 14, 15, 28, 15, 19, 14, 15, 13, 11]);
  const bounds = (result: ChartResult) => result.segments.map((s) => [s.start, s.end, s.baselineEnd]);

  it('ignores invalid change points (≤ 0, ≥ length, duplicates, non-integers) after sorting', () => {
    const messy = xmrChart(series, { ...higher, changePoints: [18, 12, 12, 0, -1, 24, 99, 5.5] });
    expect(bounds(messy)).toEqual([
      [0, 12, 12],
      [12, 18, 18],
      [18, 24, 24],
    ]);
    expect(messy).toEqual(xmrChart(series, { ...higher, changePoints: [12, 18] }));
    expect(bounds(xmrChart(series, { ...higher, changePoints: [0, 24, -5] }))).toEqual([[0, 24, 24]]);
  });

  it('treats baselineLength below 2 (or missing / NaN) as the whole first segment on a control chart', () => {
    const whole = xmrChart(series, higher);
    for (const baselineLength of [1, 0, -3, null, Number.NaN]) {
      expect(xmrChart(series, { ...higher, baselineLength })).toEqual(whole);
      expect(pChart(series, { ...higher, baselineLength }).segments[0].baselineEnd).toBe(24);
    }
  });

  it('clips baselineLength to the first segment', () => {
    expect(bounds(xmrChart(series, { ...higher, baselineLength: 100 }))).toEqual([[0, 24, 24]]);
    expect(bounds(runChart(series, { ...higher, baselineLength: 100 }))).toEqual([[0, 24, 24]]);
    expect(xmrChart(series, { ...higher, baselineLength: 100 }).segments[0].centre).toBeCloseTo(12.375, 9);
  });

  it('a one-point segment has a centre but no moving ranges, so no limits (never NaN)', () => {
    const result = xmrChart(series, { ...higher, changePoints: [1] });
    expect(result.segments[0]).toEqual({
      start: 0,
      end: 1,
      baselineEnd: 1,
      centre: 10,
      upper: null,
      lower: null,
      movingRangeMean: null,
      movingRangeUpper: null,
    });
    expect(result.points[1].movingRange).toBeNull();
    expect(result.points[2].movingRange).toBe(3);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('skips non-finite values in the maths instead of spreading NaN', () => {
    // Usable 10 12 11 9 → x̄ 42/4 = 10.5; moving ranges |12−10| = 2 and |9−11| = 2 (those touching NaN are null) → MR̄ 2.
    const result = xmrChart(daily([10, 12, Number.NaN, 11, 9]), higher);
    expect(result.segments[0].centre).toBeCloseTo(10.5, 12);
    expect(result.segments[0].movingRangeMean).toBeCloseTo(2, 12);
    expect(result.points.map((p) => p.movingRange)).toEqual([null, 2, null, null, 2]);
    // UCL = 10.5 + 2.66·2 = 15.82
    expect(result.segments[0].upper).toBeCloseTo(15.82, 9);
  });

  it('computeChart dispatches on the type', () => {
    expect(computeChart('run', series, higher)).toEqual(runChart(series, higher));
    expect(computeChart('xmr', series, { ...higher, changePoints: [12] })).toEqual(xmrChart(series, { ...higher, changePoints: [12] }));
    const proportions = series.map((p) => ({ ...p, numerator: p.value, denominator: 40 }));
    expect(computeChart('p', proportions, higher)).toEqual(pChart(proportions, higher));
  });
});
