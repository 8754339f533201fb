/** The languages of the workspace (the same four as the web's catalogues and `Language` in the contracts). */
export type MessageLanguage = 'en' | 'fr' | 'es' | 'ar';

/**
 * One sentence in every language. `en` is the sentence exactly as the API writes it, with `{name}` where the API
 * puts a value (`'{what} was not found'`); the other languages use the same placeholders, in their own order.
 */
export interface CatalogueEntry {
  en: string;
  fr: string;
  es: string;
  ar: string;
}
