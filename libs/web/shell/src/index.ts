export * from './lib/app-shell';
export * from './lib/placeholder.pages';
export * from './lib/public-frame';
