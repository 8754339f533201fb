import { z } from 'zod';

/**
 * Statistical process control charts as the API serves them: computed once by `@simashe/spc` and drawn by the web
 * (and by server-side export) from this JSON, never recomputed by a client.
 */
export const CHART_TYPES = ['run', 'xmr', 'p'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
export const MEASURE_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

/**
 * run_shift / run_trend: IHI run-chart rules (≥ 6 on one side of the median, ≥ 5 rising or falling).
 * beyond_limit, shift_7, trend_7, two_of_three: NHS "Making Data Count" special-cause rules.
 */
export const SIGNAL_RULES = ['run_shift', 'run_trend', 'beyond_limit', 'shift_7', 'trend_7', 'two_of_three'] as const;
export type SignalRule = (typeof SIGNAL_RULES)[number];
export const SIGNAL_SIDES = ['above', 'below', 'rising', 'falling'] as const;
export const SIGNAL_ASSESSMENTS = ['improvement', 'concern'] as const;

export const ChartSignalSchema = z.object({
  rule: z.enum(SIGNAL_RULES),
  /** Indexes (0-based, into points) of every point that makes up the signal. */
  indexes: z.array(z.number().int()),
  side: z.enum(SIGNAL_SIDES),
  assessment: z.enum(SIGNAL_ASSESSMENTS),
});
export type ChartSignal = z.infer<typeof ChartSignalSchema>;

export const ChartPointSchema = z.object({
  index: z.number().int(),
  date: z.string(),
  value: z.number(),
  /** Index into segments. */
  segment: z.number().int(),
  centre: z.number().nullable(),
  upper: z.number().nullable(),
  lower: z.number().nullable(),
  /** The 2σ lines used by the two-of-three rule (control charts only). */
  upper2: z.number().nullable(),
  lower2: z.number().nullable(),
  /** XmR only: |xᵢ − xᵢ₋₁| within the segment, null at a segment's first point. */
  movingRange: z.number().nullable(),
});
export type ChartPoint = z.infer<typeof ChartPointSchema>;

export const ChartSegmentSchema = z.object({
  /** First point of the segment (inclusive) and end (exclusive). */
  start: z.number().int(),
  end: z.number().int(),
  /** Points [start, baselineEnd) fixed the centre line and limits. */
  baselineEnd: z.number().int(),
  centre: z.number().nullable(),
  /** Constant limits (XmR); null for run charts and p-charts (whose limits vary per point). */
  upper: z.number().nullable(),
  lower: z.number().nullable(),
  movingRangeMean: z.number().nullable(),
  movingRangeUpper: z.number().nullable(),
});
export type ChartSegment = z.infer<typeof ChartSegmentSchema>;

export const ChartResultSchema = z.object({
  type: z.enum(CHART_TYPES),
  direction: z.enum(MEASURE_DIRECTIONS),
  points: z.array(ChartPointSchema),
  segments: z.array(ChartSegmentSchema),
  signals: z.array(ChartSignalSchema),
  /** Run charts: the median and the number of runs (crossings + 1, points on the median ignored). */
  median: z.number().nullable(),
  runs: z.number().int().nullable(),
  /** Points not on the median (what the runs table is read against). */
  usefulObservations: z.number().int().nullable(),
});
export type ChartResult = z.infer<typeof ChartResultSchema>;
