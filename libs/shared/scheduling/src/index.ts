export * from './lib/occurrences';
export * from './lib/working-hours';
export * from './lib/zones';
