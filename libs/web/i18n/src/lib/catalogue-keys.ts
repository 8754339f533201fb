import { ar } from './ar';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every language's own catalogue (without the English fallback), for the completeness checks. */
export const CATALOGUES = { en, fr, es, ar } as const;

/**
 * Top-level sections still being translated by their owners (the report pages and editor workflow): the checks list
 * their missing keys, and the e2e check their English on pages, without failing. Remove a section as soon as it is
 * complete, then delete the list.
 */
export const PENDING_SECTIONS: readonly string[] = [];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaf keys of a catalogue as dotted paths ("lessons.title"). */
export function leafKeys(catalogue: unknown, prefix = ''): string[] {
  if (!isRecord(catalogue)) return [];
  return Object.entries(catalogue).flatMap(([key, value]) =>
    isRecord(value) ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/**
 * The keys of `reference` (English) that `translation` lacks. A plural family (`x_one`, `x_other`) is expected in
 * every category of the language's plural rules, so Arabic needs `x_zero` … `x_many` even though English has two.
 */
export function missingKeys(reference: unknown, translation: unknown, language: string): string[] {
  const have = new Set(leafKeys(translation));
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const expected = new Set<string>();
  for (const key of leafKeys(reference)) {
    const match = PLURAL.exec(key);
    if (!match) expected.add(key);
    else for (const category of categories) expected.add(key.slice(0, match.index) + `_${category}`);
  }
  return [...expected].filter((key) => !have.has(key));
}

function leafValues(catalogue: unknown, prefix = ''): Array<[string, string]> {
  if (!isRecord(catalogue)) return [];
  return Object.entries(catalogue).flatMap(([key, value]): Array<[string, string]> =>
    isRecord(value) ? leafValues(value, `${prefix}${key}.`) : typeof value === 'string' ? [[`${prefix}${key}`, value]] : [],
  );
}

/**
 * The English texts a page in `language` must not show: every English value whose key that language translates
 * differently or not at all (a missing key falls back to English). Plural keys are compared by family.
 */
export function untranslatedEnglish(language: 'fr' | 'es' | 'ar'): Array<{ key: string; english: string }> {
  const own = new Map(leafValues(CATALOGUES[language]));
  const family = (key: string) => key.replace(PLURAL, '');
  const translatedFamilies = new Map<string, string[]>();
  for (const [key, value] of own) translatedFamilies.set(family(key), [...(translatedFamilies.get(family(key)) ?? []), value]);
  return leafValues(CATALOGUES.en)
    .filter(([key, english]) => {
      const translated = PLURAL.test(key) ? translatedFamilies.get(family(key)) : own.has(key) ? [own.get(key)!] : undefined;
      return !translated?.includes(english);
    })
    .map(([key, english]) => ({ key, english }));
}
