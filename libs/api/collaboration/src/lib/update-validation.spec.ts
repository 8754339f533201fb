import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as Y from 'yjs';
import { invalidUpdateReason } from './update-validation';

/** A report as the editor writes it: a paragraph holding bold text, and a table cell with a column width. */
function report(): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const cell = new Y.XmlElement('tableCell');
  doc.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(0, [paragraph, cell]);
  text.insert(0, 'Health equity', { bold: true });
  cell.setAttribute('colwidth', [120] as never);
  return doc;
}

/** What `change` adds to a copy of `base`, as the update a client would send. */
function edit(base: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

describe('invalidUpdateReason', () => {
  it('accepts what the editor writes: elements, text, formatting, attributes and deletions', () => {
    const base = report();
    expect(invalidUpdateReason(Y.encodeStateAsUpdate(base))).toBeNull();
    const typed = edit(base, (doc) => {
      const fragment = doc.getXmlFragment(REPORT_DOCUMENT_FIELD);
      const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(6, ' and ');
      text.format(0, 6, { italic: true });
      text.delete(0, 2);
      fragment.insert(1, [new Y.XmlElement('heading')]);
      (fragment.get(1) as Y.XmlElement).setAttribute('level', 2 as never);
    });
    expect(invalidUpdateReason(typed, base)).toBeNull();
    // An attribute set again (an image's alternative text): the update names the value it replaces, not the key.
    const retyped = edit(base, (doc) => (doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(1) as Y.XmlElement).setAttribute('colwidth', [200] as never));
    const [replacing] = Y.decodeUpdate(retyped).structs as Y.Item[];
    expect(replacing.parentSub).toBeNull();
    expect(invalidUpdateReason(retyped, base)).toBeNull();
  });

  it('refuses other root types, arrays, plain text, maps and NUL characters', () => {
    const base = report();
    const other = new Y.Doc();
    other.getMap('hidden').set('x', 1);
    expect(invalidUpdateReason(Y.encodeStateAsUpdate(other), base)).toMatch(/may only change the "default"/);
    const array = new Y.Doc();
    array.getArray(REPORT_DOCUMENT_FIELD).insert(0, [1, 'two', { three: 3 }]);
    expect(invalidUpdateReason(Y.encodeStateAsUpdate(array), base)).toMatch(/attributes of an element/);
    const text = new Y.Doc();
    text.getText(REPORT_DOCUMENT_FIELD).insert(0, 'plain');
    expect(invalidUpdateReason(Y.encodeStateAsUpdate(text), base)).toMatch(/inside a text node/);
    const map = edit(base, (doc) => (doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement).insert(0, [new Y.Map() as never]));
    expect(invalidUpdateReason(map, base)).toMatch(/Only elements and text/);
    const nul = edit(base, (doc) => ((doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'a\u0000b'));
    expect(invalidUpdateReason(nul, base)).toBe('Text may not contain NUL characters');
  });

  it('tells where an item inserted next to existing content goes from the live document', () => {
    const base = report();
    // The same root read as an array: the value goes after the paragraph, so the update names its neighbour only.
    const update = edit(base, (doc) => doc.get(REPORT_DOCUMENT_FIELD, Y.Array).insert(1, ['sneaked in']));
    const [item] = Y.decodeUpdate(update).structs as Y.Item[];
    expect(item.parent).toBeNull();
    expect(invalidUpdateReason(update, base)).toMatch(/attributes of an element/);
    // Text next to the paragraph, at the top level, is refused too.
    const beside = edit(base, (doc) => doc.get(REPORT_DOCUMENT_FIELD, Y.Text).insert(0, 'loose'));
    expect(invalidUpdateReason(beside, base)).toMatch(/inside a text node/);
  });
});
