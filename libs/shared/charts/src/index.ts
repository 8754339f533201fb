export * from './lib/measure-chart.option';
export * from './lib/dashboard-chart.options';
export * from './lib/chart-labels';
export * from './lib/monitoring-chart.options';
export * from './lib/monitoring-chart-labels';
