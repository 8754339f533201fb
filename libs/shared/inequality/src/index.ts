export * from './lib/types';
export * from './lib/metadata';
export { validateGroup } from './lib/validate';
export { computeMeasures, computeMeasure, applicability, DEFAULT_SEED, DEFAULT_SIMULATIONS } from './lib/compute';
