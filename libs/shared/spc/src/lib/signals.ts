import type { ChartSignal, MeasureDirection, SignalRule } from '@simashe/contracts';
import type { SegmentBounds } from './segments';

export type SignalSide = ChartSignal['side'];
type LevelSide = 'above' | 'below';
type TrendSide = 'rising' | 'falling';

/** What the signal rules read of one point. `usable` is false for a value that is missing or could not be computed. */
export interface RulePoint {
  value: number;
  usable: boolean;
  centre: number | null;
  upper: number | null;
  lower: number | null;
  upper2: number | null;
  lower2: number | null;
}

/** Where a point stands for a run rule: on a side, skipped (neither breaks nor counts) or breaking the run. */
export type Placement = LevelSide | 'skip' | 'break';

interface Found {
  side: SignalSide;
  indexes: number[];
}

/** Above or rising is good news when higher is better, bad news when lower is better (and the reverse). */
export function assessSide(side: SignalSide, direction: MeasureDirection): ChartSignal['assessment'] {
  const up = side === 'above' || side === 'rising';
  return up === (direction === 'higher_is_better') ? 'improvement' : 'concern';
}

function toSignals(rule: SignalRule, found: Found[], direction: MeasureDirection): ChartSignal[] {
  return found.map(({ side, indexes }) => ({ rule, indexes, side, assessment: assessSide(side, direction) }));
}

/** By first index, then rule name (then side, so the order never depends on detection order). */
export function sortSignals(signals: ChartSignal[]): ChartSignal[] {
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...signals].sort((a, b) => (a.indexes[0] ?? 0) - (b.indexes[0] ?? 0) || order(a.rule, b.rule) || order(a.side, b.side));
}

/** Maximal runs of points on one side within a segment; at least `minimum` counted points make a signal. */
function sideRuns(bounds: SegmentBounds, place: (index: number) => Placement, minimum: number): Found[] {
  const found: Found[] = [];
  let side: LevelSide | null = null;
  let run: number[] = [];
  const flush = (): void => {
    if (side !== null && run.length >= minimum) found.push({ side, indexes: run });
    side = null;
    run = [];
  };
  for (let index = bounds.start; index < bounds.end; index++) {
    const placement = place(index);
    if (placement === 'skip') continue;
    if (placement === 'break') {
      flush();
      continue;
    }
    if (placement !== side) {
      flush();
      side = placement;
    }
    run.push(index);
  }
  flush();
  return found;
}

/** The number of runs: switches of side between successive counted points, plus one (0 when nothing counts). */
export function countRuns(bounds: SegmentBounds, place: (index: number) => Placement): { useful: number; runs: number } {
  let useful = 0;
  let runs = 0;
  let previous: LevelSide | null = null;
  for (let index = bounds.start; index < bounds.end; index++) {
    const placement = place(index);
    if (placement !== 'above' && placement !== 'below') continue;
    useful++;
    if (placement !== previous) runs++;
    previous = placement;
  }
  return { useful, runs };
}

/** Stretches of consecutive usable points within a segment (an unusable point ends a stretch). */
function usableStretches(points: readonly RulePoint[], bounds: SegmentBounds): number[][] {
  const stretches: number[][] = [];
  let current: number[] = [];
  for (let index = bounds.start; index < bounds.end; index++) {
    if (points[index].usable) {
      current.push(index);
    } else if (current.length > 0) {
      stretches.push(current);
      current = [];
    }
  }
  if (current.length > 0) stretches.push(current);
  return stretches;
}

/**
 * Maximal strictly rising / strictly falling runs along `sequence` (indexes into points); an equal step breaks a run,
 * and a peak or trough belongs to both the run ending and the run starting there.
 */
function monotoneRuns(points: readonly RulePoint[], sequence: readonly number[], minimum: number): Found[] {
  const found: Found[] = [];
  let side: TrendSide | null = null;
  let from = 0;
  const flush = (to: number): void => {
    if (side !== null && to - from + 1 >= minimum) found.push({ side, indexes: sequence.slice(from, to + 1) });
  };
  for (let k = 1; k < sequence.length; k++) {
    const before = points[sequence[k - 1]].value;
    const after = points[sequence[k]].value;
    const step: TrendSide | null = after > before ? 'rising' : after < before ? 'falling' : null;
    if (step !== side) {
      flush(k - 1);
      side = step;
      from = k - 1;
    }
  }
  flush(sequence.length - 1);
  return found;
}

