import { computeMeasure } from './compute';
import { education, regions, value, Z } from './testing';
import type { SubgroupGroup } from './types';

const close = (actual: number, expected: number, digits = 9) => expect(actual).toBeCloseTo(expected, digits);
const logistic = (t: number) => 1 / (1 + Math.exp(-t));

// Education fixture: shares p = (0.25, 0.25, 0.5), ranks X = (0.125, 0.375, 0.75), y = (20, 40, 60), σ = (2, 3, 4).
const p = [0.25, 0.25, 0.5];
const X = [0.125, 0.375, 0.75];
const y = [20, 40, 60];
const se = [2, 3, 4];

describe('concentration indices (ACI, RCI)', () => {
  it('ACI = Σ pⱼ(2Xⱼ − 1)yⱼ with var = Σ pⱼ²σⱼ²(2Xⱼ − 1)²', () => {
    // 0.25·(−0.75)·20 + 0.25·(−0.25)·40 + 0.5·0.5·60 = −3.75 − 2.5 + 15 = 8.75
    const aci = value('aci', education());
    close(aci.value, 8.75);
    // 0.0625·4·0.5625 + 0.0625·9·0.0625 + 0.25·16·0.25 = 0.140625 + 0.03515625 + 1 = 1.17578125
    close(aci.ci?.se as number, Math.sqrt(1.17578125));
    close(aci.ci?.lower as number, 8.75 - Z * Math.sqrt(1.17578125));
  });

  it('RCI = ACI / μ · 100 with var = Σ pⱼ²σⱼ²[(2Xⱼ − 1) − RCI]² / μ²', () => {
    const rci = value('rci', education());
    close(rci.value, (8.75 / 45) * 100);
    const fraction = 8.75 / 45;
    let variance = 0;
    for (let j = 0; j < 3; j++) variance += (p[j] ** 2 * se[j] ** 2 * (2 * X[j] - 1 - fraction) ** 2) / 45 ** 2;
    close(rci.ci?.se as number, 100 * Math.sqrt(variance));
  });

  it('positive when the indicator is concentrated among the advantaged, whatever the indicator type', () => {
    expect(value('aci', education({ favourable: false })).value).toBeCloseTo(8.75, 9);
    const reversed = education();
    const flipped = { ...reversed, subgroups: reversed.subgroups.map((s) => ({ ...s, order: 4 - (s.order as number) })) };
    expect(value('aci', flipped).value).toBeLessThan(0);
  });

  it('population shares that do not sum to 1 are normalised', () => {
    const group = education({ populationType: 'share' });
    const shares = { ...group, subgroups: group.subgroups.map((s, i) => ({ ...s, population: [0.5, 0.5, 1][i] })) };
    close(value('aci', shares).value, 8.75);
    close(value('rci', shares).value, (8.75 / 45) * 100);
  });
});

