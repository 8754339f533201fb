import type { Prepared } from './prepare';
import { reason } from './reasons';
import { deltaVariance, expit, fitLinear, fitLogit, type RegressionFit } from './regression';
import { sum, Z_975 } from './statistics';
import type { CiMethod, ComputeOptions, ConfidenceInterval, MeasureId, Reason, ReasonCode } from './types';

/** A measure's point estimate with what its interval and its result need to know. */
export interface RegressionModel {
  kind: 'logit' | 'linear';
  fit: RegressionFit;
  /** Predicted values at rank 0 and rank 1, as fractions of the indicator scale. */
  v0: number;
  v1: number;
}

export interface Point {
  value: number;
  /** D and R: indexes of the first and second subgroup. */
  compared?: [number, number];
  /** PAR, PAF, MDB, MDR: index of the subgroup compared with. */
  reference?: number;
  average?: number;
  regression?: RegressionModel;
}

export interface MeasureDefinition {
  abbreviation: string;
  interval: CiMethod;
  point(pr: Prepared, options: ComputeOptions): Point | Reason;
  /** Analytic and regression intervals; simulation intervals are built by the caller from `point`. */
  analytic?(pr: Prepared, point: Point): ConfidenceInterval | Reason;
}

const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
/** First index with the highest (lowest) estimate, so ties resolve to the earlier subgroup. */
const argMax = (candidates: number[], y: readonly number[]) => candidates.reduce((best, i) => (y[i] > y[best] ? i : best));
const argMin = (candidates: number[], y: readonly number[]) => candidates.reduce((best, i) => (y[i] < y[best] ? i : best));

function symmetric(value: number, se: number): ConfidenceInterval {
  return { lower: value - Z_975 * se, upper: value + Z_975 * se, method: 'analytic', se };
}

/** The subgroups D and R compare (HEAT technical notes, tables 1 and 2), as [first, second]. */
function simplePair(pr: Prepared): [number, number] {
  const all = indexes(pr.n);
  if (pr.ordered && pr.byOrder) {
    const disadvantaged = pr.byOrder[0];
    const advantaged = pr.byOrder[pr.n - 1];
    return pr.favourable ? [advantaged, disadvantaged] : [disadvantaged, advantaged];
  }
  if (pr.reference !== null) {
    // The other subgroup is the one that maximises the difference (and, for positive estimates, the ratio).
    const others = all.filter((i) => i !== pr.reference);
    return pr.favourable ? [pr.reference, argMin(others, pr.y)] : [argMax(others, pr.y), pr.reference];
  }
  return [argMax(all, pr.y), argMin(all, pr.y)];
}

/** y_ref of PAR and PAF: the most advantaged (ordered), else the flagged reference, else the best subgroup. */
function impactReference(pr: Prepared): number {
  if (pr.ordered && pr.byOrder) return pr.byOrder[pr.n - 1];
  if (pr.reference !== null) return pr.reference;
  return bestSubgroup(pr);
}

function bestSubgroup(pr: Prepared): number {
  return pr.favourable ? argMax(indexes(pr.n), pr.y) : argMin(indexes(pr.n), pr.y);
}

/** The first unmet requirement, checked in the order a reader would want to hear about them. */
function requires(pr: Prepared, abbreviation: string, checks: readonly Requirement[]): Reason | null {
  for (const check of checks) {
    const code = REQUIREMENTS[check](pr);
    if (code) return reason(code, abbreviation);
  }
  return null;
}

type Requirement = 'two' | 'complex' | 'ordered' | 'nonOrdered' | 'shares' | 'average' | 'positiveAverage' | 'reference';
const REQUIREMENTS: Record<Requirement, (pr: Prepared) => ReasonCode | null> = {
  ordered: (pr) => (pr.ordered ? null : 'needs_ordered_dimension'),
  nonOrdered: (pr) => (pr.ordered ? 'needs_non_ordered_dimension' : null),
  two: (pr) => (pr.n >= 2 ? null : 'needs_two_subgroups'),
  complex: (pr) => (pr.n > 2 ? null : 'needs_more_than_two_subgroups'),
  shares: (pr) => (pr.p ? null : 'needs_population'),
  average: (pr) => (pr.mu === null ? 'needs_average' : null),
  positiveAverage: (pr) => (pr.mu === null ? 'needs_average' : pr.mu > 0 ? null : 'needs_positive_average'),
  reference: (pr) => (pr.reference === null ? 'needs_reference_subgroup' : null),
};

