import type { ChartPoint, ChartResult, ChartSegment, ChartSignal, ChartType, MeasureDirection } from '@simashe/contracts';
import { segmentBounds, type SegmentBounds } from './segments';
import { controlSignals, countRuns, placeAgainstMedian, runShiftSignals, runTrendSignals, sortSignals, type RulePoint } from './signals';
import { mean, median } from './statistics';

export interface SeriesInput {
  date: string;
  value: number;
  /** p-charts: the count of events and the count of opportunities; the point's value is their ratio. */
  numerator?: number | null;
  denominator?: number | null;
}

export interface ChartOptions {
  direction: MeasureDirection;
  /**
   * The first segment's centre and limits (a run chart's median) come from its first N points only and are extended
   * over the rest of it. Clipped to the segment; below 2 on a control chart (below 1 on a run chart) it is ignored.
   */
  baselineLength?: number | null;
  /** Indexes where a new segment starts, whose centre and limits come from all its own points. Ignored by run charts. */
  changePoints?: number[];
}

/** XmR constants: limits at x̄ ± 2.66·MR̄, moving-range limit 3.267·MR̄, σ estimated as MR̄ / d₂ with d₂ = 1.128. */
export const XMR_LIMIT_FACTOR = 2.66;
export const MOVING_RANGE_LIMIT_FACTOR = 3.267;
export const XMR_D2 = 1.128;

/** The minimum baseline a control chart accepts from `baselineLength` (shorter means the whole first segment). */
const CONTROL_MINIMUM_BASELINE = 2;

function emptyResult(type: ChartType, direction: MeasureDirection): ChartResult {
  return { type, direction, points: [], segments: [], signals: [], median: null, runs: null, usefulObservations: null };
}

function segmentOf(bounds: readonly SegmentBounds[]): number[] {
  const owner: number[] = [];
  bounds.forEach((b, k) => {
    for (let index = b.start; index < b.end; index++) owner[index] = k;
  });
  return owner;
}

function baselineValues(values: readonly number[], usable: readonly boolean[], b: SegmentBounds): number[] {
  const result: number[] = [];
  for (let index = b.start; index < b.baselineEnd; index++) if (usable[index]) result.push(values[index]);
  return result;
}

function rulePoint(point: ChartPoint, usable: boolean): RulePoint {
  const { value, centre, upper, lower, upper2, lower2 } = point;
  return { value, usable, centre, upper, lower, upper2, lower2 };
}

/**
 * Run chart: one segment (change points ignored), centre line at the median of the baseline, IHI shift (≥ 6 on one
 * side, points on the median skipped) and trend (≥ 5 rising or falling, repeated values counted once) rules.
 */
export function runChart(series: SeriesInput[], options: ChartOptions): ChartResult {
  const { direction } = options;
  if (series.length === 0) return emptyResult('run', direction);
  const [b] = segmentBounds(series.length, [], options.baselineLength, 1);
  const values = series.map((p) => p.value);
  const usable = values.map((v) => Number.isFinite(v));
  const centre = median(baselineValues(values, usable, b));
  const points: ChartPoint[] = series.map((p, index) => ({
    index,
    date: p.date,
    value: p.value,
    segment: 0,
    centre,
    upper: null,
    lower: null,
    upper2: null,
    lower2: null,
    movingRange: null,
  }));
  const segment: ChartSegment = { ...b, centre, upper: null, lower: null, movingRangeMean: null, movingRangeUpper: null };
  const rules = points.map((p, index) => rulePoint(p, usable[index]));
  const signals = sortSignals([...runShiftSignals(rules, b, direction), ...runTrendSignals(rules, b, direction)]);
  const { useful, runs } = countRuns(b, (index) => placeAgainstMedian(rules[index]));
  return {
    type: 'run',
    direction,
    points,
    segments: [segment],
    signals,
    median: centre,
    runs: centre === null ? null : runs,
    usefulObservations: centre === null ? null : useful,
  };
}

/**
 * XmR (individuals and moving range) chart: per segment, centre = mean of the baseline, MR̄ = mean of the moving ranges
 * inside the baseline, limits centre ± 2.66·MR̄, 2σ lines centre ± 2·MR̄/1.128, moving-range limit 3.267·MR̄.
 */
