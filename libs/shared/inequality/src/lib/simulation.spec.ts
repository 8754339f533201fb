import { computeMeasure, computeMeasures } from './compute';
import { boundedNormal, createRandom, quantileSorted } from './statistics';
import { regions, value, withReference } from './testing';
import type { MeasureId } from './types';

const SIMULATED: MeasureId[] = ['bgsd', 'cov', 'mdmu', 'mdmw', 'mdbu', 'mdbw', 'mdru', 'mdrw', 'idisu', 'idisw'];

describe('simulation intervals (HEAT: 100 simulated data sets, 2.5th and 97.5th centiles)', () => {
  const group = withReference(regions(), 'East');

  it('cover every measure HEAT gives them for, and contain the point estimate', () => {
    for (const id of SIMULATED) {
      const result = value(id, group);
      expect(result.ci?.method).toBe('simulation');
      expect(result.ci?.se).toBeNull();
      expect(result.ci?.lower as number).toBeLessThanOrEqual(result.value);
      expect(result.ci?.upper as number).toBeGreaterThanOrEqual(result.value);
      expect(result.ci?.upper as number).toBeGreaterThan(result.ci?.lower as number);
    }
  });

  it('are reproducible with the same seed and change with another', () => {
    const first = computeMeasures(group, { seed: 42 });
    expect(computeMeasures(group, { seed: 42 })).toEqual(first);
    const other = computeMeasures(group, { seed: 43 });
    const ci = (results: typeof first, id: MeasureId) => {
      const result = results.find((r) => r.id === id);
      return result?.status === 'ok' ? result.ci : null;
    };
    expect(ci(other, 'bgsd')).not.toEqual(ci(first, 'bgsd'));
    // A measure computed alone sees the same simulated data sets as in the full run.
    expect(computeMeasure('mdmw', group, { seed: 42 })).toEqual(first.find((r) => r.id === 'mdmw'));
  });

  it('narrow to the point estimate as the standard errors shrink', () => {
    const precise = { ...group, subgroups: group.subgroups.map((s) => ({ ...s, se: 1e-6 })) };
    for (const id of SIMULATED) {
      const result = value(id, precise);
      expect(Math.abs((result.ci?.lower as number) - result.value)).toBeLessThan(1e-3);
      expect(Math.abs((result.ci?.upper as number) - result.value)).toBeLessThan(1e-3);
    }
  });

  it('need every standard error, and at least two simulated data sets', () => {
    const missing = { ...group, subgroups: group.subgroups.map((s, i) => (i === 0 ? { ...s, se: null } : s)) };
    expect(value('bgsd', missing).ci).toBeNull();
    expect(value('bgsd', missing).ciReason?.code).toBe('needs_standard_errors');
    expect(value('bgsd', group, { simulations: 1 }).ciReason?.code).toBe('interval_undefined');
    expect(value('bgsd', group, { simulations: 1000 }).ci?.method).toBe('simulation');
  });
});

describe('statistics helpers', () => {
  it('quantiles interpolate like R type 7', () => {
    // R: quantile(c(1, 2, 3, 4), c(0.025, 0.975)) → 1.075, 3.925
    expect(quantileSorted([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 12);
    expect(quantileSorted([5], 0.5)).toBe(5);
  });

  it('the generator is deterministic and uniform-looking', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const draws = Array.from({ length: 10000 }, () => a());
    expect(Array.from({ length: 10000 }, () => b())).toEqual(draws);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  it('bounded draws stay within the bounds, and clamp when the mean is far outside', () => {
    const random = createRandom(1);
    for (let k = 0; k < 1000; k++) {
      const draw = boundedNormal(random, 1, 5, 0, 100);
      expect(draw).toBeGreaterThanOrEqual(0);
      expect(draw).toBeLessThanOrEqual(100);
    }
    expect(boundedNormal(random, -1000, 1, 0, 100)).toBe(0);
  });
});
