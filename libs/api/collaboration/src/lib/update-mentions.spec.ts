import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as Y from 'yjs';
import { mentionsAdded } from './update-mentions';

const AMINA = '0b6f1a52-8c1e-4d6a-9f0e-2f4c9a1b7d33';
const KENYA = '5d1e7c0a-3b2f-4e8d-a6c9-1f0e2d3c4b5a';

/** A client and the server's copy: every change the client makes is applied on the server and checked there. */
function pair() {
  const client = new Y.Doc();
  const server = new Y.Doc();
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  const change = (edit: (fragment: Y.XmlFragment) => void) => {
    updates.length = 0;
    client.transact(() => edit(client.getXmlFragment(REPORT_DOCUMENT_FIELD)));
    const update = Y.mergeUpdates(updates);
    Y.applyUpdate(server, update);
    return mentionsAdded(server, update);
  };
  return { client, change };
}

const mention = (kind: string, id: string, label: string) => {
  const element = new Y.XmlElement('mention');
  element.setAttribute('kind', kind);
  element.setAttribute('id', id);
  element.setAttribute('label', label);
  return element;
};

describe('mentionsAdded', () => {
  it('finds the mentions a change inserts, and none when typing around them', () => {
    const { change } = pair();
    let paragraph!: Y.XmlElement;
    expect(
      change((fragment) => {
        paragraph = new Y.XmlElement('paragraph');
        fragment.insert(0, [paragraph]);
        paragraph.insert(0, [new Y.XmlText('Over to '), mention('user', AMINA, 'Amina'), mention('org', KENYA, 'Kenya'), mention('user', AMINA, 'Amina')]);
      }),
    ).toEqual([
      { kind: 'user', id: AMINA },
      { kind: 'org', id: KENYA },
    ]);
    // Words typed next to it, even the word "mention", add nobody.
    expect(change(() => (paragraph.get(0) as Y.XmlText).insert(0, 'Please mention it: '))).toEqual([]);
    // Deleting a mention adds nobody.
    expect(change(() => paragraph.delete(1, 1))).toEqual([]);
  });

  it('ignores malformed mentions and those deleted in the same change', () => {
    const { change } = pair();
    expect(
      change((fragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        fragment.insert(0, [paragraph]);
        paragraph.insert(0, [mention('user', 'not-a-uuid', 'X'), mention('admin', AMINA, 'X'), mention('user', AMINA, 'Gone')]);
        paragraph.delete(2, 1);
      }),
    ).toEqual([]);
  });

  it('finds nothing in a garbled update', () => {
    expect(mentionsAdded(new Y.Doc(), new TextEncoder().encode('mention'))).toEqual([]);
  });
});
