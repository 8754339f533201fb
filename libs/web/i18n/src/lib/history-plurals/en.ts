/**
 * Counted words of the report history, English, with i18next plural forms (fr and es add `_many`, Arabic all six
 * categories). A section of its own because the root catalogue's type accepts only the keys English has.
 */
export const historyPluralsEn = {
  changes_one: '{{name}}: {{count}} change',
  changes_other: '{{name}}: {{count}} changes',
};

export type HistoryPluralsCatalogue = typeof historyPluralsEn;

/** Every key of the English catalogue, translated; extra keys are the plural categories English lacks. */
export type HistoryPluralsTranslation = { [K in keyof HistoryPluralsCatalogue]: string } & Record<string, string>;
