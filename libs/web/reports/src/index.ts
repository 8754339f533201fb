export * from './lib/reports.page';
export * from './lib/report.page';
export * from './lib/queries';
export * from './lib/regional-reports.card';
