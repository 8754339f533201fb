export * from './lib/audit-log.page';
export * from './lib/audit-nav-link';
