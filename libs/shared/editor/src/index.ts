export * from './lib/extensions';
export * from './lib/schema';
export * from './lib/templates';
export * from './lib/sanitize';
export * from './lib/action-item';
export * from './lib/chart-embed';
export * from './lib/document-diff';
export * from './lib/template-guidance';
