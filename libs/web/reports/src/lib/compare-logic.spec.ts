import type { Version } from '@simashe/contracts';
import { diffDocuments, type ProseMirrorJson } from '@simashe/editor';
import { initI18n, loadCatalogue } from '@simashe/web-i18n';
import { attributionBetween, colouring, diffMarks, diffSummary, inTimeOrder, newestVersion, summaryText, versionLabel } from './compare-logic';
import { colourFor } from './presence';

const AMINA = { userId: 'a0000000-0000-4000-8000-000000000001', name: 'Amina Wanjiru' };
const OTIENO = { userId: 'a0000000-0000-4000-8000-000000000002', name: 'Otieno Odhiambo' };

const version = (id: string, minute: number, rest: Partial<Version> = {}): Version => ({
  id,
  kind: 'auto',
  name: null,
  createdAt: new Date(Date.UTC(2026, 4, 12, 9, minute)).toISOString(),
  createdBy: null,
  contributions: [],
  ...rest,
});

// Newest first, as the API lists them.
const v4 = version('v4', 40, { contributions: [{ ...OTIENO, changes: 2 }] });
const v3 = version('v3', 30, { kind: 'named', name: 'Draft 2', createdBy: { id: AMINA.userId, name: AMINA.name }, contributions: [{ ...AMINA, changes: 5 }] });
const v2 = version('v2', 20, { contributions: [{ ...AMINA, changes: 3 }] });
const v1 = version('v1', 10, { kind: 'named', name: 'Draft 1', contributions: [{ ...OTIENO, changes: 9 }] });
const versions = [v4, v3, v2, v1];

const paragraph = (text: string): ProseMirrorJson => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const doc = (...content: ProseMirrorJson[]) => ({ type: 'doc', content }) as unknown as Record<string, unknown>;

describe('comparison sides', () => {
  it('read from the older to the newer, whichever was picked first', () => {
    expect(inTimeOrder(versions, 'v1', 'v3')).toEqual({ older: v1, newer: v3 });
    expect(inTimeOrder(versions, 'v3', 'v1')).toEqual({ older: v1, newer: v3 });
    expect(inTimeOrder(versions, 'v4', 'current')).toEqual({ older: v4, newer: 'current' });
    expect(inTimeOrder(versions, 'gone', 'current')).toBeNull();
    expect(inTimeOrder(versions, 'v1', 'gone')).toBeNull();
    expect(newestVersion([v2, v4, v1])).toBe(v4);
    expect(newestVersion([])).toBeNull();
  });

  it('names versions as the history does', () => {
    const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);
    expect(versionLabel(v1, t)).toBe('Draft 1');
    expect(versionLabel(v2, t)).toBe('history.automatic');
    expect(versionLabel(version('r', 50, { kind: 'restore' }), t)).toBe('history.restoreKind');
    // A restore is named by what it restored, said in the reader's language.
    expect(versionLabel(version('r', 50, { kind: 'restore', name: 'Draft 1' }), t)).toBe('history.restoredFrom {"name":"Draft 1"}');
  });
});

describe('attribution', () => {
  it('counts who edited after the older version, up to and including the newer one', () => {
    // v2 and v3 hold the edits made after v1: only Amina's.
    const between = attributionBetween(versions, v1, v3, true);
    expect(between).toEqual({ contributors: [{ ...AMINA, changes: 8 }], unrecorded: false });
    expect(colouring(between)).toEqual({ kind: 'author', userId: AMINA.userId, name: AMINA.name, colour: colourFor(AMINA.userId) });
  });

  it('lists several people, most edits first, and colours no one', () => {
    const between = attributionBetween(versions, v1, v4, true);
    expect(between.contributors).toEqual([
      { ...AMINA, changes: 8 },
      { ...OTIENO, changes: 2 },
    ]);
    expect(colouring(between)).toEqual({ kind: 'neutral' });
  });

  it('knows nobody for two versions with no edits recorded in between', () => {
    const quiet = [version('b', 20), version('a', 10)];
    const between = attributionBetween(quiet, quiet[1], quiet[0], true);
    expect(between).toEqual({ contributors: [], unrecorded: false });
    expect(colouring(between)).toEqual({ kind: 'neutral' });
  });

  it('counts a restore as the change of whoever restored', () => {
    const restore = version('r', 50, { kind: 'restore', name: 'Draft 1', createdBy: { id: OTIENO.userId, name: OTIENO.name } });
    expect(attributionBetween([restore, ...versions], v4, restore, true).contributors).toEqual([{ ...OTIENO, changes: 1 }]);
  });

  it('with the current text: edits since the newest version have no recorded author, so nothing is coloured', () => {
    const sinceV3 = attributionBetween(versions, v3, 'current', false);
    expect(sinceV3).toEqual({ contributors: [{ ...OTIENO, changes: 2 }], unrecorded: true });
    expect(colouring(sinceV3)).toEqual({ kind: 'neutral' });
    // The current text still equals v4: Otieno's edits are all there is.
    expect(colouring(attributionBetween(versions, v3, 'current', true))).toMatchObject({ kind: 'author', userId: OTIENO.userId });
  });
});

