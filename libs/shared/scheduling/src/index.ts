export * from './lib/occurrences';
