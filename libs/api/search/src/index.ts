export * from './lib/search.module';
export * from './lib/search-indexer';
export * from './lib/search-scope';
