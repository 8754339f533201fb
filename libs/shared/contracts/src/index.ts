export * from './lib/constants';
export * from './lib/common.schema';
export * from './lib/errors.schema';
export * from './lib/reference.schema';
export * from './lib/organisations.schema';
export * from './lib/accounts.schema';
export * from './lib/reports.schema';
export * from './lib/collaboration.events';
