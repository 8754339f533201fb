export * from './lib/monitoring.page';
export * from './lib/dataset.page';
export { MonitoringChartEmbed, MonitoringChartPicker } from './lib/monitoring-chart-embed';
export { useDatasets } from './lib/queries';