function allSe(pr: Prepared, abbreviation: string): number[] | Reason {
  if (pr.se.some((s) => s === null)) return reason('needs_standard_errors', abbreviation);
  return pr.se as number[];
}

/** SE of PAF as a fraction, from the 2×2 table of the technical notes (reference subgroup vs all others). */
function pafFractionSe(pr: Prepared, ref: number, abbreviation: string): number | Reason {
  if (!pr.counts) return reason('needs_population_counts', abbreviation);
  if (pr.population.some((v) => v === null)) return reason('needs_population', abbreviation);
  const population = pr.population as number[];
  const mu = pr.mu as number;
  const total = population.reduce((a, b) => a + b, 0);
  const refPopulation = population[ref];
  const c = (pr.y[ref] / pr.scale) * refPopulation;
  const d = refPopulation - c;
  const a = (mu / pr.scale) * total - c;
  const b = total - refPopulation - a;
  if ([a, b, c, d].some((v) => v < 0) || a + c <= 0 || c + d <= 0) return reason('interval_undefined', abbreviation);
  const variance = (c * total * (a * d * (total - c) + b * c * c)) / ((a + c) ** 3 * (c + d) ** 3);
  return Math.sqrt(variance);
}

function regression(pr: Prepared, options: ComputeOptions, abbreviation: string): RegressionModel | Reason {
  const unmet = requires(pr, abbreviation, ['ordered', 'complex', 'shares']);
  if (unmet) return unmet;
  const x = pr.rank as number[];
  const p = pr.p as number[];
  const y = pr.y.map((v) => v / pr.scale);
  const kind = options.regression ?? 'logit';
  if (kind === 'logit' && y.some((v) => v < 0 || v > 1)) return reason('estimate_outside_scale', abbreviation);
  if (y.every((v) => v === y[0])) {
    // No inequality: the fit is flat (the logit fit would run away when every estimate is 0 or at the scale).
    const intercept = kind === 'logit' ? Math.log(y[0] / (1 - y[0])) : y[0];
    const covariance: RegressionFit['covariance'] = [
      [0, 0],
      [0, 0],
    ];
    return { kind, fit: { intercept, slope: 0, covariance }, v0: y[0], v1: y[0] };
  }
  const fit = kind === 'logit' ? fitLogit(x, y, p) : fitLinear(x, y, p);
  if (!fit) return reason('regression_failed', abbreviation);
  const v0 = kind === 'logit' ? expit(fit.intercept) : fit.intercept;
  const v1 = kind === 'logit' ? expit(fit.intercept + fit.slope) : fit.intercept + fit.slope;
  return { kind, fit, v0, v1 };
}

function meanAbsoluteDeviation(pr: Prepared, target: number, weighted: boolean): number {
  const p = pr.p as number[];
  return weighted ? sum(pr.n, (i) => p[i] * Math.abs(pr.y[i] - target)) : sum(pr.n, (i) => Math.abs(pr.y[i] - target)) / pr.n;
}

function bgv(pr: Prepared): number {
  const p = pr.p as number[];
  const mu = pr.mu as number;
  return sum(pr.n, (i) => p[i] * (pr.y[i] - mu) ** 2);
}

/** x·ln x with its limit 0 at x = 0. */
const xLogX = (x: number) => (x === 0 ? 0 : x * Math.log(x));

