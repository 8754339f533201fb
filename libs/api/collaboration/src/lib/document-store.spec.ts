import { bootTestApp, type TestApp } from '@simashe/api-testing';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { CollaborationModule } from './collaboration.module';
import { DocumentStore } from './document-store';

describe('DocumentStore', () => {
  let t: TestApp;
  let store: DocumentStore;

  beforeAll(async () => {
    t = await bootTestApp([CollaborationModule]);
    store = t.app.get(DocumentStore);
  });
  afterAll(() => t.close());

  function edit(doc: Y.Doc, change: (text: Y.XmlText) => void): Uint8Array {
    let captured: Uint8Array | undefined;
    const listener = (update: Uint8Array) => (captured = update);
    doc.on('update', listener);
    doc.transact(() => {
      const fragment = doc.getXmlFragment('default');
      if (fragment.length === 0) fragment.insert(0, [new Y.XmlText()]);
      change(fragment.get(0) as Y.XmlText);
    });
    doc.off('update', listener);
    return captured as Uint8Array;
  }

  it('rebuilds a document from its snapshot plus the update tail', async () => {
    const id = randomUUID();
    const author = new Y.Doc();
    const initial = edit(author, (text) => text.insert(0, 'start'));
    await store.create(id, initial);
    await store.append(id, edit(author, (text) => text.insert(5, ' middle')), null);
    await store.append(id, edit(author, (text) => text.insert(12, ' end')), null);
    const { doc, tailLength } = await store.load(id);
    expect(tailLength).toBe(2);
    expect(doc.getXmlFragment('default').toString()).toBe('start middle end');
  });

  it('compacts while appends keep arriving, losing nothing', async () => {
    const id = randomUUID();
    const author = new Y.Doc();
    await store.create(id, edit(author, (text) => text.insert(0, '#')));
    const appends: Array<Promise<void>> = [];
    const compactions: Array<Promise<number>> = [];
    for (let i = 0; i < 300; i++) {
      appends.push(store.append(id, edit(author, (text) => text.insert(text.length, `${i},`)), null));
      if (i % 50 === 25) compactions.push(store.compact(id));
    }
    await Promise.all(appends);
    const folded = (await Promise.all(compactions)).reduce((sum, n) => sum + n, 0);
    expect(folded).toBeGreaterThan(0);
    await store.compact(id);
    const { doc, tailLength } = await store.load(id);
    expect(tailLength).toBe(0);
    expect(doc.getXmlFragment('default').toString()).toBe(author.getXmlFragment('default').toString());
    const [{ rows }] = await t.db.query('SELECT count(*)::int AS rows FROM collab_updates WHERE document_id = $1', [id]);
    expect(rows).toBe(0);
  });
});
