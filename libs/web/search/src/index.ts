export * from './lib/search.page';
