import { DEFINITIONS, type Point } from './measures';
import { prepare, withEstimates, type Prepared } from './prepare';
import { isReason, reason } from './reasons';
import { boundedNormal, createRandom, quantileSorted } from './statistics';
import {
  MEASURE_IDS,
  type Applicability,
  type ComputeOptions,
  type ConfidenceInterval,
  type MeasureId,
  type MeasureResult,
  type Reason,
  type SubgroupGroup,
} from './types';
import { hasErrors, validateGroup } from './validate';

/** HEAT simulates each data set 100 times and seeds R's generator with 123456. */
export const DEFAULT_SIMULATIONS = 100;
export const DEFAULT_SEED = 123456;

/** One computation's shared state: the prepared group and, made once on first need, the simulated data sets. */
interface Context {
  pr: Prepared;
  options: ComputeOptions;
  simulated?: number[][] | Reason;
}

/**
 * Parametric simulation as in HEAT: each subgroup's estimate is drawn from a normal distribution with its estimate as
 * mean and its standard error as SD, redrawn while below 0 (or above 100 on a percentage scale); estimates that are
 * themselves outside those bounds are not bounded on that side. Every measure uses the same data sets.
 */
function simulatedDataSets(context: Context): number[][] | Reason {
  if (context.simulated) return context.simulated;
  const { pr, options } = context;
  if (pr.se.some((s) => s === null)) return reason('needs_standard_errors', 'simulation');
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const count = Math.max(0, Math.floor(options.simulations ?? DEFAULT_SIMULATIONS));
  const sets: number[][] = [];
  for (let k = 0; k < count; k++) {
    sets.push(
      pr.y.map((y, i) => {
        const min = y < 0 ? -Infinity : 0;
        const max = pr.scale === 100 && y <= 100 ? 100 : Infinity;
        return boundedNormal(random, y, pr.se[i] as number, min, max);
      }),
    );
  }
  context.simulated = sets;
  return sets;
}

function simulationInterval(id: MeasureId, context: Context): ConfidenceInterval | Reason {
  const definition = DEFINITIONS[id];
  const sets = simulatedDataSets(context);
  if (isReason(sets)) return reason(sets.code, definition.abbreviation);
  const values: number[] = [];
  for (const y of sets) {
    const point = definition.point(withEstimates(context.pr, y), context.options);
    // A simulated data set where the measure is undefined (e.g. μ at 0) is left out, as R's quantile(na.rm = TRUE).
    if (!isReason(point) && Number.isFinite(point.value)) values.push(point.value);
  }
  if (values.length < 2) return reason('interval_undefined', definition.abbreviation);
  values.sort((a, b) => a - b);
  return { lower: quantileSorted(values, 0.025), upper: quantileSorted(values, 0.975), method: 'simulation', se: null };
}

function measure(id: MeasureId, context: Context): MeasureResult {
  const definition = DEFINITIONS[id];
  const { pr } = context;
  const point = definition.point(pr, context.options);
  if (isReason(point)) return { id, status: 'not_applicable', reason: point };
  if (!Number.isFinite(point.value)) {
    return { id, status: 'not_applicable', reason: reason('value_undefined', definition.abbreviation) };
  }
  const interval =
    definition.interval === 'simulation'
      ? simulationInterval(id, context)
      : (definition.analytic as (pr: Prepared, point: Point) => ConfidenceInterval | Reason)(pr, point);
  const finite = !isReason(interval) && Number.isFinite(interval.lower) && Number.isFinite(interval.upper);
  return {
    id,
    status: 'ok',
    value: point.value,
    ci: finite ? (interval as ConfidenceInterval) : null,
    ciReason: finite ? null : isReason(interval) ? interval : reason('interval_undefined', definition.abbreviation),
    ...(point.compared ? { compared: { first: pr.names[point.compared[0]], second: pr.names[point.compared[1]] } } : {}),
    ...(point.reference !== undefined ? { reference: pr.names[point.reference] } : {}),
    ...(point.average !== undefined ? { average: point.average } : {}),
    ...(point.regression
      ? {
          model: {
            kind: point.regression.kind,
            intercept: point.regression.fit.intercept,
            slope: point.regression.fit.slope,
            v0: point.regression.v0 * pr.scale,
            v1: point.regression.v1 * pr.scale,
          },
        }
      : {}),
  };
}

function contextFor(group: SubgroupGroup, options: ComputeOptions): Context | Reason {
  if (hasErrors(validateGroup(group))) return reason('invalid_group', 'The measure');
  return { pr: prepare(group, options), options };
}

/** Every measure, in `MEASURE_IDS` order: a value (with its 95 % interval when HEAT gives one) or why not. */
export function computeMeasures(group: SubgroupGroup, options: ComputeOptions = {}): MeasureResult[] {
  const context = contextFor(group, options);
  return MEASURE_IDS.map((id) =>
    isReason(context)
      ? { id, status: 'not_applicable', reason: reason('invalid_group', DEFINITIONS[id].abbreviation) }
      : measure(id, context),
  );
}

export function computeMeasure(id: MeasureId, group: SubgroupGroup, options: ComputeOptions = {}): MeasureResult {
  const context = contextFor(group, options);
  if (isReason(context)) return { id, status: 'not_applicable', reason: reason('invalid_group', DEFINITIONS[id].abbreviation) };
  return measure(id, context);
}

/** Whether a measure can be computed for the group (its point estimate; the interval may still be unavailable). */
export function applicability(id: MeasureId, group: SubgroupGroup, options: ComputeOptions = {}): Applicability {
  const context = contextFor(group, options);
  if (isReason(context)) return { ok: false, reason: reason('invalid_group', DEFINITIONS[id].abbreviation) };
  const point = DEFINITIONS[id].point(context.pr, options);
  if (isReason(point)) return { ok: false, reason: point };
  if (!Number.isFinite(point.value)) return { ok: false, reason: reason('value_undefined', DEFINITIONS[id].abbreviation) };
  return { ok: true };
}
