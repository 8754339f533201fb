export * from './lib/lessons.pages';
