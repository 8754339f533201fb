export * from './lib/resources.pages';
export * from './lib/public-resources.pages';
