import { reportSchema, safeReportJson } from './schema';
import { documentText } from './templates';
import { diffDocuments } from './document-diff';
import { readMentionAttributes } from './mention';

const ID = '0b6f1a52-8c1e-4d6a-9f0e-2f4c9a1b7d33';
const paragraph = (...content: unknown[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] });

describe('mention node', () => {
  it('is in the report schema with id, kind and label only, and reads as "@Name"', () => {
    const schema = reportSchema();
    expect(Object.keys(schema.nodes['mention'].spec.attrs ?? {}).sort()).toEqual(['id', 'kind', 'label']);
    const doc = schema.nodeFromJSON(paragraph({ type: 'text', text: 'Over to ' }, { type: 'mention', attrs: { id: ID, kind: 'user', label: 'Amina Odhiambo' } }));
    doc.check();
    expect(doc.textContent).toBe('Over to ');
    expect(documentText(doc.toJSON())).toBe('Over to @Amina Odhiambo\n');
  });

  it('renders in a <bdi dir="auto"> so a name keeps its own direction', () => {
    const schema = reportSchema();
    const doc = schema.nodeFromJSON(paragraph({ type: 'mention', attrs: { id: ID, kind: 'user', label: 'أمينة' } }));
    const mention = doc.firstChild!.firstChild!;
    expect(schema.nodes['mention'].spec.toDOM?.(mention)).toEqual([
      'bdi',
      { 'data-type': 'mention', class: 'mention', dir: 'auto', 'data-id': ID, 'data-kind': 'user', 'data-label': 'أمينة' },
      '@أمينة',
    ]);
  });

  it('reads only well-formed attributes', () => {
    expect(readMentionAttributes({ id: ID.toUpperCase(), kind: 'org', label: ' Kenya\u202e ' })).toEqual({ id: ID, kind: 'org', label: 'Kenya' });
    expect(readMentionAttributes({ id: 'nope', kind: 'user', label: 'A' })).toBeNull();
    expect(readMentionAttributes({ id: ID, kind: 'admin', label: 'A' })).toBeNull();
    expect(readMentionAttributes({ id: ID, kind: 'user', label: '\u200b' })).toBeNull();
    expect(readMentionAttributes(undefined)).toBeNull();
  });

  it('is sanitised to its three attributes, and dropped when malformed', () => {
    const clean = safeReportJson(
      paragraph(
        { type: 'mention', attrs: { id: ID, kind: 'user', label: 'Amina', onclick: 'alert(1)', mentionSuggestionChar: '@' } },
        { type: 'mention', attrs: { id: 'javascript:alert(1)', kind: 'user', label: 'x' } },
      ),
    );
    expect(clean.content?.[0].content).toEqual([{ type: 'mention', attrs: { id: ID, kind: 'user', label: 'Amina' } }]);
  });

  it('counts as "@Name" in a comparison, and another person in its place is a change', () => {
    const KENYA = '5d1e7c0a-3b2f-4e8d-a6c9-1f0e2d3c4b5a';
    const before = paragraph({ type: 'text', text: 'Over to ' }, { type: 'mention', attrs: { id: ID, kind: 'user', label: 'Amina' } });
    const after = paragraph({ type: 'text', text: 'Over to ' }, { type: 'mention', attrs: { id: KENYA, kind: 'org', label: 'Kenya' } });
    const diff = diffDocuments(before, after);
    expect(diff.changes).toEqual([expect.objectContaining({ inserted: '@Kenya', deleted: '@Amina', insertedObjects: 0, deletedObjects: 0 })]);
    expect(diffDocuments(before, before).identical).toBe(true);
  });
});
