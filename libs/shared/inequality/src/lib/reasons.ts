import type { Reason, ReasonCode } from './types';

/** English for logs and tests only; the web words each code from its i18n key `inequality.reasons.<code>`. */
const MESSAGES: Record<ReasonCode, (measure: string) => string> = {
  invalid_group: (m) => `${m} cannot be computed: the group has structural errors (see validateGroup)`,
  needs_two_subgroups: (m) => `${m} needs at least two subgroups`,
  needs_more_than_two_subgroups: (m) => `${m} needs more than two subgroups`,
  needs_ordered_dimension: (m) => `${m} needs an ordered dimension`,
  needs_non_ordered_dimension: (m) => `${m} is for non-ordered dimensions`,
  needs_population: (m) => `${m} needs the population of every subgroup`,
  needs_average: (m) => `${m} needs the setting average or the population of every subgroup`,
  needs_positive_average: (m) => `${m} needs a setting average above 0`,
  needs_reference_subgroup: (m) => `${m} needs a reference subgroup`,
  zero_denominator: (m) => `${m} is undefined: the subgroup in the denominator has an estimate of 0`,
  needs_positive_estimates: (m) => `${m} needs every estimate above 0 (logarithm of 0)`,
  needs_non_negative_estimates: (m) => `${m} needs estimates of 0 or more`,
  estimate_outside_scale: (m) => `${m} (logistic model) needs every estimate between 0 and the indicator scale`,
  regression_failed: (m) => `${m}: the regression did not converge (e.g. every estimate at 0 or at the scale)`,
  non_positive_prediction: (m) => `${m}: the linear model predicts 0 or less at one end of the ranking`,
  needs_standard_errors: (m) => `${m} interval needs the standard error (or 95 % interval) of every subgroup used`,
  needs_population_counts: (m) => `${m} interval needs population counts, not shares`,
  interval_undefined: (m) => `${m} interval is undefined for these estimates`,
  value_undefined: (m) => `${m} is not a finite number for these estimates`,
};

export function reason(code: ReasonCode, measure: string): Reason {
  return { code, key: `inequality.reasons.${code}`, message: MESSAGES[code](measure) };
}

export function isReason(value: unknown): value is Reason {
  return typeof value === 'object' && value !== null && 'code' in value && 'key' in value;
}
