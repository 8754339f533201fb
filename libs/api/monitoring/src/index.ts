export * from './lib/monitoring.module';
export * from './lib/datasets.service';
export { DEMO_DATASETS, MonitoringDemo, demoDatasetCsv } from './lib/demo-monitoring';