describe('regression-based measures (SII, RII)', () => {
  it('recover an exactly logistic gradient: SII = v1 − v0, RII = v1 / v0, zero-width interval', () => {
    // y = 100·logistic(−1 + 2X) at the ranks: the weighted logit fit passes through every point.
    const group: SubgroupGroup = education({
      subgroups: education().subgroups.map((s, i) => ({ ...s, estimate: 100 * logistic(-1 + 2 * X[i]) })),
    });
    const sii = value('sii', group);
    close(sii.value, 100 * (logistic(1) - logistic(-1)));
    close(sii.model?.intercept as number, -1);
    close(sii.model?.slope as number, 2);
    close(sii.ci?.lower as number, sii.value);
    close(sii.ci?.upper as number, sii.value);
    expect(sii.ci?.method).toBe('regression');
    const rii = value('rii', group);
    close(rii.value, logistic(1) / logistic(-1));
  });

  it('the logit fit solves the weighted score equations Σ pⱼ(yⱼ − v(Xⱼ))·(1, Xⱼ) = 0', () => {
    const sii = value('sii', education());
    const { intercept, slope } = sii.model as { intercept: number; slope: number };
    let s0 = 0;
    let s1 = 0;
    for (let j = 0; j < 3; j++) {
      const residual = y[j] / 100 - logistic(intercept + slope * X[j]);
      s0 += p[j] * residual;
      s1 += p[j] * residual * X[j];
    }
    close(s0, 0, 12);
    close(s1, 0, 12);
    close(sii.value, 100 * (logistic(intercept + slope) - logistic(intercept)));
    close(sii.model?.v0 as number, 100 * logistic(intercept));
    expect(sii.ci?.lower as number).toBeLessThan(sii.value);
    expect(sii.ci?.upper as number).toBeGreaterThan(sii.value);
    close(value('rii', education()).value, logistic(intercept + slope) / logistic(intercept));
  });

  it('the logit interval is the HC1 sandwich with the delta method', () => {
    const sii = value('sii', education());
    const { intercept: b0, slope: b1 } = sii.model as { intercept: number; slope: number };
    // Bread: (Σ pⱼ vⱼ(1 − vⱼ) xⱼxⱼᵀ)⁻¹; meat: Σ (pⱼ(yⱼ − vⱼ))² xⱼxⱼᵀ; HC1 factor n/(n − 2) = 3.
    const v = X.map((x) => logistic(b0 + b1 * x));
    const w = v.map((vj, j) => p[j] * vj * (1 - vj));
    const u = v.map((vj, j) => p[j] * (y[j] / 100 - vj));
    const covariance = sandwich(w, u);
    const [v0, v1] = [logistic(b0), logistic(b0 + b1)];
    const g = [v1 * (1 - v1) - v0 * (1 - v0), v1 * (1 - v1)];
    const variance = g[0] ** 2 * covariance[0] + 2 * g[0] * g[1] * covariance[1] + g[1] ** 2 * covariance[2];
    close(sii.ci?.se as number, 100 * Math.sqrt(variance));
    const rii = value('rii', education());
    const gLog = [v0 - v1, 1 - v1];
    const varianceLog = gLog[0] ** 2 * covariance[0] + 2 * gLog[0] * gLog[1] * covariance[1] + gLog[1] ** 2 * covariance[2];
    close(rii.ci?.upper as number, rii.value * Math.exp(Z * Math.sqrt(varianceLog)));
  });

  it('linear model: the weighted least-squares slope in closed form', () => {
    // Σp(X − ½)(y − 45) = 4.375; Σp(X − ½)² = 0.0703125; slope = 62.2…; intercept = 45 − slope/2.
    const slope = 4.375 / 0.0703125;
    const sii = value('sii', education(), { regression: 'linear' });
    close(sii.value, slope);
    const b0 = 45 - slope / 2;
    close(value('rii', education(), { regression: 'linear' }).value, (b0 + slope) / b0);
    // HC1 for WLS: bread (Σ pⱼ xⱼxⱼᵀ)⁻¹, meat Σ (pⱼ eⱼ)² xⱼxⱼᵀ, on the 0–1 scale.
    const e = X.map((x, j) => y[j] / 100 - (b0 + slope * x) / 100);
    const covariance = sandwich(p, e.map((ej, j) => p[j] * ej));
    close(sii.ci?.se as number, 100 * Math.sqrt(covariance[2]));
  });

  it('not applicable outside their conditions', () => {
    const outside = education({ scale: 1 }); // estimates 20–60 on a 0–1 scale
    const sii = computeMeasure('sii', outside);
    expect(sii.status === 'not_applicable' && sii.reason.code).toBe('estimate_outside_scale');
    expect(computeMeasure('sii', outside, { regression: 'linear' }).status).toBe('ok');
    const nonOrdered = computeMeasure('rii', regions());
    expect(nonOrdered.status === 'not_applicable' && nonOrdered.reason.code).toBe('needs_ordered_dimension');
    expect(nonOrdered.status === 'not_applicable' && nonOrdered.reason.message).toBe('RII needs an ordered dimension');
    const noPopulation = education({ subgroups: education().subgroups.map((s) => ({ ...s, population: null })) });
    const aci = computeMeasure('aci', noPopulation);
    expect(aci.status === 'not_applicable' && aci.reason.code).toBe('needs_population');
  });
});

/** HC1 covariance [var b0, cov, var b1] for 3 points at the ranks X, with working weights w and scores u. */
function sandwich(w: number[], u: number[]): [number, number, number] {
  const a = [0, 0, 0];
  const m = [0, 0, 0];
  for (let j = 0; j < 3; j++) {
    a[0] += w[j];
    a[1] += w[j] * X[j];
    a[2] += w[j] * X[j] ** 2;
    m[0] += u[j] ** 2;
    m[1] += u[j] ** 2 * X[j];
    m[2] += u[j] ** 2 * X[j] ** 2;
  }
  const det = a[0] * a[2] - a[1] ** 2;
  const inv = [a[2] / det, -a[1] / det, a[0] / det];
  // B·M·B for symmetric 2×2 matrices stored as [s00, s01, s11].
  const bm = [inv[0] * m[0] + inv[1] * m[1], inv[0] * m[1] + inv[1] * m[2], inv[1] * m[0] + inv[2] * m[1], inv[1] * m[1] + inv[2] * m[2]];
  const v00 = bm[0] * inv[0] + bm[1] * inv[1];
  const v01 = bm[0] * inv[1] + bm[1] * inv[2];
  const v11 = bm[2] * inv[1] + bm[3] * inv[2];
  return [3 * v00, 3 * v01, 3 * v11];
}
