import { COLLABORATION_NAMESPACE, REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import { createDemoReport, createProcessDatabase, signInDemo as signIn, startApiProcess, type ApiProcess } from './testing/api-process';

function connect(api: ApiProcess, cookie: string) {
  return io(`${api.baseUrl}${COLLABORATION_NAMESPACE}`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
}

/** Joins the document with what `doc` holds and applies what the server sends back; the join reply. */
async function join(socket: ReturnType<typeof connect>, ref: { kind: 'report'; documentId: string }, doc: Y.Doc) {
  const joined = await socket.emitWithAck('join', { ...ref, stateVector: Y.encodeStateVector(doc) });
  Y.applyUpdate(doc, new Uint8Array(joined.update));
  return joined;
}

describe('durability when the API process is killed mid-edit', () => {
  // What a failing test leaves behind (a process, a socket) is stopped all the same.
  const leftovers: Array<() => unknown> = [];
  afterEach(async () => {
    for (const stop of leftovers.splice(0)) await stop();
  });
  /** An API process stopped at the end of the test whatever happens (one killed on purpose already is, at once). */
  const start = async (env: Record<string, string>) => {
    const api = await startApiProcess(env);
    leftovers.push(() => api.stop());
    return api;
  };
  /** A socket closed at the end of the test. */
  const open = (api: ApiProcess, cookie: string) => {
    const socket = connect(api, cookie);
    leftovers.push(() => socket.close());
    return socket;
  };

  it('keeps every acknowledged update after SIGKILL and restart', async () => {
    const env = { DATABASE_URL: await createProcessDatabase('crash'), SEED_DEMO: 'true' };

    const first = await start(env);
    const session = await signIn(first, 'kenya.editor@demo.simashe.org');
    const { cookie } = session;
    const ref = await createDemoReport(first, session, 'Crash test');

    const socket = open(first, cookie);
    const doc = new Y.Doc();
    await join(socket, ref, doc);
    const paragraph = doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement;
    const text = new Y.XmlText();
    const outgoing: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => outgoing.push(update));
    paragraph.insert(0, [text]);
    await socket.emitWithAck('update', { ...ref, update: outgoing.shift() });

    const acknowledged = new Set<number>();
    const sentUpdates = new Map<number, Uint8Array>();
    let sent = 0;
    let killed = false;
    const inFlight = new Set<Promise<unknown>>();
    // Keep several updates in flight and kill the process while they are: some are stored, some not.
    while (!killed && sent < 2000) {
      const token = sent++;
      text.insert(text.length, `[${token}]`);
      const update = outgoing.shift() as Uint8Array;
      sentUpdates.set(token, update);
      const pending = socket
        .timeout(5000)
        .emitWithAck('update', { ...ref, update })
        .then((reply: { ok: boolean }) => {
          if (reply.ok && !killed) acknowledged.add(token);
        })
        .catch(() => undefined);
      inFlight.add(pending);
      void pending.finally(() => inFlight.delete(pending));
      if (inFlight.size >= 8) await Promise.race(inFlight);
      if (acknowledged.size >= 150) {
        killed = true;
        // A last burst goes out and the process dies under it: these are passed on, maybe stored, never acknowledged.
        for (let burst = 0; burst < 20; burst++) {
          const last = sent++;
          text.insert(text.length, `[${last}]`);
          const lastUpdate = outgoing.shift() as Uint8Array;
          sentUpdates.set(last, lastUpdate);
          socket.emit('update', { ...ref, update: lastUpdate }, () => undefined);
        }
        first.child.kill('SIGKILL');
      }
    }
    await first.stop('SIGKILL');
    socket.close();
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);

    const second = await start(env);
    const again = await signIn(second, 'kenya.editor@demo.simashe.org');
    const reader = open(second, again.cookie);
    const fresh = new Y.Doc();
    await join(reader, ref, fresh);
    const content = fresh.getXmlFragment(REPORT_DOCUMENT_FIELD).toString();
    const missing = [...acknowledged].filter((token) => !content.includes(`[${token}]`));
    expect(missing).toEqual([]);
    for (const token of acknowledged) expect(content.split(`[${token}]`)).toHaveLength(2);

    // The writer reconnects as the client does: it sends again every change not acknowledged, with whatever
    // the server lacks. Then every change it made is there, once.
    const writer = open(second, again.cookie);
    const joined = await join(writer, ref, doc);
    const unacknowledged = [...sentUpdates].filter(([token]) => !acknowledged.has(token)).map(([, update]) => update);
    expect(unacknowledged.length).toBeGreaterThan(0);
    const resend = Y.mergeUpdates([...unacknowledged, Y.encodeStateAsUpdate(doc, new Uint8Array(joined.stateVector))]);
    expect((await writer.emitWithAck('update', { ...ref, update: resend })).ok).toBe(true);
    writer.close();
    const after = new Y.Doc();
    await join(reader, ref, after);
    reader.close();
    const final = after.getXmlFragment(REPORT_DOCUMENT_FIELD).toString();
    for (let token = 0; token < sent; token++) expect(final.split(`[${token}]`)).toHaveLength(2);
  });

  it("keeps each author's count of changes across a restart: the next version names them", async () => {
    const env = { DATABASE_URL: await createProcessDatabase('counts'), SEED_DEMO: 'true' };
    const first = await start(env);
    const editor = await signIn(first, 'kenya.editor@demo.simashe.org');
    const admin = await signIn(first, 'kenya.admin@demo.simashe.org');
    const ref = await createDemoReport(first, editor, 'Counts across a restart');

    // Both stay in the document until the process dies: the last one leaving would close it, and closing keeps an
    // automatic version, which takes the counts (that is how they are meant to go).
    /** Joins as that person and types `changes` acknowledged changes, each its own update; the socket stays open. */
    const type = async (cookie: string, word: string, changes: number) => {
      const socket = open(first, cookie);
      const doc = new Y.Doc();
      await join(socket, ref, doc);
      const paragraph = doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement;
      for (let change = 0; change < changes; change++) {
        const updates: Uint8Array[] = [];
        doc.once('update', (update: Uint8Array) => updates.push(update));
        const text = paragraph.get(0);
        if (text instanceof Y.XmlText) text.insert(text.length, `${word}${change} `);
        else paragraph.insert(0, [new Y.XmlText(`${word}${change} `)]);
        expect((await socket.emitWithAck('update', { ...ref, update: updates[0] })).ok).toBe(true);
      }
    };
    await type(editor.cookie, 'editor', 3);
    await type(admin.cookie, 'admin', 2);
    // Killed, not stopped: nothing gets the chance to write what it kept in memory.
    await first.stop('SIGKILL');

    const second = await start(env);
    const again = await signIn(second, 'kenya.admin@demo.simashe.org');
    const saved = await fetch(`${second.baseUrl}/api/reports/${ref.documentId}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: again.cookie, 'x-csrf-token': again.csrf },
      body: JSON.stringify({ name: 'After the restart' }),
    });
    expect(saved.status).toBe(201);
    const version = (await saved.json()) as { contributions: Array<{ name: string; changes: number }> };
    const counts = Object.fromEntries(version.contributions.map((x) => [x.name, x.changes]));
    expect(counts).toEqual({ 'Otieno Odhiambo': 3, 'Wanjiru Kamau': 2 });
  });
});
