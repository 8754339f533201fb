export * from './lib/publications.pages';
