import { applicability, computeMeasure, computeMeasures } from './compute';
import { education, regions, withReference } from './testing';
import { MEASURE_IDS, type MeasureResult, type SubgroupGroup } from './types';

/** No NaN anywhere in a result (value, interval, model), whatever the input. */
function expectNoNaN(results: MeasureResult[]) {
  const numbers: number[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'number') numbers.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(results);
  expect(numbers.filter((n) => Number.isNaN(n))).toEqual([]);
}

describe('one subgroup', () => {
  it('makes every measure not applicable, each with a reason', () => {
    const group = regions({}, [{ name: 'Only', estimate: 50, se: 1, population: 10 }]);
    const results = computeMeasures(group);
    expect(results.map((r) => r.id)).toEqual([...MEASURE_IDS]);
    for (const result of results) {
      expect(result.status).toBe('not_applicable');
      if (result.status === 'not_applicable') {
        expect(result.reason.key).toBe(`inequality.reasons.${result.reason.code}`);
        expect(result.reason.message.length).toBeGreaterThan(0);
      }
    }
    const d = results.find((r) => r.id === 'd');
    expect(d?.status === 'not_applicable' && d.reason.code).toBe('needs_two_subgroups');
    const bgv = results.find((r) => r.id === 'bgv');
    expect(bgv?.status === 'not_applicable' && bgv.reason.code).toBe('needs_more_than_two_subgroups');
  });
});

describe('two subgroups', () => {
  it('only the simple and impact measures apply', () => {
    const group = regions({}, [
      { name: 'Urban', estimate: 80, se: 1, population: 600 },
      { name: 'Rural', estimate: 60, se: 2, population: 400 },
    ]);
    const ok = computeMeasures(group)
      .filter((r) => r.status === 'ok')
      .map((r) => r.id);
    expect(ok).toEqual(['d', 'r', 'par', 'paf']);
  });
});

describe('equal estimates', () => {
  const equal = (group: SubgroupGroup): SubgroupGroup => ({ ...group, subgroups: group.subgroups.map((s) => ({ ...s, estimate: 50 })) });

  it.each([
    ['ordered', equal(education())],
    ['non-ordered', equal(withReference(regions(), 'East'))],
    ['ordered, adverse', equal(education({ favourable: false }))],
    ['non-ordered, adverse', equal(regions({ favourable: false }))],
  ])('give no inequality (0, or 1 for ratios): %s dimension', (_label, group) => {
    const results = computeMeasures(group);
    expectNoNaN(results);
    for (const result of results) {
      if (result.status !== 'ok') continue;
      const none = result.id === 'r' || result.id === 'rii' ? 1 : 0;
      expect(result.value).toBeCloseTo(none, 12);
    }
    const applicable = results.filter((r) => r.status === 'ok').length;
    expect(applicable).toBeGreaterThanOrEqual(8);
  });

  it('SII and RII stay defined when every estimate is 0', () => {
    const zero = { ...education(), subgroups: education().subgroups.map((s) => ({ ...s, estimate: 0 })) };
    const sii = computeMeasure('sii', zero);
    expect(sii.status === 'ok' && sii.value).toBe(0);
    const rii = computeMeasure('rii', zero);
    expect(rii.status).toBe('not_applicable');
    expectNoNaN([sii, rii]);
  });
});

describe('never a silent NaN', () => {
  it.each([
    ['zero estimates', regions({}, [0, 0, 10, 20].map((estimate, i) => ({ name: `R${i}`, estimate, se: 1, population: 1 })))],
    ['all zero', regions({}, [0, 0, 0].map((estimate, i) => ({ name: `R${i}`, estimate, se: 1, population: 1 })))],
    ['zero setting average', regions({ settingAverage: 0 })],
    ['zero populations', regions({}, [1, 2, 3].map((estimate, i) => ({ name: `R${i}`, estimate, se: 1, population: 0 })))],
    ['zero standard errors', regions({}, [1, 2, 3].map((estimate, i) => ({ name: `R${i}`, estimate, se: 0, population: 1 })))],
    ['ordered with a zero', education({ subgroups: education().subgroups.map((s, i) => ({ ...s, estimate: [0, 40, 60][i] })) })],
    ['ordered all at the scale', education({ subgroups: education().subgroups.map((s) => ({ ...s, estimate: 100 })) })],
    ['ordered 0 and 100 (separation)', education({ subgroups: education().subgroups.map((s, i) => ({ ...s, estimate: [0, 0, 100][i] })) })],
  ])('%s', (_label, group) => {
    const results = computeMeasures(group);
    expectNoNaN(results);
    for (const result of results) {
      if (result.status === 'ok') expect(Number.isFinite(result.value)).toBe(true);
    }
  });

  it('a zero setting average makes the relative measures not applicable', () => {
    const paf = computeMeasure('paf', regions({ settingAverage: 0 }));
    expect(paf.status === 'not_applicable' && paf.reason.code).toBe('needs_positive_average');
  });

  it('separation in the logit fit is reported, not returned as a number', () => {
    const group = education({ subgroups: education().subgroups.map((s, i) => ({ ...s, estimate: [0, 0, 100][i] })) });
    const sii = computeMeasure('sii', group);
    expect(sii.status === 'not_applicable' && sii.reason.code).toBe('regression_failed');
  });
});

describe('structural errors and applicability()', () => {
  it('an invalid group makes every measure not applicable with invalid_group', () => {
    const group = withReference(regions(), 'East');
    const broken = { ...group, subgroups: group.subgroups.map((s) => ({ ...s, reference: true })) };
    for (const result of computeMeasures(broken)) {
      expect(result.status === 'not_applicable' && result.reason.code).toBe('invalid_group');
    }
  });

  it('says ok or why not, without computing intervals', () => {
    expect(applicability('sii', education())).toEqual({ ok: true });
    const answer = applicability('sii', regions());
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.reason.message).toBe('SII needs an ordered dimension');
    expect(applicability('mdru', withReference(regions(), 'East'))).toEqual({ ok: true });
    expect(applicability('mdru', regions()).ok).toBe(false);
  });

  it('a reference on an ordered dimension is ignored: the extremes of the order are compared', () => {
    const group = withReference(education(), 'Primary');
    const d = computeMeasure('d', group);
    expect(d.status === 'ok' && d.value).toBeCloseTo(40, 9);
    const par = computeMeasure('par', group);
    expect(par.status === 'ok' && par.reference).toBe('Secondary or higher');
  });
});
