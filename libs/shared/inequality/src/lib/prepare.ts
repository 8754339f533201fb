import { Z_975 } from './statistics';
import type { ComputeOptions, SubgroupGroup } from './types';

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A valid group reduced to arrays, with everything the measures share computed once. */
export interface Prepared {
  n: number;
  names: string[];
  y: number[];
  /** Standard errors (given, or from a 95 % interval); null where neither is known. */
  se: (number | null)[];
  /** Population shares normalised to sum to 1; null unless every population is known and the total is positive. */
  p: number[] | null;
  /** Populations as given (counts when `populationType` is `count`). */
  population: (number | null)[];
  counts: boolean;
  ordered: boolean;
  favourable: boolean;
  scale: number;
  /** μ: the setting average or the population-weighted mean; null when neither is available. */
  mu: number | null;
  /** True when μ is the weighted mean of the estimates (so a simulated data set has its own μ). */
  muFromEstimates: boolean;
  /** Ordered dimensions: subgroup indexes from the most disadvantaged to the most advantaged. */
  byOrder: number[] | null;
  /** Ordered dimensions with shares: each subgroup's relative rank Xⱼ (cumulative share at its midpoint). */
  rank: number[] | null;
  /** Non-ordered dimensions: the reference subgroup's index, if one is flagged. */
  reference: number | null;
}

export function weightedMean(y: readonly number[], p: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) total += p[i] * y[i];
  return total;
}

/** Assumes `validateGroup` found no error. */
export function prepare(group: SubgroupGroup, options: ComputeOptions = {}): Prepared {
  const subgroups = group.subgroups;
  const n = subgroups.length;
  const y = subgroups.map((s) => s.estimate);
  const se = subgroups.map((s) => {
    if (isNumber(s.se)) return s.se;
    // A 95 % interval symmetric on the estimate's scale, as HEAT Plus's template implies when only bounds are given.
    if (isNumber(s.lower) && isNumber(s.upper) && s.upper >= s.lower) return (s.upper - s.lower) / (2 * Z_975);
    return null;
  });
  const population = subgroups.map((s) => (isNumber(s.population) ? s.population : null));
  const total = population.reduce<number>((a, b) => a + (b ?? 0), 0);
  const p = population.every((v) => v !== null) && total > 0 ? population.map((v) => (v as number) / total) : null;

  let mu: number | null = null;
  let muFromEstimates = false;
  const setting = isNumber(group.settingAverage) ? group.settingAverage : null;
  if (options.average === 'weighted' && p) {
    mu = weightedMean(y, p);
    muFromEstimates = true;
  } else if (setting !== null) {
    mu = setting;
  } else if (p) {
    mu = weightedMean(y, p);
    muFromEstimates = true;
  }

  let byOrder: number[] | null = null;
  let rank: number[] | null = null;
  if (group.ordered) {
    byOrder = subgroups.map((_, i) => i).sort((a, b) => (subgroups[a].order as number) - (subgroups[b].order as number));
    if (p) {
      rank = new Array<number>(n);
      let cumulative = 0;
      for (const i of byOrder) {
        rank[i] = cumulative + p[i] / 2;
        cumulative += p[i];
      }
    }
  }

  const flagged = subgroups.findIndex((s) => s.reference);
  return {
    n,
    names: subgroups.map((s) => s.name),
    y,
    se,
    p,
    population,
    counts: (group.populationType ?? 'count') === 'count',
    ordered: group.ordered,
    favourable: group.favourable,
    scale: group.scale,
    mu,
    muFromEstimates,
    byOrder,
    rank,
    reference: group.ordered || flagged < 0 ? null : flagged,
  };
}

/** The same group with other estimates (a simulated data set): μ follows them when it was their weighted mean. */
export function withEstimates(prepared: Prepared, y: number[]): Prepared {
  const mu = prepared.muFromEstimates && prepared.p ? weightedMean(y, prepared.p) : prepared.mu;
  return { ...prepared, y, mu };
}
