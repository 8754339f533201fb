import { computeMeasure } from './compute';
import type { ComputeOptions, MeasureId, MeasureValue, Subgroup, SubgroupGroup } from './types';

/** Test fixtures and helpers (not exported by the lib). */

/** z for 95 %, written out independently of the lib's constant. */
export const Z = 1.959963984540054;

/**
 * Education (ordered), favourable, percentages. Shares 0.25, 0.25, 0.5; relative ranks 0.125, 0.375, 0.75;
 * weighted mean μ = 0.25·20 + 0.25·40 + 0.5·60 = 45.
 */
export function education(overrides: Partial<SubgroupGroup> = {}): SubgroupGroup {
  return {
    ordered: true,
    favourable: true,
    scale: 100,
    subgroups: [
      { name: 'No education', estimate: 20, se: 2, population: 100, order: 1 },
      { name: 'Primary', estimate: 40, se: 3, population: 100, order: 2 },
      { name: 'Secondary or higher', estimate: 60, se: 4, population: 200, order: 3 },
    ],
    ...overrides,
  };
}

/**
 * Regions (non-ordered), favourable, percentages. Shares 0.2, 0.3, 0.4, 0.1;
 * μ = 0.2·50 + 0.3·70 + 0.4·80 + 0.1·40 = 67.
 */
export function regions(overrides: Partial<SubgroupGroup> = {}, subgroups?: Subgroup[]): SubgroupGroup {
  return {
    ordered: false,
    favourable: true,
    scale: 100,
    subgroups: subgroups ?? [
      { name: 'North', estimate: 50, se: 2, population: 200 },
      { name: 'East', estimate: 70, se: 3, population: 300 },
      { name: 'Capital', estimate: 80, se: 2.5, population: 400 },
      { name: 'South', estimate: 40, se: 4, population: 100 },
    ],
    ...overrides,
  };
}

/** The same group with one subgroup flagged as reference. */
export function withReference(group: SubgroupGroup, name: string): SubgroupGroup {
  return { ...group, subgroups: group.subgroups.map((s) => ({ ...s, reference: s.name === name })) };
}

/** The measure's value, failing the test when it is not applicable. */
export function value(id: MeasureId, group: SubgroupGroup, options?: ComputeOptions): MeasureValue {
  const result = computeMeasure(id, group, options);
  if (result.status !== 'ok') throw new Error(`${id} not applicable: ${result.reason.message}`);
  return result;
}
