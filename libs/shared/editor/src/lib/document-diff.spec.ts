import { countWords, diffDocuments, sameDocument, type DocumentDiff } from './document-diff';
import { reportSchema } from './schema';
import { PROGRESS_REPORT_TEMPLATE, SIMASHE_PROGRESS_SECTIONS, type ProseMirrorJson } from './templates';

const text = (value: string, marks?: ProseMirrorJson['marks']): ProseMirrorJson => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (value: string): ProseMirrorJson => ({ type: 'paragraph', content: value ? [text(value)] : [] });
const doc = (...content: ProseMirrorJson[]) => ({ type: 'doc', content }) as unknown as Record<string, unknown>;
const cell = (value: string): ProseMirrorJson => ({ type: 'tableCell', content: [paragraph(value)] });
const row = (...values: string[]): ProseMirrorJson => ({ type: 'tableRow', content: values.map(cell) });
const table = (...rows: ProseMirrorJson[]): ProseMirrorJson => ({ type: 'table', content: rows });
const bullets = (...items: string[]): ProseMirrorJson => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) });

/** The text a change marks as added, read back from the document the diff returns. */
function added(diff: DocumentDiff<unknown>, index = 0): string {
  const change = diff.changes[index];
  return reportSchema().nodeFromJSON(diff.doc).textBetween(change.from, change.to, '\n');
}

describe('diffDocuments', () => {
  it('marks a word added inside a sentence, where it now stands', () => {
    const diff = diffDocuments(doc(paragraph('Housing grants reached families.')), doc(paragraph('Housing grants reached 400 families.')));
    expect(diff.identical).toBe(false);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ deleted: '', deletedObjects: 0 });
    expect(diff.changes[0].inserted.trim()).toBe('400');
    expect(added(diff).trim()).toBe('400');
    expect(diff).toMatchObject({ wordsAdded: 1, wordsRemoved: 0 });
  });

  it('marks a new paragraph as a whole, not a slice across its neighbours', () => {
    const diff = diffDocuments(doc(paragraph('One.'), paragraph('Three.')), doc(paragraph('One.'), paragraph('Two words.'), paragraph('Three.')));
    expect(diff.changes.map((change) => change.inserted)).toEqual(['Two words.']);
    expect(added(diff)).toBe('Two words.');
    expect(diff.wordsAdded).toBe(2);
  });

  it('keeps removed text with the place it stood', () => {
    const diff = diffDocuments(doc(paragraph('One.'), paragraph('Two.'), paragraph('Three.')), doc(paragraph('One.'), paragraph('Three.')));
    expect(diff.changes).toHaveLength(1);
    const [change] = diff.changes;
    expect(change).toMatchObject({ deleted: 'Two.', inserted: '' });
    expect(change.from).toBe(change.to);
    // Between the two remaining paragraphs, not inside either.
    const $at = reportSchema().nodeFromJSON(diff.doc).resolve(change.from);
    expect($at.parent.type.name).toBe('doc');
    expect($at.index()).toBe(1);
    expect(diff).toMatchObject({ wordsAdded: 0, wordsRemoved: 1 });
  });

  it('shows a replaced word as removed and added, whole words only', () => {
    const diff = diffDocuments(doc(paragraph('The clinic opened in March.')), doc(paragraph('The clinic closed in March.')));
    expect(diff.changes.map(({ inserted, deleted }) => ({ inserted, deleted }))).toEqual([{ inserted: 'closed', deleted: 'opened' }]);
    expect(diff).toMatchObject({ wordsAdded: 1, wordsRemoved: 1 });
  });

  it('finds a change inside a table cell and a new row', () => {
    const before = doc(paragraph('Results'), table(row('District', 'Homes'), row('Kisumu', '120')));
    const after = doc(paragraph('Results'), table(row('District', 'Homes'), row('Kisumu', '150'), row('Nakuru', '80')));
    const diff = diffDocuments(before, after);
    expect(diff.changes.map(({ inserted, deleted }) => ({ inserted, deleted }))).toEqual([
      { inserted: '150', deleted: '120' },
      { inserted: 'Nakuru\n80', deleted: '' },
    ]);
    expect(added(diff, 1)).toBe('Nakuru\n80');
    expect(diff).toMatchObject({ wordsAdded: 3, wordsRemoved: 1 });
  });

  it('finds a list item added and one changed', () => {
    const before = doc(bullets('Labour', 'Housing'));
    const after = doc(bullets('Labour ministry', 'Housing', 'Education'));
    const diff = diffDocuments(before, after);
    expect(diff.changes.map((change) => change.inserted.trim())).toEqual(['ministry', 'Education']);
    expect(diff.changes.every((change) => change.deleted === '')).toBe(true);
    expect(added(diff, 1)).toBe('Education');
  });

  it('reports identical documents as such, with no changes', () => {
    const diff = diffDocuments(PROGRESS_REPORT_TEMPLATE as unknown as Record<string, unknown>, structuredClone(PROGRESS_REPORT_TEMPLATE) as unknown as Record<string, unknown>);
    expect(diff).toMatchObject({ identical: true, changes: [], wordsAdded: 0, wordsRemoved: 0 });
    expect(diff.doc).toEqual(PROGRESS_REPORT_TEMPLATE);
  });

  it('has no text changes when only formatting differs, but does not call the documents identical', () => {
    const diff = diffDocuments(doc(paragraph('Bold claim')), doc({ type: 'paragraph', content: [text('Bold claim', [{ type: 'bold' }])] }));
    expect(diff).toMatchObject({ identical: false, changes: [], wordsAdded: 0, wordsRemoved: 0 });
  });

  it('attributes every change to the author it is given, and to nobody otherwise', () => {
    const before = doc(paragraph('One.'), paragraph('Two.'));
    const after = doc(paragraph('One more.'), paragraph('Three.'));
    const author = { userId: 'u-amina', name: 'Amina' };
    const attributed = diffDocuments(before, after, { author });
    expect(attributed.changes.length).toBeGreaterThan(1);
    expect(attributed.changes.every((change) => change.author === author)).toBe(true);
    expect(diffDocuments(before, after).changes.every((change) => change.author === null)).toBe(true);
  });

  it('counts an embedded chart added as content without words', () => {
    const chart: ProseMirrorJson = { type: 'chartEmbed', attrs: { source: 'measure', id: '7d9e4c1a-2b3f-4a5e-8c6d-0e1f2a3b4c5d', title: 'Coverage' } };
    const diff = diffDocuments(doc(paragraph('Before.')), doc(paragraph('Before.'), chart));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ inserted: '', insertedObjects: 1, deletedObjects: 0 });
    expect(diff.wordsAdded).toBe(0);
  });

  it('reads both documents through the report schema first', () => {
    const diff = diffDocuments(doc(paragraph('Safe.')), doc(paragraph('Safe.'), { type: 'script', content: [text('alert(1)')] }));
    expect(diff.identical).toBe(true);
    expect(sameDocument(doc(paragraph('Safe.')), doc(paragraph('Safe.'), { type: 'script', content: [text('alert(1)')] }))).toBe(true);
    expect(sameDocument(doc(paragraph('Safe.')), doc({ type: 'paragraph', content: [text('Safe.', [{ type: 'italic' }])] }))).toBe(false);
  });
});

