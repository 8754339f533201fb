export * from './lib/i18n';
export * from './lib/format';
export type { Catalogue } from './lib/en';
