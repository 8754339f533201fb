export * from './lib/collaboration.module';
export * from './lib/document-store';
export * from './lib/access-registry';
export * from './lib/document-rooms';
export * from './lib/versions.service';
