export * from './lib/collab-provider';
