import { pChart, type SeriesInput } from '../index';

function monthly(rows: [numerator: number | null, denominator: number | null][]): SeriesInput[] {
  return rows.map(([numerator, denominator], i) => ({
    date: new Date(Date.UTC(2025, i, 1)).toISOString().slice(0, 10),
    value: -1, // ignored: a p-chart's value is numerator / denominator
    numerator,
    denominator,
  }));
}

/*
 * 12-point p-chart, all hand-computed. Denominators are perfect squares so σᵢ = √(p̄(1 − p̄)/nᵢ) is exact.
 *
 *   i  :    0    1    2    3    4    5     6    7       8    9   10    11
 *   num:   20   18   16    4   35   76     3   15      10    1    0     4
 *   n  :  100  100   64   25  100  400    16  100      64    4    1    36
 *   p  : .20  .18  .25  .16  .35  .19 .1875  .15  .15625  .25    0  .1111…
 *
 *   Σnum = 20+18+16+4+35+76+3+15+10+1+0+4 = 202;  Σn = 100+100+64+25+100+400+16+100+64+4+1+36 = 1010
 *   p̄ = 202/1010 = 0.2;  p̄(1 − p̄) = 0.16;  σᵢ = 0.4/√nᵢ
 *
 *   n    √n   σ        p̄+3σ      p̄−3σ          p̄+2σ       p̄−2σ
 *   100  10   0.04     0.32       0.08          0.28        0.12
 *   64    8   0.05     0.35       0.05          0.30        0.10
 *   25    5   0.08     0.44      −0.04 → 0      0.36        0.04
 *   400  20   0.02     0.26       0.14          0.24        0.16
 *   16    4   0.10     0.50      −0.10 → 0      0.40        0
 *   4     2   0.20     0.80      −0.40 → 0      0.60       −0.20 → 0
 *   1     1   0.40     1.40 → 1  −1.00 → 0      1.00       −0.60 → 0
 *   36    6   0.0667   0.40       0.00          0.333333    0.066667
 *
 * Signals: only p4 = 0.35 > 0.32 is beyond a limit (p10 = 0 is on its lower limit 0, not below). Beyond 2σ: only p4
 * (0.35 > 0.28), so no 2-of-3. Against 0.2: p0 is on the centre, then B A B A B B B B A B B — no run of 7; the
 * longest monotone run is 0.19 > 0.1875 > 0.15 (3).
 */
const rows: [number, number][] = [
  [20, 100],
  [18, 100],
  [16, 64],
  [4, 25],
  [35, 100],
  [76, 400],
  [3, 16],
  [15, 100],
  [10, 64],
  [1, 4],
  [0, 1],
  [4, 36],
];
const expected = [
  { p: 0.2, upper: 0.32, lower: 0.08, upper2: 0.28, lower2: 0.12 },
  { p: 0.18, upper: 0.32, lower: 0.08, upper2: 0.28, lower2: 0.12 },
  { p: 0.25, upper: 0.35, lower: 0.05, upper2: 0.3, lower2: 0.1 },
  { p: 0.16, upper: 0.44, lower: 0, upper2: 0.36, lower2: 0.04 },
  { p: 0.35, upper: 0.32, lower: 0.08, upper2: 0.28, lower2: 0.12 },
  { p: 0.19, upper: 0.26, lower: 0.14, upper2: 0.24, lower2: 0.16 },
  { p: 0.1875, upper: 0.5, lower: 0, upper2: 0.4, lower2: 0 },
  { p: 0.15, upper: 0.32, lower: 0.08, upper2: 0.28, lower2: 0.12 },
  { p: 0.15625, upper: 0.35, lower: 0.05, upper2: 0.3, lower2: 0.1 },
  { p: 0.25, upper: 0.8, lower: 0, upper2: 0.6, lower2: 0 },
  { p: 0, upper: 1, lower: 0, upper2: 1, lower2: 0 },
  { p: 0.111111111, upper: 0.4, lower: 0, upper2: 0.333333333, lower2: 0.066666667 },
];

