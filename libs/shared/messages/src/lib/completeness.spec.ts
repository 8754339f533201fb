import { join } from 'node:path';
import { CATALOGUE } from './catalogue';
import { scanSentences, type FoundSentence } from './source-scan';
import { matchMessage, placeholdersOf, translateMessage } from './translate';
import type { MessageLanguage } from './types';

const REPO_ROOT = join(__dirname, '../../../../..');
const OTHER_LANGUAGES: MessageLanguage[] = ['fr', 'es', 'ar'];

/**
 * Sentences the scan finds that never reach a person, each with the reason. Keep this short: anything a user can
 * read belongs in the catalogue.
 */
const NOT_USER_FACING = new Set<string>([]);

/**
 * Sentences that reach users without passing through a literal the scan sees: the reasons of @simashe/inequality
 * that the monitoring measures service puts in a 400 (`answer.reason.message`, only these two codes).
 */
const INDIRECT = ['SII needs an ordered dimension', 'MDRU is for non-ordered dimensions'];

/** Values tried in a template's `{}` holes: a word, a number, a plural "s", nothing (optional parts). */
const SAMPLES = ['Sample', '7', 's', ''];

function candidates(text: string): string[] {
  const holes = text.split('{}').length - 1;
  if (holes === 0) return [text];
  const results: string[] = [];
  const fill = (index: number, sample: string) => text.split('{}').reduce((acc, part, i) => (i === 0 ? part : acc + (i - 1 === index ? sample : SAMPLES[0]) + part), '');
  results.push(text.split('{}').join(SAMPLES[0]));
  for (let index = 0; index < holes; index++) for (const sample of SAMPLES.slice(1)) results.push(fill(index, sample));
  return results;
}

describe('message catalogue', () => {
  it('has every entry in fr, es and ar with the same placeholders', () => {
    const problems: string[] = [];
    for (const entry of CATALOGUE) {
      const wanted = [...placeholdersOf(entry.en)].sort().join(',');
      for (const language of OTHER_LANGUAGES) {
        const text = entry[language];
        if (!text?.trim()) problems.push(`${language} missing: ${entry.en}`);
        else if ([...placeholdersOf(text)].sort().join(',') !== wanted) problems.push(`${language} placeholders differ: ${entry.en} → ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists each English sentence once', () => {
    const seen = new Set<string>();
    const repeated = CATALOGUE.map((entry) => entry.en).filter((en) => (seen.has(en) ? true : (seen.add(en), false)));
    expect(repeated).toEqual([]);
  });

  it('writes French with typographic apostrophes and a space before « ; » and « : »', () => {
    const problems = CATALOGUE.filter((entry) => /'|\S[;:](\s|$)/.test(entry.fr.replace(/https?:\/\//g, '').replace(/\d{2}:\d{2}/g, ''))).map((entry) => entry.fr);
    expect(problems).toEqual([]);
  });

  describe('against the source', () => {
    let found: FoundSentence[];
    beforeAll(() => {
      found = scanSentences(REPO_ROOT);
    });

    it('finds the sentences (the scan itself works)', () => {
      const texts = [...new Set(found.map((sentence) => sentence.text))];
      expect(texts.length).toBeGreaterThan(400);
      const samples = ['The report', 'The report was not found', 'Only administrators of this organisation can do this', 'Invalid request', '{} is required', 'Title', 'Choose a file to upload', 'Join the document first', 'Too many failed password attempts'];
      expect(samples.filter((sample) => !texts.includes(sample))).toEqual([]);
    });

    it('words every error sentence of libs/api and every zod message of the contracts', () => {
      const missing = new Map<string, string>();
      for (const sentence of found) {
        if (NOT_USER_FACING.has(sentence.text)) continue;
        if (!candidates(sentence.text).some((candidate) => matchMessage(candidate))) missing.set(sentence.text, `${sentence.file}:${sentence.line}`);
      }
      expect([...missing].map(([text, where]) => `${where}  ${text}`)).toEqual([]);
    });

    it('translates each literal sentence completely (no English value left in its placeholders)', () => {
      const partial: string[] = [];
      for (const text of new Set([...found.map((sentence) => sentence.text).filter((text) => !text.includes('{}')), ...INDIRECT])) {
        if (NOT_USER_FACING.has(text)) continue;
        const match = matchMessage(text);
        if (!match) {
          partial.push(`unmatched: ${text}`);
          continue;
        }
        for (const value of Object.values(match.values)) {
          // Numbers, codes and symbols need no words; anything with a lowercase word must be a catalogue entry.
          if (/[a-z]{2}/.test(value) && !matchMessage(value)) partial.push(`${text}  (value "${value}")`);
        }
        for (const language of OTHER_LANGUAGES) if (translateMessage(text, language) === text) partial.push(`${language} unchanged: ${text}`);
      }
      expect(partial).toEqual([]);
    });
  });
});
