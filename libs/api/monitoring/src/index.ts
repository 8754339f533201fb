export * from './lib/monitoring.module';
export * from './lib/datasets.service';
