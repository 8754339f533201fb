export * from './lib/discussions.module';
