export * from './lib/statistics';
export * from './lib/segments';
export * from './lib/charts';
