export type { CatalogueEntry, MessageLanguage } from './lib/types';
export { CATALOGUE } from './lib/catalogue';
export { translateMessage, matchMessage, placeholdersOf, languageFromAcceptLanguage } from './lib/translate';