describe('countWords', () => {
  it('counts words in Latin and Arabic script, not punctuation', () => {
    expect(countWords('Nairobi county, 2026 — rolled out!')).toBe(5);
    expect(countWords('تحسين السكن في كيسومو')).toBe(4);
    expect(countWords(' — \n')).toBe(0);
    expect(countWords("l'équipe de santé")).toBe(3);
  });
});

describe('diffDocuments on random edits (fixed seed)', () => {
  // A written report: the template's sections, each with a paragraph of text (the template's own are empty).
  const REPORT = {
    type: 'doc',
    content: SIMASHE_PROGRESS_SECTIONS.flatMap(([title, words]): ProseMirrorJson[] => [{ type: 'heading', attrs: { level: 2 }, content: [text(title)] }, paragraph(words)]),
  };
  // A small deterministic generator (mulberry32), so a failure replays exactly.
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const WORDS = ['housing', 'labour', 'the', 'district', 'equity', 'data', 'and', 'Kisumu', 'سكن', '2026.'];

  it('returns ordered changes inside the document whose added text is really there', () => {
    const next = random(20260513);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    for (let round = 0; round < 150; round++) {
      const before = structuredClone(REPORT) as ProseMirrorJson;
      const after = structuredClone(REPORT) as ProseMirrorJson;
      const blocks = after.content!;
      for (let edit = 0; edit < 1 + Math.floor(next() * 5); edit++) {
        const index = Math.floor(next() * blocks.length);
        const kind = next();
        if (kind < 0.3) blocks.splice(index, 0, paragraph(`${pick(WORDS)} ${pick(WORDS)}`));
        else if (kind < 0.45 && blocks.length > 1) blocks.splice(index, 1);
        else if (kind < 0.55) blocks.splice(index, 0, table(row(pick(WORDS), pick(WORDS))));
        else {
          const words = (blocks[index].content?.[0]?.text ?? '').split(' ');
          words.splice(Math.floor(next() * (words.length + 1)), next() < 0.5 ? 1 : 0, pick(WORDS));
          blocks[index] = { ...blocks[index], content: [text(words.join(' ').trim() || 'x')] };
        }
      }
      const diff = diffDocuments(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, { author: 'a' });
      const newDoc = reportSchema().nodeFromJSON(diff.doc);
      let last = 0;
      for (const change of diff.changes) {
        expect(change.from).toBeGreaterThanOrEqual(last);
        expect(change.to).toBeGreaterThanOrEqual(change.from);
        expect(change.to).toBeLessThanOrEqual(newDoc.content.size);
        expect(newDoc.textBetween(change.from, change.to, '\n').replace(/^\n+|\n+$/g, '')).toBe(change.inserted);
        expect(change.author).toBe('a');
        last = change.to;
      }
      // Reversed, what was added is what is removed.
      const back = diffDocuments(after as unknown as Record<string, unknown>, before as unknown as Record<string, unknown>);
      expect(back.identical).toBe(diff.identical);
      expect(back.wordsRemoved).toBe(diff.wordsAdded);
      expect(back.wordsAdded).toBe(diff.wordsRemoved);
    }
  });
});
