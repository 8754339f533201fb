export * from './lib/lessons.pages';
export { useLessons } from './lib/queries';
