/**
 * Two-coefficient regressions of y on x (intercept + slope) with prior weights, for SII and RII, and their HC1
 * ("sandwich") covariance — the covariance HEAT's R code asks `marginaleffects` for (`vcov = "HC1"`).
 */
export interface RegressionFit {
  intercept: number;
  slope: number;
  /** HC1 covariance of (intercept, slope): [[var b0, cov], [cov, var b1]]. */
  covariance: [[number, number], [number, number]];
}

type Matrix2 = [[number, number], [number, number]];

function invert(m: Matrix2): Matrix2 | null {
  const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  const scale = Math.abs(m[0][0] * m[1][1]) + Math.abs(m[0][1] * m[1][0]);
  if (!Number.isFinite(det) || Math.abs(det) <= 1e-14 * scale || det === 0) return null;
  return [
    [m[1][1] / det, -m[0][1] / det],
    [-m[1][0] / det, m[0][0] / det],
  ];
}

function multiply(a: Matrix2, b: Matrix2): Matrix2 {
  return [
    [a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]],
    [a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]],
  ];
}

/** Σ wᵢ xᵢxᵢᵀ for xᵢ = (1, xᵢ). */
function crossProduct(x: readonly number[], w: readonly number[]): Matrix2 {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < x.length; i++) {
    s0 += w[i];
    s1 += w[i] * x[i];
    s2 += w[i] * x[i] * x[i];
  }
  return [
    [s0, s1],
    [s1, s2],
  ];
}

/** Weighted least squares of z on (1, x). */
function weightedLeastSquares(x: readonly number[], z: readonly number[], w: readonly number[]): [number, number] | null {
  const inverse = invert(crossProduct(x, w));
  if (!inverse) return null;
  let t0 = 0;
  let t1 = 0;
  for (let i = 0; i < x.length; i++) {
    t0 += w[i] * z[i];
    t1 += w[i] * x[i] * z[i];
  }
  return [inverse[0][0] * t0 + inverse[0][1] * t1, inverse[1][0] * t0 + inverse[1][1] * t1];
}

/**
 * HC1 covariance: B·(Σ uᵢ² xᵢxᵢᵀ)·B · n/(n−2), with B the inverse of the (working-)weighted cross product and uᵢ the
 * weighted response residual (for a GLM: the working residual times the working weight; the dispersion cancels).
 */
function hc1(x: readonly number[], bread: Matrix2, scores: readonly number[]): Matrix2 {
  const n = x.length;
  const meat = crossProduct(
    x,
    scores.map((u) => u * u),
  );
  const v = multiply(multiply(bread, meat), bread);
  const factor = n / (n - 2);
  return [
    [v[0][0] * factor, v[0][1] * factor],
    [v[1][0] * factor, v[1][1] * factor],
  ];
}

/** Linear model y = b0 + b1·x by weighted least squares. Null when x does not vary (or fewer than 3 points). */
export function fitLinear(x: readonly number[], y: readonly number[], w: readonly number[]): RegressionFit | null {
  if (x.length < 3) return null;
  const beta = weightedLeastSquares(x, y, w);
  const bread = invert(crossProduct(x, w));
  if (!beta || !bread) return null;
  const scores = x.map((xi, i) => w[i] * (y[i] - beta[0] - beta[1] * xi));
  return { intercept: beta[0], slope: beta[1], covariance: hc1(x, bread, scores) };
}

const expit = (eta: number) => 1 / (1 + Math.exp(-eta));
const MAX_ITERATIONS = 100;
const MAX_COEFFICIENT = 50;

/**
 * Logistic (quasi-binomial) model logit(y) = b0 + b1·x for proportions y in [0, 1] with prior weights w, fitted by
 * iteratively reweighted least squares (Fisher scoring, the method of R's `glm`). Null when it does not converge or
 * runs away (complete separation, e.g. all y at 0 or 1), or when x does not vary.
 */
export function fitLogit(x: readonly number[], y: readonly number[], w: readonly number[]): RegressionFit | null {
  if (x.length < 3) return null;
  let mu = y.map((yi) => (yi + 0.5) / 2);
  let eta = mu.map((m) => Math.log(m / (1 - m)));
  let beta: [number, number] = [Number.NaN, Number.NaN];
  let converged = false;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const variance = mu.map((m) => m * (1 - m));
    const working = w.map((wi, i) => wi * variance[i]);
    const z = eta.map((e, i) => e + (y[i] - mu[i]) / variance[i]);
    const next = weightedLeastSquares(x, z, working);
    if (!next || !Number.isFinite(next[0]) || !Number.isFinite(next[1])) return null;
    if (Math.abs(next[0]) > MAX_COEFFICIENT || Math.abs(next[1]) > MAX_COEFFICIENT) return null;
    const change = Math.max(Math.abs(next[0] - beta[0]), Math.abs(next[1] - beta[1]));
    beta = next;
    eta = x.map((xi) => beta[0] + beta[1] * xi);
    mu = eta.map(expit);
    if (change <= 1e-13 * (1 + Math.abs(beta[0]) + Math.abs(beta[1]))) {
      converged = true;
      break;
    }
  }
  if (!converged) return null;
  const bread = invert(
    crossProduct(
      x,
      w.map((wi, i) => wi * mu[i] * (1 - mu[i])),
    ),
  );
  if (!bread) return null;
  const scores = x.map((_, i) => w[i] * (y[i] - mu[i]));
  return { intercept: beta[0], slope: beta[1], covariance: hc1(x, bread, scores) };
}

/** Variance of g(b) by the delta method, for the gradient of g at the fitted coefficients. */
export function deltaVariance(fit: RegressionFit, gradient: [number, number]): number {
  const [g0, g1] = gradient;
  const c = fit.covariance;
  return g0 * g0 * c[0][0] + 2 * g0 * g1 * c[0][1] + g1 * g1 * c[1][1];
}

export { expit };