describe('summary and marks', () => {
  it('tells identical texts from formatting-only differences and counts words otherwise', () => {
    const same = diffDocuments(doc(paragraph('Housing.')), doc(paragraph('Housing.')));
    expect(diffSummary(same)).toEqual({ kind: 'identical' });
    const bold = diffDocuments(doc(paragraph('Housing.')), doc({ type: 'paragraph', content: [{ type: 'text', text: 'Housing.', marks: [{ type: 'bold' }] }] }));
    expect(diffSummary(bold)).toEqual({ kind: 'formattingOnly' });
    const words = diffDocuments(doc(paragraph('Housing grants.')), doc(paragraph('Housing and labour grants.')));
    expect(diffSummary(words)).toEqual({ kind: 'words', added: 2, removed: 0 });
  });

  it('marks added text, and places removals inside a line or between blocks', () => {
    const colour = colourFor(AMINA.userId);
    const diff = diffDocuments(doc(paragraph('One.'), paragraph('Two old words.'), paragraph('Three.')), doc(paragraph('One new.'), paragraph('Three.')), {
      author: { colour },
    });
    const marks = diffMarks(diff.doc, diff.changes);
    expect(marks.inserted).toEqual([{ from: 4, to: 8, colour }]);
    expect(marks.deleted).toEqual([{ at: 10, text: 'Two old words.', objects: 0, block: true, colour }]);
    const inline = diffDocuments(doc(paragraph('Very old words.')), doc(paragraph('Very words.')));
    expect(diffMarks(inline.doc, inline.changes).deleted).toEqual([{ at: 5, text: ' old', objects: 0, block: false, colour: null }]);
  });

  it('outlines an added chart, which has no words to underline', () => {
    const chart: ProseMirrorJson = { type: 'chartEmbed', attrs: { source: 'measure', id: '7d9e4c1a-2b3f-4a5e-8c6d-0e1f2a3b4c5d', title: 'Coverage' } };
    const diff = diffDocuments(doc(paragraph('Before.')), doc(paragraph('Before.'), chart));
    expect(diffMarks(diff.doc, diff.changes)).toEqual({ inserted: [], insertedNodes: [{ from: 9, to: 10, colour: null }], deleted: [] });
  });
});

describe('comparison texts', () => {
  let i18n: Awaited<ReturnType<typeof initI18n>>;
  beforeAll(async () => {
    jest.spyOn(console, 'info').mockImplementation(() => undefined); // i18next's greeting
    i18n = await initI18n();
    await Promise.all((['fr', 'es', 'ar'] as const).map((language) => loadCatalogue(language)));
    await i18n.changeLanguage('en');
  });
  const summary = (language: string, added: number, removed: number) => summaryText({ added, removed }, i18n.getFixedT(language) as unknown as Parameters<typeof summaryText>[1]);

  it('count added and removed words with each language’s plural forms', () => {
    expect(summary('en', 12, 3)).toBe('12 words added, 3 removed');
    expect(summary('en', 1, 0)).toBe('1 word added');
    expect(summary('en', 0, 2)).toBe('2 words removed');
    expect(summary('en', 0, 0)).toBe('No words were added or removed, only charts.');
    expect(summary('fr', 12, 1)).toBe('12 mots ajoutés, 1 supprimé');
    expect(summary('es', 0, 1)).toBe('1 palabra eliminada');
    expect(summary('ar', 12, 3)).toBe('أُضيفت 12 كلمة، حُذفت 3 كلمات');
    expect(summary('ar', 2, 1)).toBe('أُضيفت كلمتان، حُذفت كلمة واحدة');
  });

  it('exist in every language for every key English has', () => {
    const keys = Object.keys(i18n.getResourceBundle('en', 'translation').history.compare);
    for (const language of ['fr', 'es', 'ar']) {
      const compare = i18n.getResourceBundle(language, 'translation').history.compare;
      expect(keys.filter((key) => !(key in compare))).toEqual([]);
    }
  });
});
