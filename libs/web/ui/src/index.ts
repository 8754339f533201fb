export * from './lib/components';
export * from './lib/dialog';
export * from './lib/brand-mark';
export * from './lib/focus-first-invalid';
export * from './lib/back-link';
