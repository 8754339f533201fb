export * from './lib/reports.page';
export * from './lib/report.page';
export * from './lib/queries';
export * from './lib/regional-reports.card';
export * from './lib/live-document';
export type { ActionItemOwner } from './lib/action-item-tools';
