export * from './lib/home.page';
export * from './lib/organisation.page';
export { useOrganisations } from './lib/queries';