/** IHI shift: ≥ 6 points on one side of the median; points on the median neither break nor count. */
export function runShiftSignals(points: readonly RulePoint[], bounds: SegmentBounds, direction: MeasureDirection): ChartSignal[] {
  return toSignals('run_shift', sideRuns(bounds, (index) => placeAgainstMedian(points[index]), 6), direction);
}

/** Where a point stands against a run chart's median (on the median: skipped). */
export function placeAgainstMedian(point: RulePoint): Placement {
  if (!point.usable || point.centre === null) return 'break';
  return point.value > point.centre ? 'above' : point.value < point.centre ? 'below' : 'skip';
}

/** IHI trend: ≥ 5 points all rising or all falling; of successive equal values only the first counts. */
export function runTrendSignals(points: readonly RulePoint[], bounds: SegmentBounds, direction: MeasureDirection): ChartSignal[] {
  const found = usableStretches(points, bounds).flatMap((stretch) => {
    const distinct = stretch.filter((index, k) => k === 0 || points[index].value !== points[stretch[k - 1]].value);
    return monotoneRuns(points, distinct, 5);
  });
  return toSignals('run_trend', found, direction);
}

/** A point strictly above the upper or strictly below the lower limit. */
export function beyondLimitSignals(points: readonly RulePoint[], bounds: SegmentBounds, direction: MeasureDirection): ChartSignal[] {
  const found: Found[] = [];
  for (let index = bounds.start; index < bounds.end; index++) {
    const { usable, value, upper, lower } = points[index];
    if (!usable) continue;
    if (upper !== null && value > upper) found.push({ side: 'above', indexes: [index] });
    else if (lower !== null && value < lower) found.push({ side: 'below', indexes: [index] });
  }
  return toSignals('beyond_limit', found, direction);
}

/** ≥ 7 points strictly on one side of the centre line; a point on the line breaks the run. */
export function shiftSignals(points: readonly RulePoint[], bounds: SegmentBounds, direction: MeasureDirection): ChartSignal[] {
  const place = (index: number): Placement => {
    const { usable, value, centre } = points[index];
    if (!usable || centre === null) return 'break';
    return value > centre ? 'above' : value < centre ? 'below' : 'break';
  };
  return toSignals('shift_7', sideRuns(bounds, place, 7), direction);
}

/** ≥ 7 points each strictly higher (or lower) than the one before; an equal value breaks the run. */
export function trendSignals(points: readonly RulePoint[], bounds: SegmentBounds, direction: MeasureDirection): ChartSignal[] {
  const found = usableStretches(points, bounds).flatMap((stretch) => monotoneRuns(points, stretch, 7));
  return toSignals('trend_7', found, direction);
}

/**
 * Two (or three) of three consecutive points strictly beyond the same 2σ line. Qualifying windows that overlap (share
 * a point) form one signal whose indexes are their points beyond that line.
 */
export function twoOfThreeSignals(points: readonly RulePoint[], bounds: SegmentBounds, direction: MeasureDirection): ChartSignal[] {
  const found: Found[] = [];
  for (const side of ['above', 'below'] as const) {
    const beyond = (index: number): boolean => {
      const { usable, value, upper2, lower2 } = points[index];
      if (!usable) return false;
      return side === 'above' ? upper2 !== null && value > upper2 : lower2 !== null && value < lower2;
    };
    let group: Set<number> | null = null;
    let lastWindow = Number.NEGATIVE_INFINITY;
    const flush = (): void => {
      if (group !== null) found.push({ side, indexes: [...group].sort((a, b) => a - b) });
      group = null;
    };
    for (let start = bounds.start; start + 2 < bounds.end; start++) {
      const hits = [start, start + 1, start + 2].filter(beyond);
      if (hits.length < 2) continue;
      if (group !== null && start - lastWindow <= 2) {
        for (const hit of hits) group.add(hit);
      } else {
        flush();
        group = new Set(hits);
      }
      lastWindow = start;
    }
    flush();
  }
  return toSignals('two_of_three', found, direction);
}

/** Every NHS "Making Data Count" rule over one segment of a control chart. */
export function controlSignals(points: readonly RulePoint[], bounds: SegmentBounds, direction: MeasureDirection): ChartSignal[] {
  return [
    ...beyondLimitSignals(points, bounds, direction),
    ...shiftSignals(points, bounds, direction),
    ...trendSignals(points, bounds, direction),
    ...twoOfThreeSignals(points, bounds, direction),
  ];
}
