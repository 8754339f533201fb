export * from './lib/home.page';
export * from './lib/organisation.page';
export { canWriteIn, useDirectory, useOrganisations } from './lib/queries';
export * from './lib/network.pages';
export { ApplicationPage, ApplicationStatusPage, CallPage, CallsPage, JoinPage } from './lib/calls.pages';
