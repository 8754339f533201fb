export * from './lib/discussions.module';
export * from './lib/discussions.service';
