import { computeMeasure } from './compute';
import { education, regions, value, withReference, Z } from './testing';

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 9);

// Regions fixture: y = (50, 70, 80, 40), p = (0.2, 0.3, 0.4, 0.1), σ = (2, 3, 2.5, 4), μ = 67.
const y = [50, 70, 80, 40];
const p = [0.2, 0.3, 0.4, 0.1];
const se = [2, 3, 2.5, 4];
const mu = 67;

describe('variance measures (BGV, BGSD, COV)', () => {
  it('BGV = Σ pⱼ(yⱼ − μ)² with its analytic variance', () => {
    // 0.2·17² + 0.3·3² + 0.4·13² + 0.1·27² = 57.8 + 2.7 + 67.6 + 72.9 = 201
    const bgv = value('bgv', regions());
    close(bgv.value, 201);
    let first = 0;
    let s2 = 0;
    let s4 = 0;
    let s4q = 0;
    for (let j = 0; j < 4; j++) {
      first += p[j] ** 2 * se[j] ** 2 * (y[j] - mu) ** 2;
      s2 += p[j] ** 2 * se[j] ** 2;
      s4 += p[j] ** 4 * se[j] ** 4;
      s4q += p[j] ** 2 * (1 - p[j]) ** 2 * se[j] ** 4;
    }
    const variance = 4 * first + 2 * (s2 ** 2 - s4 + s4q);
    close(bgv.ci?.se as number, Math.sqrt(variance));
    close(bgv.ci?.upper as number, 201 + Z * Math.sqrt(variance));
  });

  it('BGSD = √BGV and COV = BGSD / μ · 100', () => {
    close(value('bgsd', regions()).value, Math.sqrt(201));
    close(value('cov', regions()).value, (Math.sqrt(201) / 67) * 100);
  });
});

describe('mean difference measures and index of disparity', () => {
  it('from the mean: MDMU, MDMW, IDISU, IDISW', () => {
    // |y − 67| = 17, 3, 13, 27
    close(value('mdmu', regions()).value, (17 + 3 + 13 + 27) / 4);
    close(value('mdmw', regions()).value, 0.2 * 17 + 0.3 * 3 + 0.4 * 13 + 0.1 * 27);
    close(value('idisu', regions()).value, (15 / 67) * 100);
    close(value('idisw', regions()).value, (12.2 / 67) * 100);
  });

  it('from the best subgroup: highest for favourable, lowest for adverse indicators', () => {
    // Favourable: best = Capital (80): |y − 80| = 30, 10, 0, 40.
    const mdbu = value('mdbu', regions());
    close(mdbu.value, 20);
    expect(mdbu.reference).toBe('Capital');
    close(value('mdbw', regions()).value, 0.2 * 30 + 0.3 * 10 + 0.1 * 40);
    // Adverse: best = South (40): |y − 40| = 10, 30, 40, 0.
    const adverse = regions({ favourable: false });
    close(value('mdbu', adverse).value, 20);
    close(value('mdbw', adverse).value, 0.2 * 10 + 0.3 * 30 + 0.4 * 40);
    expect(value('mdbw', adverse).reference).toBe('South');
  });

  it('from the reference subgroup: MDRU, MDRW need one', () => {
    const group = withReference(regions(), 'East'); // |y − 70| = 20, 0, 10, 30
    close(value('mdru', group).value, 15);
    close(value('mdrw', group).value, 0.2 * 20 + 0.4 * 10 + 0.1 * 30);
    const none = computeMeasure('mdru', regions());
    expect(none.status === 'not_applicable' && none.reason.code).toBe('needs_reference_subgroup');
  });

  it('MDMU and IDISU need μ only: the setting average stands in for missing populations', () => {
    const group = regions({ settingAverage: 60 }, y.map((estimate, i) => ({ name: `R${i}`, estimate })));
    close(value('mdmu', group).value, (10 + 10 + 20 + 20) / 4);
    close(value('idisu', group).value, (15 / 60) * 100);
    const mdmw = computeMeasure('mdmw', group);
    expect(mdmw.status === 'not_applicable' && mdmw.reason.code).toBe('needs_population');
  });
});

describe('disproportionality measures (TI, MLD), ×1000 as in HEAT', () => {
  it('TI = 1000·Σ pⱼ(yⱼ/μ)ln(yⱼ/μ) with its analytic variance', () => {
    const r = y.map((v) => v / mu);
    let ti = 0;
    for (let j = 0; j < 4; j++) ti += p[j] * r[j] * Math.log(r[j]);
    const result = value('ti', regions());
    close(result.value, 1000 * ti);
    let centre = 0;
    for (let k = 0; k < 4; k++) centre += p[k] * r[k] * (1 + Math.log(r[k]));
    let variance = 0;
    for (let j = 0; j < 4; j++) variance += (p[j] ** 2 * se[j] ** 2 * (1 + Math.log(r[j]) - centre) ** 2) / mu ** 2;
    close(result.ci?.se as number, 1000 * Math.sqrt(variance));
    close(result.ci?.lower as number, 1000 * ti - Z * 1000 * Math.sqrt(variance));
  });

  it('MLD = 1000·Σ pⱼ(−ln(yⱼ/μ)) with its analytic variance', () => {
    let mld = 0;
    let variance = 0;
    for (let j = 0; j < 4; j++) {
      mld -= p[j] * Math.log(y[j] / mu);
      variance += ((p[j] ** 2 * se[j] ** 2) / mu ** 2) * (1 - mu / y[j]) ** 2;
    }
    const result = value('mld', regions());
    close(result.value, 1000 * mld);
    close(result.ci?.se as number, 1000 * Math.sqrt(variance));
  });

  it('a zero estimate: TI takes 0·ln 0 = 0 but has no interval; MLD is not applicable', () => {
    const group = regions({}, [
      { name: 'A', estimate: 0, se: 1, population: 1 },
      { name: 'B', estimate: 10, se: 1, population: 1 },
      { name: 'C', estimate: 20, se: 1, population: 2 },
    ]);
    // μ = 0.25·0 + 0.25·10 + 0.5·20 = 12.5
    const ti = value('ti', group);
    close(ti.value, 1000 * (0.25 * (10 / 12.5) * Math.log(10 / 12.5) + 0.5 * (20 / 12.5) * Math.log(20 / 12.5)));
    expect(ti.ci).toBeNull();
    expect(ti.ciReason?.code).toBe('interval_undefined');
    const mld = computeMeasure('mld', group);
    expect(mld.status === 'not_applicable' && mld.reason.code).toBe('needs_positive_estimates');
  });
});

describe('non-ordered measures on ordered dimensions', () => {
  it('are not applicable, with the reason', () => {
    for (const id of ['bgv', 'bgsd', 'cov', 'mdmu', 'mdmw', 'mdbu', 'mdbw', 'idisu', 'idisw', 'ti', 'mld'] as const) {
      const result = computeMeasure(id, education());
      expect(result.status === 'not_applicable' && result.reason.code).toBe('needs_non_ordered_dimension');
    }
  });

  it('population counts and unnormalised shares give the same values', () => {
    const shares = regions({ populationType: 'share' }, regions().subgroups.map((s, i) => ({ ...s, population: [0.4, 0.6, 0.8, 0.2][i] })));
    for (const id of ['bgv', 'mdmw', 'mdbw', 'idisw', 'ti', 'mld', 'cov'] as const) {
      close(value(id, shares).value, value(id, regions()).value);
    }
  });
});
