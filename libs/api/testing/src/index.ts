export * from './lib/test-app';
export * from './lib/test-client';
export * from './lib/factories';
export * from './lib/test-smtp-server';
export * from './lib/collab-clients';
export * from './lib/pdf-fragments';
