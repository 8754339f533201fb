export * from './lib/measure-chart.option';
