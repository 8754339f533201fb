import { SUPPORTED_LANGUAGES, type Language } from '@simashe/contracts';
import { CATALOGUES, missingKeys, PENDING_SECTIONS, untranslatedEnglish } from './catalogue-keys';

/**
 * Every key of the English catalogue must exist in every other language, section folders included: a missing key
 * silently shows English. Plural keys must carry every category the language's plural rules have (Arabic: zero,
 * one, two, few, many, other; French and Spanish: one, many, other), since i18next does not fall back from a missing
 * `_few` to another category.
 */

const { en, ...catalogues } = CATALOGUES;

describe('translation catalogues', () => {
  it('covers every supported language', () => {
    expect(Object.keys(catalogues).sort()).toEqual(SUPPORTED_LANGUAGES.filter((l) => l !== 'en').sort());
  });

  for (const [language, catalogue] of Object.entries(catalogues) as Array<[Language, object]>) {
    it(`${language} has every key of the English catalogue`, () => {
      const missing = missingKeys(en, catalogue, language);
      const pending = missing.filter((key) => PENDING_SECTIONS.includes(key.split('.')[0]));
      if (pending.length) console.warn(`${language}: ${pending.length} keys still missing in sections being translated:\n${pending.join('\n')}`);
      expect(missing.filter((key) => !pending.includes(key))).toEqual([]);
    });
  }

  it('lists the English texts a translated page must not show', () => {
    const keys = untranslatedEnglish('fr').map((entry) => entry.key);
    expect(keys).toContain('lessons.title'); // "Lessons learned" on a French page is English left over
    expect(keys).toContain('search.count_other');
    expect(keys).not.toContain('lessons.organisation'); // "Organisation" is French too
    expect(keys).not.toContain('lessons.sector.agriculture');
  });
});
