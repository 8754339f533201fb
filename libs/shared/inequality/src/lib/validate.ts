import type { GroupProblem, SubgroupGroup } from './types';

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isGiven = (value: number | null | undefined): value is number => value !== null && value !== undefined;

/** Shares further than this from 1 in total are reported (they are normalised anyway). */
const SHARE_TOLERANCE = 0.01;

/**
 * Structural problems of a group, in subgroup order: what the import reports line by line. An empty list means every
 * measure that applies to the group's kind of dimension can be attempted.
 */
export function validateGroup(group: SubgroupGroup): GroupProblem[] {
  const problems: GroupProblem[] = [];
  const subgroups = group.subgroups;
  const nameOf = (index: number) => (typeof subgroups[index].name === 'string' ? subgroups[index].name.trim() : '');
  const at = (index: number) => ({ index, ...(nameOf(index) ? { subgroup: nameOf(index) } : {}) });

  if (!isNumber(group.scale) || group.scale <= 0) problems.push({ code: 'invalid_scale', severity: 'error' });
  if (isGiven(group.settingAverage) && !isNumber(group.settingAverage)) {
    problems.push({ code: 'invalid_setting_average', severity: 'error' });
  }
  if (subgroups.length === 0) {
    problems.push({ code: 'no_subgroups', severity: 'error' });
    return problems;
  }

  const names = new Set<string>();
  const orders = new Set<number>();
  let populationTotal = 0;
  let populationsKnown = 0;
  subgroups.forEach((s, index) => {
    const name = nameOf(index);
    if (!name) problems.push({ code: 'empty_name', severity: 'error', index });
    else if (names.has(name)) problems.push({ code: 'duplicate_subgroup', severity: 'error', ...at(index) });
    names.add(name);

    if (!isNumber(s.estimate)) problems.push({ code: 'invalid_estimate', severity: 'error', ...at(index) });
    if (isGiven(s.se) && (!isNumber(s.se) || s.se < 0)) problems.push({ code: 'invalid_se', severity: 'error', ...at(index) });
    const bounds = [s.lower, s.upper].filter(isGiven);
    if (bounds.some((b) => !isNumber(b)) || (isNumber(s.lower) && isNumber(s.upper) && s.lower > s.upper)) {
      problems.push({ code: 'invalid_interval', severity: 'error', ...at(index) });
    } else if (
      isNumber(s.estimate) &&
      ((isNumber(s.lower) && s.estimate < s.lower) || (isNumber(s.upper) && s.estimate > s.upper))
    ) {
      problems.push({ code: 'estimate_outside_interval', severity: 'warning', ...at(index) });
    }

    if (!isGiven(s.population)) {
      problems.push({ code: 'missing_population', severity: 'warning', ...at(index) });
    } else if (!isNumber(s.population) || s.population < 0) {
      problems.push({ code: 'invalid_population', severity: 'error', ...at(index) });
    } else {
      populationTotal += s.population;
      populationsKnown++;
    }

    if (group.ordered) {
      if (!isGiven(s.order)) problems.push({ code: 'missing_order', severity: 'error', ...at(index) });
      else if (!isNumber(s.order)) problems.push({ code: 'invalid_order', severity: 'error', ...at(index) });
      else if (orders.has(s.order)) problems.push({ code: 'duplicate_order', severity: 'error', ...at(index) });
      else orders.add(s.order);
    }
  });

  if (populationsKnown === subgroups.length) {
    if (populationTotal <= 0) problems.push({ code: 'zero_total_population', severity: 'warning' });
    else if (group.populationType === 'share' && Math.abs(populationTotal - 1) > SHARE_TOLERANCE) {
      problems.push({ code: 'shares_do_not_sum_to_one', severity: 'warning' });
    }
  }

  const references = subgroups.map((s, index) => (s.reference ? index : -1)).filter((index) => index >= 0);
  if (group.ordered) {
    // HEAT's tables: simple measures on ordered dimensions compare the extremes of the order ("reference: N/A").
    for (const index of references) problems.push({ code: 'reference_on_ordered_dimension', severity: 'warning', ...at(index) });
  } else if (references.length > 1) {
    for (const index of references.slice(1)) problems.push({ code: 'multiple_reference_subgroups', severity: 'error', ...at(index) });
  } else if (references.length === 0) {
    // Optional in HEAT; without it MDRU and MDRW are not applicable and D, R, PAR, PAF use the best subgroup.
    problems.push({ code: 'no_reference_subgroup', severity: 'warning' });
  }
  return problems;
}

export function hasErrors(problems: readonly GroupProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
