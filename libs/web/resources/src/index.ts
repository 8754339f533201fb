export * from './lib/resources.pages';
export * from './lib/public-resources.pages';
export { useResources } from './lib/queries';
