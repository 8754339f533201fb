export * from './lib/measure-chart.option';
export * from './lib/dashboard-chart.options';
export * from './lib/chart-labels';
