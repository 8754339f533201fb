import { EventBus, PreparedStatements } from '@simashe/api-core';
import { bootTestApp, createUser, type TestApp } from '@simashe/api-testing';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import * as Y from 'yjs';
import { CollaborationModule } from './collaboration.module';
import { DocumentLoader, DocumentLoadTimeout } from './document-loader';
import { COMPACTION_THRESHOLD, DocumentRooms } from './document-rooms';
import { DocumentStore, LARGE_DOCUMENT_BYTES } from './document-store';

describe('DocumentStore', () => {
  let t: TestApp;
  let store: DocumentStore;
  /** Where appends are written (a prepared statement). */
  let prepared: PreparedStatements;

  beforeAll(async () => {
    t = await bootTestApp([CollaborationModule]);
    store = t.app.get(DocumentStore);
    prepared = t.app.get(PreparedStatements);
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

  /** A stored report whose text is `text`, as its author's document has it. */
  async function storedReport(text: string): Promise<{ ref: { kind: 'report'; documentId: string }; author: Y.Doc }> {
    const ref = { kind: 'report', documentId: randomUUID() } as const;
    const author = new Y.Doc();
    await store.create(ref.documentId, edit(author, (node) => node.insert(0, text)));
    return { ref, author };
  }

  it('never counts a joiner into a room released while it waited: the room it enters is the open one', async () => {
    const rooms = t.app.get(DocumentRooms);
    const id = randomUUID();
    await store.create(id, edit(new Y.Doc(), (text) => text.insert(0, 'x')));
    const ref = { kind: 'report', documentId: id } as const;
    let delay = 0;
    // Whatever runs before a release (a version kept) takes a while, in every interleaving the timers give.
    const slowRelease = t.app.get(EventBus).on('document.releasing', () => new Promise((resolve) => setTimeout(resolve, delay)));
    try {
      for (let round = 0; round < 40; round += 1) {
        delay = round % 4;
        const leaving = await rooms.enter(ref, 'leaver');
        leaving.members.delete('leaver');
        // The last member leaves (release starts) while someone joins, in every interleaving the timers give.
        const [, joined] = await Promise.all([rooms.release(leaving), new Promise<Awaited<ReturnType<typeof rooms.enter>>>((resolve) => setTimeout(() => void rooms.enter(ref, `joiner${round}`).then(resolve), round % 3))]);
        expect(await rooms.find(ref)).toBe(joined);
        joined.members.delete(`joiner${round}`);
        await rooms.release(joined);
        expect(rooms.find(ref)).toBeUndefined();
      }
    } finally {
      slowRelease();
    }
  });

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
      if (i % 50 === 25) {
        // A stored tail to fold (appends made in one turn are written after it), then more appends during the compaction.
        await Promise.all(appends);
        compactions.push(store.compact(id));
      }
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

  it('compacts documents that reach the threshold together one after another, each to its stored state', async () => {
    const rooms = t.app.get(DocumentRooms);
    const refs = [randomUUID(), randomUUID(), randomUUID()].map((documentId) => ({ kind: 'report', documentId }) as const);
    const authors = refs.map(() => new Y.Doc());
    for (const [i, ref] of refs.entries()) await store.create(ref.documentId, edit(authors[i], (text) => text.insert(0, '#')));
    const opened = await Promise.all(refs.map((ref) => rooms.open(ref)));
    let running = 0;
    let mostAtOnce = 0;
    const compacted: string[] = [];
    const compact = store.compact.bind(store);
    const spy = jest.spyOn(store, 'compact').mockImplementation(async (documentId) => {
      mostAtOnce = Math.max(mostAtOnce, ++running);
      try {
        return await compact(documentId);
      } finally {
        running--;
        compacted.push(documentId);
      }
    });
    try {
      // The three documents cross the threshold within the same few milliseconds.
      const changes: Array<Promise<boolean>> = [];
      for (let n = 0; n < COMPACTION_THRESHOLD; n++) {
        for (const [i, room] of opened.entries()) changes.push(rooms.applyChange(room, edit(authors[i], (text) => text.insert(text.length, `${n},`)), { origin: 'test', userId: null }));
      }
      await Promise.all(changes);
      for (let i = 0; i < 200 && compacted.length < refs.length; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect([...compacted].sort()).toEqual(refs.map((ref) => ref.documentId).sort());
      expect(mostAtOnce).toBe(1);
      for (const [i, ref] of refs.entries()) {
        const { doc, tailLength } = await store.load(ref.documentId);
        expect(tailLength).toBeLessThan(COMPACTION_THRESHOLD);
        expect(doc.getXmlFragment('default').toString()).toBe(authors[i].getXmlFragment('default').toString());
      }
    } finally {
      spy.mockRestore();
      for (const room of opened) await rooms.release(room);
    }
  });

  it('keeps an update whose transaction commits after a compaction read the tail, whatever its id', async () => {
    const id = randomUUID();
    const author = new Y.Doc();
    await store.create(id, edit(author, (text) => text.insert(0, 'start')));
    // A slow append: its row takes a sequence id now, but commits only after the compaction below.
    const slow = new Client({ connectionString: t.databaseUrl });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query('INSERT INTO collab_updates (document_id, data) VALUES ($1, $2)', [id, Buffer.from(edit(author, (text) => text.insert(5, ' slow')))]);
      // Later appends get higher ids and commit first; the compaction folds them in.
      await store.append(id, edit(author, (text) => text.insert(10, ' fast')), null);
      await store.append(id, edit(author, (text) => text.insert(15, ' faster')), null);
      expect(await store.compact(id)).toBe(2);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    // Deleting "every id up to the last one folded in" would have dropped the slow update here.
    const { doc, tailLength } = await store.load(id);
    expect(tailLength).toBe(1);
    expect(doc.getXmlFragment('default').toString()).toBe('start slow fast faster');
    await store.compact(id);
    expect((await store.load(id)).doc.getXmlFragment('default').toString()).toBe('start slow fast faster');
  });

  it('groups the appends made in one turn of the event loop into one INSERT, each resolved once stored', async () => {
    const id = randomUUID();
    const author = new Y.Doc();
    await store.create(id, edit(author, (text) => text.insert(0, '#')));
    const queries = jest.spyOn(prepared, 'query');
    const appends = Array.from({ length: 40 }, (_, i) => store.append(id, edit(author, (text) => text.insert(text.length, `${i},`)), null));
    await Promise.all(appends);
    const inserts = queries.mock.calls.filter(([sql]) => String(sql).includes('INSERT INTO collab_updates'));
    queries.mockRestore();
    // All 40 were appended in one turn of the event loop, before the write started.
    expect(inserts).toHaveLength(1);
    const [{ rows }] = await t.db.query('SELECT count(*)::int AS rows FROM collab_updates WHERE document_id = $1', [id]);
    expect(rows).toBe(40);
    expect((await store.load(id)).doc.getXmlFragment('default').toString()).toBe(author.getXmlFragment('default').toString());
  });

  it('starts a write only after the turn that appended: the fan-out queued before it goes first', async () => {
    const id = randomUUID();
    const author = new Y.Doc();
    await store.create(id, edit(author, (text) => text.insert(0, '#')));
    const order: string[] = [];
    const query = prepared.query.bind(prepared);
    const queries = jest.spyOn(prepared, 'query').mockImplementation((sql: string, parameters: unknown[]) => {
      if (sql.includes('INSERT INTO collab_updates')) order.push('insert');
      return query(sql, parameters);
    });
    setImmediate(() => order.push('fan-out'));
    const stored = store.append(id, edit(author, (text) => text.insert(1, 'a')), null);
    order.push('appended');
    await stored;
    queries.mockRestore();
    expect(order).toEqual(['appended', 'fan-out', 'insert']);
  });

  it('closes a room only once its last change is stored, so a room opened again right after has it', async () => {
    const rooms = t.app.get(DocumentRooms);
    const { ref, author } = await storedReport('saved');
    const room = await rooms.open(ref);
    const query = prepared.query.bind(prepared);
    // A slow commit: the change is still being written when the room is released.
    const queries = jest.spyOn(prepared, 'query').mockImplementation(async (sql: string, parameters: unknown[]) => {
      if (sql.includes('INSERT INTO collab_updates')) await new Promise((resolve) => setTimeout(resolve, 300));
      return query(sql, parameters);
    });
    try {
      const change = rooms.applyChange(room, edit(author, (text) => text.insert(5, ' and kept')), { origin: 'test', userId: null });
      await rooms.release(room);
      const reopened = await rooms.open(ref);
      expect(reopened).not.toBe(room);
      expect(reopened.doc.getXmlFragment('default').toString()).toBe(author.getXmlFragment('default').toString());
      await change;
      await rooms.release(reopened);
    } finally {
      queries.mockRestore();
    }
  });

  it('counts a change that brings nothing new (a joiner’s deletions, a resend) as nobody’s, and keeps no version for it', async () => {
    const rooms = t.app.get(DocumentRooms);
    const { ref, author } = await storedReport('kept and removed');
    const room = await rooms.open(ref);
    const [amina, kofi] = [(await createUser(t.db)).id, (await createUser(t.db)).id];
    const appends = jest.spyOn(store, 'append');
    try {
      const removal = edit(author, (text) => text.delete(8, 12));
      expect(await rooms.applyChange(room, removal, { origin: 'a', userId: amina })).toBe(true);
      expect(room.changedSinceVersion).toBe(true);
      room.changedSinceVersion = false;
      // What a new editor's first sync sends: the whole delete set (state vectors say nothing of deletions).
      const joiner = new Y.Doc();
      Y.applyUpdate(joiner, Y.encodeStateAsUpdate(room.doc));
      const firstSync = Y.encodeStateAsUpdate(joiner, Y.encodeStateVector(room.doc));
      expect(Y.decodeUpdate(firstSync).structs).toHaveLength(0);
      for (const again of [firstSync, removal]) expect(await rooms.applyChange(room, again, { origin: 'b', userId: kofi })).toBe(false);
      // Stored still (as every change is), but by nobody: no one's count grows, and no version is due.
      expect(appends.mock.calls.map(([, , userId]) => userId)).toEqual([amina, null, null]);
      expect(room.changedSinceVersion).toBe(false);
      const added = edit(author, (text) => text.insert(0, 'New '));
      expect(await rooms.applyChange(room, added, { origin: 'b', userId: kofi })).toBe(true);
      // Formatting from another editor: Yjs tidies it in a second transaction of its own, which changes nothing;
      // the change is still someone's (it once counted as nobody's).
      const bold = edit(author, (text) => text.format(0, 4, { bold: {} }));
      expect(await rooms.applyChange(room, bold, { origin: 'b', userId: kofi })).toBe(true);
      expect(appends.mock.calls.map(([, , userId]) => userId)).toEqual([amina, null, null, kofi, kofi]);
      await rooms.release(room);
      const { doc } = await store.load(ref.documentId);
      expect(doc.getXmlFragment('default').toString()).toBe(author.getXmlFragment('default').toString());
    } finally {
      appends.mockRestore();
    }
  });

  it('a late release of a room already closed leaves the room opened after it open', async () => {
    const rooms = t.app.get(DocumentRooms);
    const { ref } = await storedReport('x');
    const first = await rooms.open(ref);
    await rooms.release(first);
    const second = rooms.open(ref);
    const reopened = await second;
    // Released again, late (a server-side edit's own release, after the last editor's): the reopened room stays.
    await rooms.release(first);
    expect(rooms.find(ref)).toBe(second);
    await rooms.release(reopened);
    expect(rooms.find(ref)).toBeUndefined();
  });

  it('a change that completes what the copy held back passes it all on, to its sender too', async () => {
    const rooms = t.app.get(DocumentRooms);
    const { ref, author } = await storedReport('base');
    const room = await rooms.open(ref);
    // Another instance's two changes, the second depending on the first; Redis lost the first, so the copy holds
    // the second back. Then an editor here sends the first (it had it from elsewhere).
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(author));
    const first = edit(remote, (text) => text.insert(4, ' one'));
    const second = edit(remote, (text) => text.insert(8, ' two'));
    Y.applyUpdate(room.doc, second, 'remote');
    expect(room.doc.store.pendingStructs).not.toBeNull();
    const sent: Array<{ update: Uint8Array; except: string | null }> = [];
    const stop = t.app.get(EventBus).on('document.changed', ({ document, update, exceptSocketId }) => {
      if (document.documentId === ref.documentId) sent.push({ update, except: exceptSocketId });
    });
    try {
      await rooms.applyChange(room, first, { origin: 'test', socketId: 'sender', userId: null });
    } finally {
      stop();
    }
    const textOf = (doc: Y.Doc) => doc.getXmlFragment('default').toString();
    expect(textOf(room.doc)).toBe(textOf(remote));
    // Another editor here (it had the base) and the sender (it had the first change) each end up with both.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(author));
    const sender = new Y.Doc();
    Y.applyUpdate(sender, Y.encodeStateAsUpdate(author));
    Y.applyUpdate(sender, first);
    for (const { update, except } of sent) {
      Y.applyUpdate(other, update);
      if (except !== 'sender') Y.applyUpdate(sender, update);
    }
    expect(textOf(other)).toBe(textOf(remote));
    expect(textOf(sender)).toBe(textOf(remote));
    await rooms.release(room);
  });

  it('refuses to open a document whose stored updates cannot be read, and writes nothing over it', async () => {
    const id = randomUUID();
    const author = new Y.Doc();
    await store.create(id, edit(author, (text) => text.insert(0, 'real data')));
    await t.db.query('INSERT INTO collab_updates (document_id, data) VALUES ($1, $2)', [id, Buffer.from([0xff, 0xff, 0xff, 0x01])]);
    const [before] = await t.db.query('SELECT state FROM collab_snapshots WHERE document_id = $1', [id]);
    await expect(store.load(id)).rejects.toThrow(/could not be read/);
    await expect(t.app.get(DocumentRooms).open({ kind: 'report', documentId: id })).rejects.toThrow(/could not be read/);
    const [after] = await t.db.query('SELECT state FROM collab_snapshots WHERE document_id = $1', [id]);
    expect(Buffer.compare(after.state, before.state)).toBe(0);
  });

  it('opens a large document from a worker thread: new joiners get the loaded state, the document is built when edited', async () => {
    const id = randomUUID();
    const author = new Y.Doc();
    await store.create(id, edit(author, (text) => text.insert(0, 'x'.repeat(LARGE_DOCUMENT_BYTES + 1000))));
    await store.append(id, edit(author, (text) => text.insert(0, 'tail ')), null);
    const rooms = t.app.get(DocumentRooms);
    const room = await rooms.open({ kind: 'report', documentId: id });
    try {
      expect(room.built).toBe(false);
      expect(room.tailLength).toBe(1);
      const sync = rooms.syncFor(room, Y.encodeStateVector(new Y.Doc()));
      expect(room.built).toBe(false);
      const joiner = new Y.Doc();
      Y.applyUpdate(joiner, sync.update);
      expect(joiner.getXmlFragment('default').toString()).toBe(author.getXmlFragment('default').toString());
      expect(Buffer.from(sync.stateVector)).toEqual(Buffer.from(Y.encodeStateVector(author)));
      // An edit builds the document from the loaded state; from then on joiners are served from it.
      await rooms.applyChange(room, edit(author, (text) => text.insert(0, 'edited ')), { origin: 'test', userId: null });
      expect(room.built).toBe(true);
      expect(room.encoded).toBeNull();
      const later = new Y.Doc();
      Y.applyUpdate(later, rooms.syncFor(room, Y.encodeStateVector(later)).update);
      expect(later.getXmlFragment('default').toString()).toBe(author.getXmlFragment('default').toString());
    } finally {
      await rooms.release(room);
    }
    // An unreadable large document is refused by the worker too.
    await t.db.query('INSERT INTO collab_updates (document_id, data) VALUES ($1, $2)', [id, Buffer.from([0xff, 0xff, 0xff, 0x01])]);
    await expect(rooms.open({ kind: 'report', documentId: id })).rejects.toThrow(/could not be read/);
  });

  it('runs the loader thread at the lowest CPU priority, and only that thread (the main thread passes keystrokes on)', async () => {
    // Each thread's nice value (a thread that ends while being read is left out).
    const niceValues = () =>
      readdirSync('/proc/self/task').flatMap((tid) => {
        try {
          return [{ tid: Number(tid), nice: Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]) }];
        } catch {
          return [];
        }
      });
    const mainNice = () => niceValues().find(({ tid }) => tid === process.pid)?.nice;
    const main = mainNice();
    // Threads started since, at another priority than the main thread's (not another test's loader, already there).
    const before = new Set(niceValues().map(({ tid }) => tid));
    const lowered = () => niceValues().filter(({ tid, nice }) => nice !== main && !before.has(tid));
    const id = randomUUID();
    await store.create(id, edit(new Y.Doc(), (text) => text.insert(0, 'large')));
    const loader = new DocumentLoader((t.db.options as { url: string }).url);
    try {
      await loader.load(id);
      expect(lowered()).toEqual([{ tid: expect.any(Number), nice: 19 }]);
      expect(mainNice()).toBe(main);
    } finally {
      await loader.stop();
    }
    expect(lowered()).toEqual([]);
  });

  it('stops the loader thread once idle (its heap is freed), and starts a new one for the next large document', async () => {
    const id = randomUUID();
    const author = new Y.Doc();
    await store.create(id, edit(author, (text) => text.insert(0, 'large '.repeat(100))));
    const loader = new DocumentLoader((t.db.options as { url: string }).url, 200);
    try {
      const first = await loader.load(id);
      expect(loader.running).toBe(true);
      const joiner = new Y.Doc();
      Y.applyUpdate(joiner, first.state);
      expect(joiner.getXmlFragment('default').toString()).toBe(author.getXmlFragment('default').toString());
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(loader.running).toBe(false);
      const again = await loader.load(id);
      expect(Buffer.from(again.state)).toEqual(Buffer.from(first.state));
      expect(loader.running).toBe(true);
    } finally {
      await loader.stop();
    }
    expect(loader.running).toBe(false);
  });

  it('a load asked for while the idle loader thread is stopping gets a new thread, not the end of the old one', async () => {
    const id = randomUUID();
    await store.create(id, edit(new Y.Doc(), (text) => text.insert(0, 'large')));
    const loader = new DocumentLoader((t.db.options as { url: string }).url);
    try {
      await loader.load(id);
      // The idle stop under way (the old thread ends a moment later) when the next large document is opened.
      const stopping = loader.stop();
      const next = loader.load(id);
      await stopping;
      await expect(next).resolves.toEqual(expect.objectContaining({ tailLength: 0 }));
    } finally {
      await loader.stop();
    }
  });

  it('a load stuck behind a lock fails with the reason after its timeout, and the next load, once the lock is gone, opens the document', async () => {
    const id = randomUUID();
    await store.create(id, edit(new Y.Doc(), (text) => text.insert(0, 'large')));
    const loader = new DocumentLoader((t.db.options as { url: string }).url, 10_000, 300);
    const locker = new Client({ connectionString: (t.db.options as { url: string }).url });
    await locker.connect();
    try {
      // What a migration altering the table holds: every read of it waits.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE collab_updates IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const stuck = loader.load(id);
      await expect(stuck).rejects.toThrow(/statement timeout/);
      await expect(stuck).rejects.toBeInstanceOf(DocumentLoadTimeout);
      expect(Date.now() - started).toBeLessThan(10_000);
      await locker.query('ROLLBACK');
      await expect(loader.load(id)).resolves.toEqual(expect.objectContaining({ tailLength: 0 }));
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      await loader.stop();
    }
  });

  it('opening a document, small or large, behind a lock fails after the timeout (DocumentLoadTimeout), and opens once the lock is gone', async () => {
    const small = randomUUID();
    const large = randomUUID();
    await store.create(small, edit(new Y.Doc(), (text) => text.insert(0, 'small')));
    await store.create(large, edit(new Y.Doc(), (text) => text.insert(0, 'x'.repeat(LARGE_DOCUMENT_BYTES + 1000))));
    const locker = new Client({ connectionString: (t.db.options as { url: string }).url });
    await locker.connect();
    const timeout = store.loadTimeoutMs;
    store.loadTimeoutMs = 300;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE collab_updates IN ACCESS EXCLUSIVE MODE');
      for (const id of [small, large]) {
        const started = Date.now();
        await expect(store.loadForEditing(id)).rejects.toBeInstanceOf(DocumentLoadTimeout);
        expect(Date.now() - started).toBeLessThan(10_000);
      }
      await locker.query('ROLLBACK');
      const opened = await store.loadForEditing(small);
      expect('doc' in opened && opened.doc.getXmlFragment('default').toString()).toContain('small');
      await expect(store.loadForEditing(large)).resolves.toEqual(expect.objectContaining({ tailLength: 0 }));
    } finally {
      store.loadTimeoutMs = timeout;
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
  });

  it('a loader thread whose connection goes silent fails its load as a timeout, and the next load opens the document on a new thread', async () => {
    const id = randomUUID();
    await store.create(id, edit(new Y.Doc(), (text) => text.insert(0, 'large')));
    const url = (t.db.options as { url: string }).url;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    const loaderBackends = async () =>
      new Set(
        (
          await admin.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE application_name = 'simashe document loader' AND datname = current_database()",
          )
        ).rows.map((row) => row.pid),
      );
    // 300 ms for the statement; pg gives up waiting for an answer 5 s after that (query_timeout).
    const loader = new DocumentLoader(url, 10_000, 300);
    let silent: number | undefined;
    try {
      const before = await loaderBackends();
      await loader.load(id);
      const backend = [...(await loaderBackends())].find((pid) => !before.has(pid));
      expect(backend).toBeDefined();
      // The tests' own PostgreSQL, on this machine: the pid is a process here (not a server elsewhere).
      expect(readFileSync(`/proc/${backend}/cmdline`, 'utf8')).toMatch(/^postgres/);
      // The backend stopped: the thread's connection stays open but nothing ever answers (a network gone quiet).
      // PostgreSQL's own statement timeout cannot fire either; only the client's read timeout ends the wait.
      process.kill(backend as number, 'SIGSTOP');
      silent = backend;
      const started = Date.now();
      const stuck = loader.load(id);
      await expect(stuck).rejects.toBeInstanceOf(DocumentLoadTimeout);
      await expect(stuck).rejects.toThrow(/Query read timeout/);
      expect(Date.now() - started).toBeLessThan(10_000);
      // The silent thread is given up at once: the next load starts a new one with its own connection.
      expect(loader.running).toBe(false);
      await expect(loader.load(id)).resolves.toEqual(expect.objectContaining({ tailLength: 0 }));
      const replacement = [...(await loaderBackends())].filter((pid) => pid !== silent && !before.has(pid));
      expect(replacement).toHaveLength(1);
    } finally {
      try {
        if (silent !== undefined) {
          process.kill(silent, 'SIGCONT');
          await admin.query('SELECT pg_terminate_backend($1)', [silent]);
        }
      } finally {
        await admin.end();
        await loader.stop();
      }
    }
  }, 30_000);

  it('a loader thread whose database cannot be reached fails its load with the reason, and the next load starts afresh', async () => {
    const url = new URL((t.db.options as { url: string }).url);
    url.password = 'wrong';
    const loader = new DocumentLoader(url.toString());
    try {
      await expect(loader.load(randomUUID())).rejects.toThrow(/password authentication failed/);
      // The thread ends right after answering.
      for (let waited = 0; loader.running && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(loader.running).toBe(false);
      await expect(loader.load(randomUUID())).rejects.toThrow(/password authentication failed/);
    } finally {
      await loader.stop();
    }
  });
});
