import { CATALOGUE } from './catalogue';
import type { CatalogueEntry, MessageLanguage } from './types';

const PLACEHOLDER = /\{(\w+)\}/g;

interface Template {
  entry: CatalogueEntry;
  pattern: RegExp;
  names: string[];
  /** Characters of fixed text: the more, the more specific ("The report was not found" before "{what} was not found"). */
  weight: number;
}

interface Compiled {
  exact: Map<string, CatalogueEntry>;
  templates: Template[];
}

let compiled: Compiled | undefined;

/** The placeholders of a template, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Built once, on first use: exact sentences in a map, templates as anchored regular expressions. */
function compile(entries: readonly CatalogueEntry[]): Compiled {
  const exact = new Map<string, CatalogueEntry>();
  const templates: Template[] = [];
  for (const entry of entries) {
    const names = placeholdersOf(entry.en);
    if (names.length === 0) {
      exact.set(entry.en, entry);
      continue;
    }
    const parts = entry.en.split(PLACEHOLDER);
    // split() with a capturing group alternates text and placeholder names: text, name, text, name, text.
    const source = parts.map((part, index) => (index % 2 === 0 ? escape(part) : '([\\s\\S]+?)')).join('');
    const weight = parts.filter((_, index) => index % 2 === 0).join('').length;
    templates.push({ entry, pattern: new RegExp(`^${source}$`), names, weight });
  }
  templates.sort((a, b) => b.weight - a.weight);
  return { exact, templates };
}

function catalogue(): Compiled {
  compiled ??= compile(CATALOGUE);
  return compiled;
}

/** Which entry words a message, and the values of its placeholders; undefined when none does. */
export function matchMessage(message: string): { entry: CatalogueEntry; values: Record<string, string> } | undefined {
  const { exact, templates } = catalogue();
  const entry = exact.get(message);
  if (entry) return { entry, values: {} };
  for (const template of templates) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const values: Record<string, string> = {};
    template.names.forEach((name, index) => (values[name] = match[index + 1] as string));
    return { entry: template.entry, values };
  }
  return undefined;
}

/**
 * A value worded by the catalogue ("The report" → "Le rapport") keeps its capital only at the start of the
 * sentence: "Indiquez le titre", not "Indiquez Le titre". Acronyms (SII, CSV) and user text are left alone.
 */
function fit(value: string, atStart: boolean, language: MessageLanguage): string {
  if (atStart || language === 'ar' || !/^\p{Lu}(\p{Ll}|’)/u.test(value)) return value;
  return value.charAt(0).toLocaleLowerCase(language) + value.slice(1);
}

function translateKnown(message: string, language: MessageLanguage, depth: number): string | undefined {
  const found = matchMessage(message);
  if (!found) return undefined;
  const template = found.entry[language];
  return template.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    const value = found.values[name];
    if (value === undefined) return whole;
    const known = depth < 3 ? translateKnown(value, language, depth + 1) : undefined;
    return known === undefined ? value : fit(known, offset === 0, language);
  });
}

const SEPARATOR: Record<MessageLanguage, string> = { en: '; ', fr: ' ; ', es: '; ', ar: '؛ ' };

/**
 * The sentence in `language`. Values in placeholders are translated too when the catalogue knows them
 * ("The report" in "{what} was not found"), else kept as written (titles, names, emails). Several sentences joined
 * with "; " are translated one by one. A sentence the catalogue does not know comes back unchanged, in English.
 */
export function translateMessage(message: string, language: MessageLanguage): string {
  if (language === 'en' || !message) return message;
  const whole = translateKnown(message, language, 0);
  if (whole !== undefined) return whole;
  if (message.includes('; ')) {
    const parts = message.split('; ').map((part) => translateKnown(part, language, 0));
    if (parts.every((part) => part !== undefined)) return parts.join(SEPARATOR[language]);
  }
  return message;
}

/** The best of en/fr/es/ar for an `Accept-Language` header (q-values honoured), or undefined when none fits. */
export function languageFromAcceptLanguage(header: string | undefined | null): MessageLanguage | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((item) => item.tag && Number.isFinite(item.q) && item.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'en' || primary === 'fr' || primary === 'es' || primary === 'ar') return primary;
  }
  return undefined;
}
