/**
 * One group in HEAT's sense: a setting × date × indicator × dimension, with one row per subgroup (the HEAT Plus
 * template's columns, already parsed).
 */
export interface Subgroup {
  name: string;
  estimate: number;
  /** Standard error of the estimate; when absent it is derived from `lower`/`upper` (a 95 % interval). */
  se?: number | null;
  lower?: number | null;
  upper?: number | null;
  /** Number of people affected or at risk (or a population share, see `SubgroupGroup.populationType`). */
  population?: number | null;
  /** Rank on an ordered dimension, increasing from the most disadvantaged to the most advantaged subgroup. */
  order?: number | null;
  reference?: boolean;
}

export interface SubgroupGroup {
  subgroups: readonly Subgroup[];
  /** Ordered dimension (e.g. wealth quintiles, education levels); binary and other dimensions are not. */
  ordered: boolean;
  /** Favourable indicator (more is better, e.g. coverage) rather than adverse (e.g. mortality). */
  favourable: boolean;
  /** Indicator scale: 100 for percentages, 1000 for rates per 1000, 1 for e.g. births per woman. */
  scale: number;
  /** The setting (national) average; when absent the population-weighted mean of the subgroup estimates is used. */
  settingAverage?: number | null;
  /**
   * Whether `population` holds counts (the HEAT Plus template's meaning, the default) or shares. Shares need not sum
   * to 1 (they are normalised); only the PAF and PAR intervals, which need numbers of people, are refused for shares.
   */
  populationType?: 'count' | 'share';
}

/** HEAT's 21 summary measures, in the order of `MEASURE_IDS` in `@simashe/contracts` (monitoring schema). */
export const MEASURE_IDS = [
  'd',
  'r',
  'par',
  'paf',
  'sii',
  'rii',
  'aci',
  'rci',
  'bgv',
  'bgsd',
  'cov',
  'mdbu',
  'mdbw',
  'mdmu',
  'mdmw',
  'mdru',
  'mdrw',
  'idisu',
  'idisw',
  'ti',
  'mld',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export interface ComputeOptions {
  /** Simulated data sets for the simulation-based intervals (HEAT: 100). */
  simulations?: number;
  /** Seed of the pseudo-random generator, so that simulated intervals are reproducible (HEAT's R code: 123456). */
  seed?: number;
  /**
   * μ, the setting average: `setting` (default) uses `settingAverage` when given and the population-weighted mean
   * otherwise; `weighted` always uses the weighted mean when every population is known (what HEAT 6's R code does).
   */
  average?: 'setting' | 'weighted';
  /** SII/RII model: a GLM with logit link (HEAT, the default) or weighted least squares (healthequal's `linear`). */
  regression?: 'logit' | 'linear';
}

/** Why a measure (or its interval) cannot be given. `key` is the i18n key; `message` is English, for logs only. */
export const REASON_CODES = [
  'invalid_group',
  'needs_two_subgroups',
  'needs_more_than_two_subgroups',
  'needs_ordered_dimension',
  'needs_non_ordered_dimension',
  'needs_population',
  'needs_average',
  'needs_positive_average',
  'needs_reference_subgroup',
  'zero_denominator',
  'needs_positive_estimates',
  'needs_non_negative_estimates',
  'estimate_outside_scale',
  'regression_failed',
  'non_positive_prediction',
  'needs_standard_errors',
  'needs_population_counts',
  'interval_undefined',
  'value_undefined',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  key: string;
  message: string;
}

export type CiMethod = 'analytic' | 'simulation' | 'regression';

export interface ConfidenceInterval {
  lower: number;
  upper: number;
  method: CiMethod;
  /** Standard error of the measure (on the measure's own scale) when the interval is built from one. */
  se: number | null;
}

export interface MeasureValue {
  id: MeasureId;
  status: 'ok';
  value: number;
  /** 95 % confidence interval, or null with `ciReason` saying why. */
  ci: ConfidenceInterval | null;
  ciReason: Reason | null;
  /** D and R: the subgroups compared, as value = first − second (D) or first / second (R). */
  compared?: { first: string; second: string };
  /** PAR, PAF, MDB, MDR: the subgroup everyone is compared with. */
  reference?: string;
  /** μ used, for the measures that use it. */
  average?: number;
  /** SII and RII: the fitted model, predicted values on the indicator's scale at rank 0 and rank 1. */
  model?: { kind: 'logit' | 'linear'; intercept: number; slope: number; v0: number; v1: number };
}

export interface MeasureNotApplicable {
  id: MeasureId;
  status: 'not_applicable';
  reason: Reason;
}

export type MeasureResult = MeasureValue | MeasureNotApplicable;

export type Applicability = { ok: true } | { ok: false; reason: Reason };

export const GROUP_PROBLEM_CODES = [
  'no_subgroups',
  'empty_name',
  'duplicate_subgroup',
  'invalid_estimate',
  'invalid_se',
  'invalid_interval',
  'estimate_outside_interval',
  'invalid_population',
  'missing_population',
  'zero_total_population',
  'shares_do_not_sum_to_one',
  'multiple_reference_subgroups',
  'no_reference_subgroup',
  'reference_on_ordered_dimension',
  'missing_order',
  'invalid_order',
  'duplicate_order',
  'invalid_scale',
  'invalid_setting_average',
] as const;
export type GroupProblemCode = (typeof GROUP_PROBLEM_CODES)[number];

/**
 * A structural problem of a group. Errors stop every measure (`invalid_group`); warnings mean some measures will be
 * not applicable, or an input is ignored or normalised.
 */
export interface GroupProblem {
  code: GroupProblemCode;
  severity: 'error' | 'warning';
  /** The subgroup concerned, by its position in `subgroups` (and its name when it has one). */
  index?: number;
  subgroup?: string;
}
