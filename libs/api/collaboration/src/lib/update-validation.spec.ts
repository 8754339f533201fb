import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DEPENDS_ON_UNKNOWN, invalidUpdateReason, ownAwareness } from './update-validation';

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

  it('accepts an edit into a paragraph someone else deleted meanwhile (Yjs discards it; refusing it stalled the editor)', () => {
    const base = report();
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(base));
    const empty = new Y.XmlElement('paragraph');
    const server = new Y.Doc({ gc: true });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(base));
    const beforeEmpty = Y.encodeStateVector(bob);
    bob.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(0, [empty]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(bob, beforeEmpty));
    // Alice deletes the empty paragraph on the server; Bob, not knowing, types into it and aligns it.
    server.getXmlFragment(REPORT_DOCUMENT_FIELD).delete(0, 1);
    const beforeTyping = Y.encodeStateVector(bob);
    empty.insert(0, [new Y.XmlText('late')]);
    empty.setAttribute('textAlign', 'center');
    expect(invalidUpdateReason(Y.encodeStateAsUpdate(bob, beforeTyping), server)).toBeNull();
  });

  it('does not take a change whose neighbour, parent or earlier part it has not received (it would be held back unchecked)', () => {
    const base = report();
    // A: a new paragraph; B, made after A: a plain value straight after it in the report (refused when A is known).
    const withA = new Y.Doc();
    Y.applyUpdate(withA, Y.encodeStateAsUpdate(base));
    const update = (doc: Y.Doc, change: () => void) => {
      const before = Y.encodeStateVector(doc);
      change();
      return Y.encodeStateAsUpdate(doc, before);
    };
    const a = update(withA, () => withA.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(2, [new Y.XmlElement('paragraph')]));
    const forB = new Y.Doc(); // a root read as an array: its own copy (one document reads a root one way)
    Y.applyUpdate(forB, Y.encodeStateAsUpdate(withA));
    const b = update(forB, () => forB.get(REPORT_DOCUMENT_FIELD, Y.Array).insert(3, ['sneaked in']));
    // B first: its neighbour is unknown, so it is not taken (Yjs would slot it in after A later, unchecked).
    expect(invalidUpdateReason(b, base)).toBe(DEPENDS_ON_UNKNOWN);
    // In order, A is fine and B is refused for what it is.
    expect(invalidUpdateReason(a, base)).toBeNull();
    Y.applyUpdate(base, a);
    expect(invalidUpdateReason(b, base)).toMatch(/attributes of an element/);
    // A gap in a client's clocks (its first change never sent) and a deletion of unknown content are not taken either.
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(base));
    const first = update(later, () => later.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(0, [new Y.XmlElement('paragraph')]));
    const second = update(later, () => later.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(0, [new Y.XmlElement('heading')]));
    expect(invalidUpdateReason(second, base)).toBe(DEPENDS_ON_UNKNOWN);
    const removal = update(later, () => later.getXmlFragment(REPORT_DOCUMENT_FIELD).delete(0, 2));
    expect(invalidUpdateReason(removal, base)).toBe(DEPENDS_ON_UNKNOWN);
    const beforeFirst = new Y.Doc();
    Y.applyUpdate(beforeFirst, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(base, first);
    Y.applyUpdate(base, second);
    expect(invalidUpdateReason(removal, base)).toBeNull();
    // Changes merged around one already received (a reconnect's resend: Yjs puts a skip where it was) are taken.
    const third = update(later, () => later.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(0, [new Y.XmlElement('paragraph')]));
    const aroundSecond = Y.mergeUpdates([first, third]);
    expect(Y.decodeUpdate(aroundSecond).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    expect(invalidUpdateReason(aroundSecond, base)).toBeNull();
    expect(invalidUpdateReason(aroundSecond, beforeFirst)).toBe(DEPENDS_ON_UNKNOWN);
    // What the update itself brings counts as received (both changes in one).
    expect(invalidUpdateReason(Y.mergeUpdates([first, second, removal]), beforeFirst)).toBeNull();
  });

  it('refuses crafted updates: deleted content in another root, one client in two groups, a struct hiding a known one', () => {
    const base = report();
    const other = new Y.Doc();
    other.getArray('evil').insert(0, [1]);
    other.getArray('evil').delete(0, 1);
    expect(invalidUpdateReason(Y.encodeStateAsUpdate(other), base)).toMatch(/may only change the "default"/);

    const id = (client: number, clock: number) => Y.createID(client, clock);
    const item = (at: Y.ID, place: { origin?: Y.ID; parent?: Y.ID | string; parentSub?: string }, content: ConstructorParameters<typeof Y.Item>[7]) =>
      new Y.Item(at, null, place.origin ?? null, null, null, (place.parent ?? null) as never, place.parentSub ?? null, content);
    /** An update written struct by struct, in the groups given (what Yjs's own encoder never writes twice). */
    const encode = (groups: Array<[number, Y.Item[]]>) => {
      const encoder = new Y.UpdateEncoderV1();
      encoding.writeVarUint(encoder.restEncoder, groups.length);
      for (const [client, structs] of groups) {
        encoding.writeVarUint(encoder.restEncoder, structs.length);
        encoder.writeClient(client);
        encoding.writeVarUint(encoder.restEncoder, structs[0].id.clock);
        for (const struct of structs) struct.write(encoder, 0);
      }
      encoding.writeVarUint(encoder.restEncoder, 0);
      return encoder.toUint8Array();
    };
    const paragraph = base.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement;
    const last = (paragraph as unknown as { _item: Y.Item })._item.id;
    // Client 5 twice: the first group claims 5:0 is an attribute, the second (the one Yjs keeps) puts it in the field.
    const twice = encode([
      [99, [item(id(99, 0), { origin: id(5, 0) }, new Y.ContentAny(['sneaked']))]],
      [5, [item(id(5, 0), { parent: last, parentSub: 'k' }, new Y.ContentDeleted(1))]],
      [5, [item(id(5, 0), { origin: last }, new Y.ContentType(new Y.XmlElement('paragraph')))]],
    ]);
    expect(invalidUpdateReason(twice, base)).toBe('Not a valid Yjs update');
    // A struct for an id the document already holds is skipped by Yjs: the document's own item decides.
    const known = (paragraph.get(0) as Y.XmlText & { _item: Y.Item })._item.id;
    const hiding = encode([
      [known.client, [item(known, { parent: last, parentSub: 'k' }, new Y.ContentDeleted(1))]],
      [77, [item(id(77, 0), { origin: known }, new Y.ContentAny(['inside text']))]],
    ]);
    expect(invalidUpdateReason(hiding, base)).toMatch(/attributes of an element|inside a text node|Elements and text/);
  });
});

