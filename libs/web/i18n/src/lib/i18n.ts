import { RTL_LANGUAGES, SUPPORTED_LANGUAGES, type Language } from '@simashe/contracts';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en, type Catalogue } from './en';
import type { DeepPartial } from './deep-partial';

const STORAGE_KEY = 'simashe.language';

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

export function isLanguage(value: string | null | undefined): value is Language {
  return !!value && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Before sign-in: the last choice on this device, else the browser's language, else English. */
function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language?.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/**
 * English is in the app's first script (every other language falls back to it); French, Spanish and Arabic are each
 * loaded when first chosen, so a visitor on a slow link downloads one language's words, not four.
 */
const CATALOGUE_LOADERS: Record<Exclude<Language, 'en'>, () => Promise<DeepPartial<Catalogue>>> = {
  fr: async () => (await import('./fr')).fr,
  es: async () => (await import('./es')).es,
  ar: async () => (await import('./ar')).ar,
};

/** A language's catalogue, English at once, the others loaded (for tests that start their own i18next). */
export async function catalogueFor(language: Language): Promise<DeepPartial<Catalogue>> {
  return language === 'en' ? en : CATALOGUE_LOADERS[language]();
}

/** Makes `language`'s catalogue available to i18next, loading it the first time. */
export async function loadCatalogue(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'translation')) return;
  const catalogue = await CATALOGUE_LOADERS[language]();
  i18next.addResourceBundle(language, 'translation', catalogue, true, true);
}

/** Each call's turn: a choice made while an earlier one still downloads wins, whichever download ends first. */
let latestChoice = 0;

/**
 * Switches the interface to `language`: true once it shows, false when its words could not be loaded (offline, or a
 * newer build replaced the file: the interface stays as it was) or a later choice came first. Never throws, so that
 * reading the session or signing in cannot fail for a language.
 */
export async function setLanguage(language: Language): Promise<boolean> {
  const turn = ++latestChoice;
  try {
    // The words first, then the direction and the switch: no moment of Arabic layout with English words.
    await loadCatalogue(language);
  } catch {
    return false;
  }
  if (turn !== latestChoice) return false;
  localStorage.setItem(STORAGE_KEY, language);
  applyDocumentLanguage(language);
  await i18next.changeLanguage(language);
  return true;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** The language the interface speaks now, as a supported code; re-renders the component when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** Starts i18next in this device's language, once that language's words are loaded: render after it resolves. */
export async function initI18n(): Promise<typeof i18next> {
  let language = initialLanguage();
  const resources: Record<string, { translation: DeepPartial<Catalogue> }> = { en: { translation: en } };
  if (language !== 'en') {
    try {
      resources[language] = { translation: await CATALOGUE_LOADERS[language]() };
    } catch {
      // Offline, or the file is gone (a newer build): the app starts in English rather than not at all.
      language = 'en';
    }
  }
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    // i18next's advertisement in every visitor's browser console.
    showSupportNotice: false,
  });
  if (typeof document !== 'undefined') applyDocumentLanguage(language);
  return i18next;
}
