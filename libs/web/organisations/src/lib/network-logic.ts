import type { ExpertiseArea, PublicInstitution } from '@simashe/contracts';
import { countryName } from '@simashe/web-i18n';

/**
 * Folds a text for matching: case, accents and spacing do not count ("Équité" finds "equite", "Maroc" finds "maroc"),
 * in the reader's language's rules for case.
 */
export function foldText(text: string, language: string): string {
  return text.toLocaleLowerCase(language).normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
}

/** What the filter looks through for an institution: its name, its country (in English and the reader's language) and its expertise as shown. */
export function institutionSearchTexts(institution: PublicInstitution, language: string, expertiseLabel: (area: ExpertiseArea) => string): string[] {
  return [
    institution.name,
    ...(institution.country ? [institution.country.name, countryName(institution.country, language)] : []),
    ...institution.expertise.map(expertiseLabel),
  ];
}

/**
 * The institutions the filter text finds: every word of it must appear in the name, the country or an area of
 * expertise (in the reader's language); an empty filter keeps them all. The order stays the API's.
 */
export function filterInstitutions(institutions: PublicInstitution[], filter: string, language: string, expertiseLabel: (area: ExpertiseArea) => string): PublicInstitution[] {
  const words = foldText(filter, language).split(' ').filter(Boolean);
  if (words.length === 0) return institutions;
  return institutions.filter((institution) => {
    const haystack = institutionSearchTexts(institution, language, expertiseLabel).map((text) => foldText(text, language)).join('\n');
    return words.every((word) => haystack.includes(word));
  });
}

/** A website's address as a short link text: the host without "www.", or the address itself if it does not parse. */
export function websiteLabel(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
