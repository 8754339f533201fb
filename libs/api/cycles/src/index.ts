export * from './lib/cycles.module';
export * from './lib/cycles.service';
export * from './lib/measures.service';
