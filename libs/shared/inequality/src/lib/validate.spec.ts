import { education, regions, withReference } from './testing';
import type { GroupProblem, SubgroupGroup } from './types';
import { validateGroup } from './validate';

const codes = (problems: GroupProblem[]) => problems.map((p) => `${p.severity}:${p.code}${p.index !== undefined ? `@${p.index}` : ''}`);

describe('validateGroup', () => {
  it('finds nothing wrong with complete groups', () => {
    expect(validateGroup(education())).toEqual([]);
    expect(validateGroup(withReference(regions(), 'Capital'))).toEqual([]);
  });

  it('no subgroups, bad scale, bad setting average', () => {
    expect(codes(validateGroup(regions({ subgroups: [] })))).toEqual(['error:no_subgroups']);
    expect(codes(validateGroup(withReference(regions({ scale: 0 }), 'Capital')))).toEqual(['error:invalid_scale']);
    expect(codes(validateGroup(withReference(regions({ settingAverage: Number.NaN }), 'Capital')))).toEqual(['error:invalid_setting_average']);
  });

  it('duplicate and empty subgroup names', () => {
    const group = withReference(regions(), 'Capital');
    const subgroups = [...group.subgroups, { ...group.subgroups[0] }, { name: ' ', estimate: 1, population: 1 }];
    const problems = validateGroup({ ...group, subgroups });
    expect(codes(problems)).toEqual(['error:duplicate_subgroup@4', 'error:empty_name@5']);
    expect(problems[0].subgroup).toBe('North');
  });

  it('reference subgroups: more than one, none, or on an ordered dimension', () => {
    const two = { ...regions(), subgroups: regions().subgroups.map((s, i) => ({ ...s, reference: i < 2 })) };
    expect(codes(validateGroup(two))).toEqual(['error:multiple_reference_subgroups@1']);
    expect(codes(validateGroup(regions()))).toEqual(['warning:no_reference_subgroup']);
    expect(codes(validateGroup(withReference(education(), 'Primary')))).toEqual(['warning:reference_on_ordered_dimension@1']);
  });

  it('ordered dimensions need a distinct order for every subgroup', () => {
    const group = education();
    const orders = (values: (number | null)[]): SubgroupGroup => ({ ...group, subgroups: group.subgroups.map((s, i) => ({ ...s, order: values[i] })) });
    expect(codes(validateGroup(orders([1, null, 3])))).toEqual(['error:missing_order@1']);
    expect(codes(validateGroup(orders([1, 1, 3])))).toEqual(['error:duplicate_order@1']);
    expect(codes(validateGroup(orders([1, Number.POSITIVE_INFINITY, 3])))).toEqual(['error:invalid_order@1']);
    // Any distinct numbers rank the subgroups (HEAT's are 1…n, but 10/20/30 rank the same way).
    expect(validateGroup(orders([10, 20, 30]))).toEqual([]);
    // Orders are not needed on non-ordered dimensions.
    expect(validateGroup(withReference(regions(), 'East'))).toEqual([]);
  });

  it('estimates, standard errors and intervals', () => {
    const group = withReference(regions(), 'Capital');
    const change = (index: number, patch: object): SubgroupGroup => ({
      ...group,
      subgroups: group.subgroups.map((s, i) => (i === index ? { ...s, ...patch } : s)),
    });
    expect(codes(validateGroup(change(0, { estimate: Number.NaN })))).toEqual(['error:invalid_estimate@0']);
    expect(codes(validateGroup(change(1, { se: -1 })))).toEqual(['error:invalid_se@1']);
    expect(codes(validateGroup(change(2, { lower: 90, upper: 70 })))).toEqual(['error:invalid_interval@2']);
    expect(codes(validateGroup(change(2, { lower: 85, upper: 90 })))).toEqual(['warning:estimate_outside_interval@2']);
  });

  it('populations: missing (weighted measures unavailable), invalid, zero in total, shares far from 1', () => {
    const group = withReference(regions(), 'Capital');
    const populations = (values: (number | null)[], type?: 'share'): SubgroupGroup => ({
      ...group,
      populationType: type,
      subgroups: group.subgroups.map((s, i) => ({ ...s, population: values[i] })),
    });
    expect(codes(validateGroup(populations([1, null, 1, 1])))).toEqual(['warning:missing_population@1']);
    expect(codes(validateGroup(populations([1, -1, 1, 1])))).toEqual(['error:invalid_population@1']);
    expect(codes(validateGroup(populations([0, 0, 0, 0])))).toEqual(['warning:zero_total_population']);
    expect(codes(validateGroup(populations([0.4, 0.6, 0.8, 0.2], 'share')))).toEqual(['warning:shares_do_not_sum_to_one']);
    expect(validateGroup(populations([0.2, 0.3, 0.4, 0.1], 'share'))).toEqual([]);
  });
});
