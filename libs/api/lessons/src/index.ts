export * from './lib/lessons.module';
export * from './lib/lessons.service';