export const DEFINITIONS: Record<MeasureId, MeasureDefinition> = {
  d: {
    abbreviation: 'D',
    interval: 'analytic',
    point(pr) {
      const unmet = requires(pr, 'D', ['two']);
      if (unmet) return unmet;
      const [first, second] = simplePair(pr);
      return { value: pr.y[first] - pr.y[second], compared: [first, second] };
    },
    analytic(pr, point) {
      const [first, second] = point.compared as [number, number];
      const [s1, s2] = [pr.se[first], pr.se[second]];
      if (s1 === null || s2 === null) return reason('needs_standard_errors', 'D');
      return symmetric(point.value, Math.sqrt(s1 * s1 + s2 * s2));
    },
  },
  r: {
    abbreviation: 'R',
    interval: 'analytic',
    point(pr) {
      const unmet = requires(pr, 'R', ['two']);
      if (unmet) return unmet;
      const [first, second] = simplePair(pr);
      if (pr.y[second] === 0) return reason('zero_denominator', 'R');
      return { value: pr.y[first] / pr.y[second], compared: [first, second] };
    },
    analytic(pr, point) {
      const [first, second] = point.compared as [number, number];
      const [s1, s2] = [pr.se[first], pr.se[second]];
      if (s1 === null || s2 === null) return reason('needs_standard_errors', 'R');
      if (point.value <= 0) return reason('interval_undefined', 'R');
      // Delta method; the interval is symmetric on the log scale (HEAT), so it stays positive.
      const se = Math.sqrt(s1 * s1 + point.value ** 2 * s2 * s2) / Math.abs(pr.y[second]);
      const half = (Z_975 * se) / point.value;
      return { lower: point.value * Math.exp(-half), upper: point.value * Math.exp(half), method: 'analytic', se };
    },
  },
  par: {
    abbreviation: 'PAR',
    interval: 'analytic',
    point(pr) {
      const unmet = requires(pr, 'PAR', ['two', 'average']);
      if (unmet) return unmet;
      const ref = impactReference(pr);
      const mu = pr.mu as number;
      const raw = pr.y[ref] - mu;
      // Zero when no improvement is possible (the reference is not better than the average).
      const value = pr.favourable ? (raw > 0 ? raw : 0) : raw < 0 ? raw : 0;
      return { value, reference: ref, average: mu };
    },
    analytic(pr, point) {
      const se = pafFractionSe(pr, point.reference as number, 'PAR');
      if (typeof se !== 'number') return se;
      return symmetric(point.value, Math.abs(pr.mu as number) * se);
    },
  },
  paf: {
    abbreviation: 'PAF',
    interval: 'analytic',
    point(pr) {
      const unmet = requires(pr, 'PAF', ['two', 'positiveAverage']);
      if (unmet) return unmet;
      const par = DEFINITIONS.par.point(pr, {}) as Point;
      return { ...par, value: (par.value / (pr.mu as number)) * 100 };
    },
    analytic(pr, point) {
      const se = pafFractionSe(pr, point.reference as number, 'PAF');
      if (typeof se !== 'number') return se;
      return symmetric(point.value, 100 * se);
    },
  },
  aci: {
    abbreviation: 'ACI',
    interval: 'analytic',
    point(pr) {
      const unmet = requires(pr, 'ACI', ['ordered', 'complex', 'shares']);
      if (unmet) return unmet;
      const p = pr.p as number[];
      const x = pr.rank as number[];
      return { value: sum(pr.n, (i) => p[i] * (2 * x[i] - 1) * pr.y[i]) };
    },
    analytic(pr) {
      const se = allSe(pr, 'ACI');
      if (!Array.isArray(se)) return se;
      const p = pr.p as number[];
      const x = pr.rank as number[];
      const aci = DEFINITIONS.aci.point(pr, {}) as Point;
      return symmetric(aci.value, Math.sqrt(sum(pr.n, (i) => p[i] ** 2 * se[i] ** 2 * (2 * x[i] - 1) ** 2)));
    },
  },
  rci: {
    abbreviation: 'RCI',
    interval: 'analytic',
    point(pr) {
      const unmet = requires(pr, 'RCI', ['ordered', 'complex', 'shares', 'positiveAverage']);
      if (unmet) return unmet;
      const aci = DEFINITIONS.aci.point(pr, {}) as Point;
      return { value: (aci.value / (pr.mu as number)) * 100, average: pr.mu as number };
    },
    analytic(pr, point) {
      const se = allSe(pr, 'RCI');
      if (!Array.isArray(se)) return se;
      const p = pr.p as number[];
      const x = pr.rank as number[];
      const mu = pr.mu as number;
      const fraction = point.value / 100;
      const variance = sum(pr.n, (i) => p[i] ** 2 * se[i] ** 2 * (2 * x[i] - 1 - fraction) ** 2) / mu ** 2;
      return symmetric(point.value, 100 * Math.sqrt(variance));
    },
  },
  sii: {
    abbreviation: 'SII',
    interval: 'regression',
    point(pr, options) {
      const model = regression(pr, options, 'SII');
      if ('code' in model) return model;
      return { value: pr.scale * (model.v1 - model.v0), regression: model };
    },
    analytic(pr, point) {
      const { kind, fit, v0, v1 } = point.regression as RegressionModel;
      const gradient: [number, number] = kind === 'logit' ? [v1 * (1 - v1) - v0 * (1 - v0), v1 * (1 - v1)] : [0, 1];
      const se = pr.scale * Math.sqrt(deltaVariance(fit, gradient));
      return { ...symmetric(point.value, se), method: 'regression' };
    },
  },
  rii: {
    abbreviation: 'RII',
    interval: 'regression',
    point(pr, options) {
      const model = regression(pr, options, 'RII');
      if ('code' in model) return model;
      if (model.v0 <= 0 || model.v1 <= 0) return reason(model.kind === 'linear' ? 'non_positive_prediction' : 'zero_denominator', 'RII');
      return { value: model.v1 / model.v0, regression: model };
    },
    analytic(_pr, point) {
      const { kind, fit, v0, v1 } = point.regression as RegressionModel;
      // ln RII = ln v1 − ln v0, by the delta method; the interval is exp(ln RII ± z·se).
      const gradient: [number, number] = kind === 'logit' ? [v0 - v1, 1 - v1] : [1 / v1 - 1 / v0, 1 / v1];
      const seLog = Math.sqrt(deltaVariance(fit, gradient));
      return {
        lower: point.value * Math.exp(-Z_975 * seLog),
        upper: point.value * Math.exp(Z_975 * seLog),
        method: 'regression',
        se: point.value * seLog,
      };
    },
  },
  bgv: {
    abbreviation: 'BGV',
    interval: 'analytic',
    point(pr) {
      const unmet = requires(pr, 'BGV', ['nonOrdered', 'complex', 'shares', 'average']);
      if (unmet) return unmet;
      return { value: bgv(pr), average: pr.mu as number };
    },
    analytic(pr, point) {
      const se = allSe(pr, 'BGV');
      if (!Array.isArray(se)) return se;
      const p = pr.p as number[];
      const mu = pr.mu as number;
      const s2 = sum(pr.n, (i) => p[i] ** 2 * se[i] ** 2);
      const variance =
        4 * sum(pr.n, (i) => p[i] ** 2 * se[i] ** 2 * (pr.y[i] - mu) ** 2) +
        2 * (s2 * s2 - sum(pr.n, (i) => p[i] ** 4 * se[i] ** 4) + sum(pr.n, (i) => p[i] ** 2 * (1 - p[i]) ** 2 * se[i] ** 4));
      return symmetric(point.value, Math.sqrt(variance));
    },
  },
  bgsd: {
    abbreviation: 'BGSD',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'BGSD', ['nonOrdered', 'complex', 'shares', 'average']);
      if (unmet) return unmet;
      return { value: Math.sqrt(bgv(pr)), average: pr.mu as number };
    },
  },
  cov: {
    abbreviation: 'COV',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'COV', ['nonOrdered', 'complex', 'shares', 'positiveAverage']);
      if (unmet) return unmet;
      return { value: (Math.sqrt(bgv(pr)) / (pr.mu as number)) * 100, average: pr.mu as number };
    },
  },
  mdmu: {
    abbreviation: 'MDMU',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'MDMU', ['nonOrdered', 'complex', 'average']);
      if (unmet) return unmet;
      return { value: meanAbsoluteDeviation(pr, pr.mu as number, false), average: pr.mu as number };
    },
  },
  mdmw: {
    abbreviation: 'MDMW',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'MDMW', ['nonOrdered', 'complex', 'shares', 'average']);
      if (unmet) return unmet;
      return { value: meanAbsoluteDeviation(pr, pr.mu as number, true), average: pr.mu as number };
    },
  },
  mdbu: {
    abbreviation: 'MDBU',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'MDBU', ['nonOrdered', 'complex']);
      if (unmet) return unmet;
      const best = bestSubgroup(pr);
      return { value: meanAbsoluteDeviation(pr, pr.y[best], false), reference: best };
    },
  },
  mdbw: {
    abbreviation: 'MDBW',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'MDBW', ['nonOrdered', 'complex', 'shares']);
      if (unmet) return unmet;
      const best = bestSubgroup(pr);
      return { value: meanAbsoluteDeviation(pr, pr.y[best], true), reference: best };
    },
  },
  mdru: {
    abbreviation: 'MDRU',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'MDRU', ['nonOrdered', 'complex', 'reference']);
      if (unmet) return unmet;
      const ref = pr.reference as number;
      return { value: meanAbsoluteDeviation(pr, pr.y[ref], false), reference: ref };
    },
  },
  mdrw: {
    abbreviation: 'MDRW',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'MDRW', ['nonOrdered', 'complex', 'reference', 'shares']);
      if (unmet) return unmet;
      const ref = pr.reference as number;
      return { value: meanAbsoluteDeviation(pr, pr.y[ref], true), reference: ref };
    },
  },
  idisu: {
    abbreviation: 'IDISU',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'IDISU', ['nonOrdered', 'complex', 'positiveAverage']);
      if (unmet) return unmet;
      const mu = pr.mu as number;
      return { value: (meanAbsoluteDeviation(pr, mu, false) / mu) * 100, average: mu };
    },
  },
  idisw: {
    abbreviation: 'IDISW',
    interval: 'simulation',
    point(pr) {
      const unmet = requires(pr, 'IDISW', ['nonOrdered', 'complex', 'shares', 'positiveAverage']);
      if (unmet) return unmet;
      const mu = pr.mu as number;
      return { value: (meanAbsoluteDeviation(pr, mu, true) / mu) * 100, average: mu };
    },
  },
  ti: {
    abbreviation: 'TI',
    interval: 'analytic',
    point(pr) {
      const unmet = requires(pr, 'TI', ['nonOrdered', 'complex', 'shares', 'positiveAverage']);
      if (unmet) return unmet;
      if (pr.y.some((v) => v < 0)) return reason('needs_non_negative_estimates', 'TI');
      const p = pr.p as number[];
      const mu = pr.mu as number;
      return { value: 1000 * sum(pr.n, (i) => p[i] * xLogX(pr.y[i] / mu)), average: mu };
    },
    analytic(pr, point) {
      const se = allSe(pr, 'TI');
      if (!Array.isArray(se)) return se;
      // The variance has ln(yⱼ/μ) without the yⱼ factor that tames it at 0.
      if (pr.y.some((v) => v <= 0)) return reason('interval_undefined', 'TI');
      const p = pr.p as number[];
      const mu = pr.mu as number;
      const r = pr.y.map((v) => v / mu);
      const centre = sum(pr.n, (k) => p[k] * r[k] * (1 + Math.log(r[k])));
      const variance = sum(pr.n, (j) => p[j] ** 2 * se[j] ** 2 * (1 + Math.log(r[j]) - centre) ** 2) / mu ** 2;
      return symmetric(point.value, 1000 * Math.sqrt(variance));
    },
  },
  mld: {
    abbreviation: 'MLD',
    interval: 'analytic',
    point(pr) {
      const unmet = requires(pr, 'MLD', ['nonOrdered', 'complex', 'shares', 'positiveAverage']);
      if (unmet) return unmet;
      if (pr.y.some((v) => v <= 0)) return reason('needs_positive_estimates', 'MLD');
      const p = pr.p as number[];
      const mu = pr.mu as number;
      return { value: 1000 * sum(pr.n, (i) => -p[i] * Math.log(pr.y[i] / mu)), average: mu };
    },
    analytic(pr, point) {
      const se = allSe(pr, 'MLD');
      if (!Array.isArray(se)) return se;
      const p = pr.p as number[];
      const mu = pr.mu as number;
      const variance = sum(pr.n, (j) => ((p[j] ** 2 * se[j] ** 2) / mu ** 2) * (1 - mu / pr.y[j]) ** 2);
      return symmetric(point.value, 1000 * Math.sqrt(variance));
    },
  },
};
