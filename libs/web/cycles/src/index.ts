export * from './lib/cycles.page';
export * from './lib/initiative.page';
export * from './lib/dashboard-print.page';
export * from './lib/chart-embed';
export { useInitiative, useInitiatives } from './lib/queries';