describe('ownAwareness', () => {
  /** An awareness update in y-protocols' format from [client, clock, state text] entries. */
  const awareness = (entries: Array<[number, number, string]>) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const [client, clock, state] of entries) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, state);
    }
    return encoding.toUint8Array(encoder);
  };

  it("names the clients an update speaks for, and passes an update with the sender's own name on unchanged", () => {
    const update = awareness([[6161, 1, '{"user":{"name":"Amina","color":"#123"}}'], [6262, 3, 'null']]);
    const read = ownAwareness(update, 'Amina');
    expect(read.clients).toEqual([6161, 6262]);
    expect(read.update).toBe(update);
  });

  it("puts the sender's own name on a state that claims another, keeping the rest of it", () => {
    const read = ownAwareness(awareness([[6161, 4, '{"user":{"name":"WHO Director-General","color":"#123"},"cursor":{"anchor":1}}'], [6262, 3, 'null']]), 'Amina');
    const target = new Awareness(new Y.Doc());
    applyAwarenessUpdate(target, read.update, 'test');
    expect(target.getStates().get(6161)).toEqual({ user: { name: 'Amina', color: '#123' }, cursor: { anchor: 1 } });
    expect(target.getStates().has(6262)).toBe(false);
    expect(read.clients).toEqual([6161, 6262]);
  });

  it('gives a user that is not an object the name, and leaves a state without a user (a cursor alone) as it is', () => {
    const read = ownAwareness(awareness([[1, 1, '{"user":"WHO Director-General"}'], [2, 1, '{"user":["x"]}'], [3, 1, '{"cursor":null}']]), 'Amina');
    const target = new Awareness(new Y.Doc());
    applyAwarenessUpdate(target, read.update, 'test');
    expect(target.getStates().get(1)).toEqual({ user: { name: 'Amina' } });
    expect(target.getStates().get(2)).toEqual({ user: { name: 'Amina' } });
    expect(target.getStates().get(3)).toEqual({ cursor: null });
  });

  it('refuses the whole update when one entry is not JSON (y-protocols would have applied the ones before it)', () => {
    expect(() => ownAwareness(awareness([[6161, 1, '{"user":{"name":"GHOST"}}'], [6262, 1, '{not json']]), 'Amina')).toThrow();
  });
});
