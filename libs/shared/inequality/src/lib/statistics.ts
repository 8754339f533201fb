/** The 97.5th percentile of the standard normal distribution (R's `qnorm(0.975)`), for 95 % intervals. */
export const Z_975 = 1.959963984540054;

/** Quantile of sorted values with linear interpolation between order statistics (R's default, type 7). */
export function quantileSorted(sorted: readonly number[], probability: number): number {
  const h = (sorted.length - 1) * probability;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/** mulberry32: a small, fast, seedable generator of uniform numbers in [0, 1); plenty for 100 simulated data sets. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One standard normal draw (Box–Muller; `1 - u` keeps the logarithm away from 0). */
export function standardNormal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const MAX_REDRAWS = 1000;

/**
 * A draw from N(mean, sd²) kept within [min, max] by redrawing, as HEAT's simulation does (estimates below 0, and above
 * 100 on a percentage scale, are redrawn). After many refused draws (a mean far outside the bounds) it is clamped, so
 * it always ends.
 */
export function boundedNormal(random: () => number, mean: number, sd: number, min: number, max: number): number {
  for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
    const draw = mean + sd * standardNormal(random);
    if (draw >= min && draw <= max) return draw;
  }
  return Math.min(max, Math.max(min, mean));
}

/** Sum of f over indexes 0..n-1. */
export function sum(n: number, f: (index: number) => number): number {
  let total = 0;
  for (let index = 0; index < n; index++) total += f(index);
  return total;
}
