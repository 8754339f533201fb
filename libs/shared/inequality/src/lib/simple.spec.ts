import { computeMeasure } from './compute';
import { education, regions, value, withReference, Z } from './testing';

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 9);

describe('difference (D) and ratio (R)', () => {
  it('ordered, favourable: most advantaged vs most disadvantaged, with the analytic interval', () => {
    // D = 60 − 20 = 40; var = 4² + 2² = 20.
    const d = value('d', education());
    close(d.value, 40);
    expect(d.compared).toEqual({ first: 'Secondary or higher', second: 'No education' });
    close(d.ci?.se as number, Math.sqrt(20));
    close(d.ci?.lower as number, 40 - Z * Math.sqrt(20));
    close(d.ci?.upper as number, 40 + Z * Math.sqrt(20));
    expect(d.ci?.method).toBe('analytic');

    // R = 60 / 20 = 3; var(R) = (σ1² + R²σ2²) / y2² = (16 + 9·4) / 400; interval symmetric on the log scale.
    const r = value('r', education());
    close(r.value, 3);
    const se = Math.sqrt(52) / 20;
    close(r.ci?.se as number, se);
    close(r.ci?.lower as number, Math.exp(Math.log(3) - (Z * se) / 3));
    close(r.ci?.upper as number, Math.exp(Math.log(3) + (Z * se) / 3));
  });

  it('ordered, adverse: most disadvantaged vs most advantaged (the flip)', () => {
    const group = education({ favourable: false });
    const d = value('d', group);
    close(d.value, 20 - 60);
    expect(d.compared).toEqual({ first: 'No education', second: 'Secondary or higher' });
    close(value('r', group).value, 20 / 60);
  });

  it('ordered: the subgroup order, not the input order, picks the extremes', () => {
    const group = education();
    const shuffled = { ...group, subgroups: [group.subgroups[2], group.subgroups[0], group.subgroups[1]] };
    close(value('d', shuffled).value, 40);
  });

  it('non-ordered without reference: highest vs lowest for both indicator types', () => {
    close(value('d', regions()).value, 80 - 40);
    close(value('d', regions({ favourable: false })).value, 80 - 40);
    close(value('r', regions()).value, 2);
    close(value('r', regions({ favourable: false })).value, 2);
    expect(value('d', regions()).compared).toEqual({ first: 'Capital', second: 'South' });
  });

  it('non-ordered with a reference: reference − other (favourable), other − reference (adverse)', () => {
    const group = withReference(regions(), 'East'); // East = 70
    // Favourable: East − the other that maximises the difference (South, 40).
    close(value('d', group).value, 30);
    close(value('r', group).value, 70 / 40);
    expect(value('d', group).compared).toEqual({ first: 'East', second: 'South' });
    // Adverse: the other that maximises the difference (Capital, 80) − East.
    const adverse = { ...group, favourable: false };
    close(value('d', adverse).value, 10);
    close(value('r', adverse).value, 80 / 70);
    expect(value('r', adverse).compared).toEqual({ first: 'Capital', second: 'East' });
  });

  it('binary dimension with a reference', () => {
    const group = regions({}, [
      { name: 'Female', estimate: 30, se: 1, reference: true },
      { name: 'Male', estimate: 45, se: 2 },
    ]);
    close(value('d', group).value, -15);
    close(value('r', group).value, 30 / 45);
    close(value('d', { ...group, favourable: false }).value, 15);
  });

  it('R is not applicable when the denominator subgroup is 0, never Infinity or NaN', () => {
    const group = regions({}, [
      { name: 'A', estimate: 0, se: 1 },
      { name: 'B', estimate: 10, se: 1 },
    ]);
    const r = computeMeasure('r', group);
    expect(r.status).toBe('not_applicable');
    expect(r.status === 'not_applicable' && r.reason.code).toBe('zero_denominator');
    close(value('d', group).value, 10);
  });

  it('without standard errors the value comes with no interval and says why', () => {
    const group = regions({}, [
      { name: 'A', estimate: 10 },
      { name: 'B', estimate: 20 },
    ]);
    const d = value('d', group);
    expect(d.ci).toBeNull();
    expect(d.ciReason?.code).toBe('needs_standard_errors');
  });

  it('standard errors come from the 95 % bounds when only those are given', () => {
    const group = regions({}, [
      { name: 'A', estimate: 10, lower: 10 - Z * 3, upper: 10 + Z * 3 },
      { name: 'B', estimate: 20, lower: 20 - Z * 4, upper: 20 + Z * 4 },
    ]);
    close(value('d', group).ci?.se as number, 5);
  });
});

