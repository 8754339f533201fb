export * from './lib/components';