describe('p-chart', () => {
  const result = pChart(monthly(rows), { direction: 'higher_is_better' });

  it('has p̄ = 202/1010 = 0.2 as the centre of its one segment, with no constant limits', () => {
    expect(result.type).toBe('p');
    expect(result.segments).toHaveLength(1);
    const [segment] = result.segments;
    expect(segment).toMatchObject({ start: 0, end: 12, baselineEnd: 12, upper: null, lower: null, movingRangeMean: null, movingRangeUpper: null });
    expect(segment.centre).toBeCloseTo(0.2, 12);
  });

  it.each(expected.map((e, i) => [i, e] as const))('point %i: value and limits', (i, e) => {
    const point = result.points[i];
    expect(point.index).toBe(i);
    expect(point.segment).toBe(0);
    expect(point.value).toBeCloseTo(e.p, 9);
    expect(point.centre).toBeCloseTo(0.2, 12);
    expect(point.upper).toBeCloseTo(e.upper, 9);
    expect(point.lower).toBeCloseTo(e.lower, 9);
    expect(point.upper2).toBeCloseTo(e.upper2, 9);
    expect(point.lower2).toBeCloseTo(e.lower2, 9);
    expect(point.movingRange).toBeNull();
  });

  it('clips the limits to [0, 1]', () => {
    expect(result.points[10].upper).toBe(1);
    expect(result.points[10].upper2).toBe(1);
    expect(result.points[10].lower).toBe(0);
    expect(result.points[9].lower).toBe(0);
    expect(result.points[3].lower).toBe(0);
  });

  it('flags the one point beyond its limit', () => {
    expect(result.signals).toEqual([{ rule: 'beyond_limit', side: 'above', assessment: 'improvement', indexes: [4] }]);
    expect(result.median).toBeNull();
    expect(result.runs).toBeNull();
    expect(result.usefulObservations).toBeNull();
  });

  /*
   * Change point at 3, n = 100 throughout, numerators 10 10 10 | 50 50 50.
   *   Segment 0: p̄ = 30/300 = 0.1, σ = √(0.1·0.9/100) = 0.03 → 0.19 / 0.01, 2σ lines 0.16 / 0.04
   *   Segment 1: p̄ = 150/300 = 0.5, σ = √(0.25/100) = 0.05 → 0.65 / 0.35, 2σ lines 0.60 / 0.40
   *   Every point sits on its centre: no signals.
   */
  it('recalculates p̄ and the limits from a change point', () => {
    const split = pChart(
      monthly([
        [10, 100],
        [10, 100],
        [10, 100],
        [50, 100],
        [50, 100],
        [50, 100],
      ]),
      { direction: 'higher_is_better', changePoints: [3] },
    );
    expect(split.segments.map((s) => [s.start, s.end, s.baselineEnd])).toEqual([
      [0, 3, 3],
      [3, 6, 6],
    ]);
    expect(split.segments[0].centre).toBeCloseTo(0.1, 12);
    expect(split.segments[1].centre).toBeCloseTo(0.5, 12);
    expect(split.points[2].upper).toBeCloseTo(0.19, 9);
    expect(split.points[2].lower).toBeCloseTo(0.01, 9);
    expect(split.points[2].upper2).toBeCloseTo(0.16, 9);
    expect(split.points[2].lower2).toBeCloseTo(0.04, 9);
    expect(split.points[3].upper).toBeCloseTo(0.65, 9);
    expect(split.points[3].lower).toBeCloseTo(0.35, 9);
    expect(split.points[3].upper2).toBeCloseTo(0.6, 9);
    expect(split.points[3].lower2).toBeCloseTo(0.4, 9);
    expect(split.signals).toEqual([]);
  });

  /*
   * The same six points with baselineLength 3 and no change point: p̄ = 0.1 from the first three; limits 0.19 / 0.01.
   *   beyond_limit: p3, p4, p5 = 0.5 > 0.19. 2σ line 0.16: windows 2..4 and 3..5 qualify → one 2-of-3 [3, 4, 5].
   *   p0..p2 are exactly on p̄ and break the shift; 3..5 is only 3 points. Sorted: index 3 (beyond_limit before
   *   two_of_three), then 4, then 5.
   */
  it('fixes p̄ on the baseline and sorts signals by first index, then rule', () => {
    const fixed = pChart(
      monthly([
        [10, 100],
        [10, 100],
        [10, 100],
        [50, 100],
        [50, 100],
        [50, 100],
      ]),
      { direction: 'lower_is_better', baselineLength: 3 },
    );
    expect(fixed.segments[0]).toMatchObject({ start: 0, end: 6, baselineEnd: 3 });
    expect(fixed.segments[0].centre).toBeCloseTo(0.1, 12);
    expect(fixed.signals).toEqual([
      { rule: 'beyond_limit', side: 'above', assessment: 'concern', indexes: [3] },
      { rule: 'two_of_three', side: 'above', assessment: 'concern', indexes: [3, 4, 5] },
      { rule: 'beyond_limit', side: 'above', assessment: 'concern', indexes: [4] },
      { rule: 'beyond_limit', side: 'above', assessment: 'concern', indexes: [5] },
    ]);
  });

  it('cannot place a point without a positive denominator: value 0, no limits, no part in p̄, no NaN', () => {
    // Usable: (10, 100) and (30, 100) → p̄ = 40/200 = 0.2.
    const withGaps = pChart(
      monthly([
        [10, 100],
        [5, 0],
        [null, 100],
        [3, null],
        [30, 100],
      ]),
      { direction: 'higher_is_better' },
    );
    expect(withGaps.segments[0].centre).toBeCloseTo(0.2, 12);
    for (const i of [1, 2, 3]) {
      expect(withGaps.points[i]).toMatchObject({ value: 0, upper: null, lower: null, upper2: null, lower2: null });
    }
    expect(withGaps.points[4].value).toBeCloseTo(0.3, 12);
    expect(JSON.stringify(withGaps)).not.toMatch(/NaN|Infinity/);
    expect(withGaps.points.flatMap((p) => [p.value, p.centre, p.upper, p.lower, p.upper2, p.lower2]).every((n) => n === null || Number.isFinite(n))).toBe(true);
  });

  it('gives a null centre and no limits when no point can be placed', () => {
    const none = pChart(monthly([[1, 0], [2, 0]]), { direction: 'higher_is_better' });
    expect(none.segments[0].centre).toBeNull();
    expect(none.points.every((p) => p.centre === null && p.upper === null && p.value === 0)).toBe(true);
    expect(none.signals).toEqual([]);
  });
});