describe('population attributable risk (PAR) and fraction (PAF)', () => {
  it('ordered: the most advantaged subgroup against μ, with the 2×2-table interval', () => {
    // μ = 45; PAR = 60 − 45 = 15; PAF = 15 / 45 · 100.
    const par = value('par', education());
    close(par.value, 15);
    expect(par.reference).toBe('Secondary or higher');
    close(par.average as number, 45);
    const paf = value('paf', education());
    close(paf.value, (15 / 45) * 100);

    // 2×2 table, N = 400: reference c = 0.6·200 = 120, d = 80; others a = 0.45·400 − 120 = 60, b = 200 − 60 = 140.
    const [a, b, c, d, n] = [60, 140, 120, 80, 400];
    const seFraction = Math.sqrt((c * n * (a * d * (n - c) + b * c * c)) / ((a + c) ** 3 * (c + d) ** 3));
    close(seFraction, Math.sqrt((120 * 400 * (60 * 80 * 280 + 140 * 14400)) / (180 ** 3 * 200 ** 3)));
    close(paf.ci?.lower as number, paf.value - Z * 100 * seFraction);
    close(paf.ci?.upper as number, paf.value + Z * 100 * seFraction);
    close(par.ci?.se as number, 45 * seFraction);
    close(par.ci?.upper as number, 15 + Z * 45 * seFraction);
  });

  it('non-ordered: the best subgroup, or the reference; negative for adverse indicators', () => {
    close(value('par', regions()).value, 80 - 67);
    close(value('paf', regions()).value, (13 / 67) * 100);
    close(value('par', withReference(regions(), 'East')).value, 70 - 67);
    // Adverse: best = lowest (South, 40).
    const adverse = value('par', regions({ favourable: false }));
    close(adverse.value, 40 - 67);
    expect(adverse.reference).toBe('South');
    close(value('paf', regions({ favourable: false })).value, (-27 / 67) * 100);
  });

  it('is 0 when the reference is no better than the average', () => {
    // Reference North (50) is below μ = 67 for a favourable indicator: no improvement possible.
    expect(value('par', withReference(regions(), 'North')).value).toBe(0);
    expect(value('paf', withReference(regions(), 'North')).value).toBe(0);
    // Adverse with a reference above the average: also 0.
    expect(value('par', withReference(regions({ favourable: false }), 'Capital')).value).toBe(0);
  });

  it('uses the setting average when given, and the weighted mean with `average: weighted`', () => {
    close(value('par', regions({ settingAverage: 65 })).value, 15);
    close(value('par', regions({ settingAverage: 65 }), { average: 'weighted' }).value, 13);
  });

  it('gives no interval for population shares (the 2×2 table needs numbers of people)', () => {
    const group = regions({ populationType: 'share' }, [
      { name: 'North', estimate: 50, population: 0.2 },
      { name: 'East', estimate: 70, population: 0.3 },
      { name: 'Capital', estimate: 80, population: 0.4 },
      { name: 'South', estimate: 40, population: 0.1 },
    ]);
    const paf = value('paf', group);
    close(paf.value, (13 / 67) * 100);
    expect(paf.ci).toBeNull();
    expect(paf.ciReason?.code).toBe('needs_population_counts');
  });

  it('needs μ: the setting average or every population', () => {
    const group = regions({}, [
      { name: 'A', estimate: 10 },
      { name: 'B', estimate: 20 },
    ]);
    const par = computeMeasure('par', group);
    expect(par.status === 'not_applicable' && par.reason.code).toBe('needs_average');
    close(value('par', { ...group, settingAverage: 12 }).value, 8);
  });
});
