export * from './lib/organisations.module';
export * from './lib/access.policy';
export * from './lib/access-scope';
export * from './lib/organisation.entities';
export * from './lib/organisations.service';
export * from './lib/membership-calls.service';
export * from './lib/mention-names';