export function xmrChart(series: SeriesInput[], options: ChartOptions): ChartResult {
  const { direction } = options;
  if (series.length === 0) return emptyResult('xmr', direction);
  const bounds = segmentBounds(series.length, options.changePoints, options.baselineLength, CONTROL_MINIMUM_BASELINE);
  const values = series.map((p) => p.value);
  const usable = values.map((v) => Number.isFinite(v));
  const movingRanges: (number | null)[] = values.map(() => null);
  const segments: ChartSegment[] = bounds.map((b) => {
    for (let index = b.start + 1; index < b.end; index++) {
      if (usable[index] && usable[index - 1]) movingRanges[index] = Math.abs(values[index] - values[index - 1]);
    }
    const centre = mean(baselineValues(values, usable, b));
    const baselineRanges: number[] = [];
    for (let index = b.start + 1; index < b.baselineEnd; index++) {
      const range = movingRanges[index];
      if (range !== null) baselineRanges.push(range);
    }
    const movingRangeMean = centre === null ? null : mean(baselineRanges);
    const limited = centre !== null && movingRangeMean !== null;
    return {
      ...b,
      centre,
      upper: limited ? centre + XMR_LIMIT_FACTOR * movingRangeMean : null,
      lower: limited ? centre - XMR_LIMIT_FACTOR * movingRangeMean : null,
      movingRangeMean,
      movingRangeUpper: movingRangeMean === null ? null : MOVING_RANGE_LIMIT_FACTOR * movingRangeMean,
    };
  });
  const owner = segmentOf(bounds);
  const points: ChartPoint[] = series.map((p, index) => {
    const s = segments[owner[index]];
    const twoSigma = s.centre !== null && s.movingRangeMean !== null ? (2 * s.movingRangeMean) / XMR_D2 : null;
    return {
      index,
      date: p.date,
      value: p.value,
      segment: owner[index],
      centre: s.centre,
      upper: s.upper,
      lower: s.lower,
      upper2: s.centre !== null && twoSigma !== null ? s.centre + twoSigma : null,
      lower2: s.centre !== null && twoSigma !== null ? s.centre - twoSigma : null,
      movingRange: movingRanges[index],
    };
  });
  const rules = points.map((p, index) => rulePoint(p, usable[index]));
  const signals = sortSignals(bounds.flatMap((b) => controlSignals(rules, b, direction)));
  return { type: 'xmr', direction, points, segments, signals, median: null, runs: null, usefulObservations: null };
}

/**
 * p-chart: each point is numerator / denominator; per segment p̄ = Σ numerators / Σ denominators over the baseline,
 * per point σᵢ = √(p̄(1 − p̄)/nᵢ), limits p̄ ± 3σᵢ and 2σ lines p̄ ± 2σᵢ, clipped to [0, 1]. A point without a positive
 * finite denominator and a finite numerator cannot be placed: its value is 0, its limits null, it takes no part in p̄
 * and it breaks any run.
 */
export function pChart(series: SeriesInput[], options: ChartOptions): ChartResult {
  const { direction } = options;
  if (series.length === 0) return emptyResult('p', direction);
  const bounds = segmentBounds(series.length, options.changePoints, options.baselineLength, CONTROL_MINIMUM_BASELINE);
  const usable = series.map(
    (p) =>
      typeof p.numerator === 'number' &&
      Number.isFinite(p.numerator) &&
      typeof p.denominator === 'number' &&
      Number.isFinite(p.denominator) &&
      p.denominator > 0,
  );
  const numerators = series.map((p, index) => (usable[index] ? (p.numerator as number) : 0));
  const denominators = series.map((p, index) => (usable[index] ? (p.denominator as number) : 0));
  const segments: ChartSegment[] = bounds.map((b) => {
    let events = 0;
    let opportunities = 0;
    for (let index = b.start; index < b.baselineEnd; index++) {
      events += numerators[index];
      opportunities += denominators[index];
    }
    const centre = opportunities > 0 ? events / opportunities : null;
    return { ...b, centre, upper: null, lower: null, movingRangeMean: null, movingRangeUpper: null };
  });
  const owner = segmentOf(bounds);
  const points: ChartPoint[] = series.map((p, index) => {
    const centre = segments[owner[index]].centre;
    const point: ChartPoint = {
      index,
      date: p.date,
      value: usable[index] ? numerators[index] / denominators[index] : 0,
      segment: owner[index],
      centre,
      upper: null,
      lower: null,
      upper2: null,
      lower2: null,
      movingRange: null,
    };
    if (centre !== null && usable[index]) {
      const sigma = Math.sqrt(Math.max(0, centre * (1 - centre)) / denominators[index]);
      point.upper = Math.min(1, centre + 3 * sigma);
      point.lower = Math.max(0, centre - 3 * sigma);
      point.upper2 = Math.min(1, centre + 2 * sigma);
      point.lower2 = Math.max(0, centre - 2 * sigma);
    }
    return point;
  });
  const rules = points.map((p, index) => rulePoint(p, usable[index]));
  const signals: ChartSignal[] = sortSignals(bounds.flatMap((b) => controlSignals(rules, b, direction)));
  return { type: 'p', direction, points, segments, signals, median: null, runs: null, usefulObservations: null };
}

/** The chart of the given type. */
export function computeChart(type: ChartType, series: SeriesInput[], options: ChartOptions): ChartResult {
  switch (type) {
    case 'run':
      return runChart(series, options);
    case 'xmr':
      return xmrChart(series, options);
    case 'p':
      return pChart(series, options);
    default: {
      const unknown: never = type;
      throw new Error(`Unknown chart type: ${String(unknown)}`);
    }
  }
}
