import { DocumentRooms, DocumentStore } from '@simashe/api-collaboration';
import { bootTestApp, collabClient, createOrganisation, eventually, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import type { CollabProvider } from '@simashe/collab-client';
import { COLLABORATION_NAMESPACE, encodeFrame, REPORT_DOCUMENT_FIELD, type DocumentRef } from '@simashe/contracts';
import { io } from 'socket.io-client';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ReportsModule } from './reports.module';

const fragmentText = (doc: Y.Doc) => doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toString();

/** The first paragraph's text node: where these tests type. */
function firstParagraphText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc
    .getXmlFragment(REPORT_DOCUMENT_FIELD)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
  if (!paragraph) throw new Error('no paragraph');
  const text = paragraph.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
  if (text) return text;
  const created = new Y.XmlText();
  paragraph.insert(0, [created]);
  return created;
}

describe('real-time report editing over socket.io', () => {
  let t: TestApp;
  let kenya: { id: string };
  let editorA: TestClient;
  let editorB: TestClient;
  let viewer: TestClient;
  const providers: CollabProvider[] = [];

  const open = (client: TestClient, ref: DocumentRef, doc?: Y.Doc) => {
    const provider = collabClient(t.baseUrl, client.cookie, ref, doc);
    providers.push(provider);
    return provider;
  };

  const newReport = async (template = 'Blank report'): Promise<DocumentRef> => {
    const templates = (await editorA.get('/api/report-templates')).body.items as Array<{ id: string; name: string }>;
    const response = await editorA.post('/api/reports', {
      organisationId: kenya.id,
      title: 'Live report',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      templateId: templates.find((x) => x.name === template)!.id,
    });
    return { kind: 'report', documentId: response.body.id };
  };

  const stored = async (ref: DocumentRef) => fragmentText((await t.app.get(DocumentStore).load(ref.documentId)).doc);

  beforeAll(async () => {
    t = await bootTestApp([ReportsModule], {}, { listen: true });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN' });
    editorA = await signedInMember(t, kenya.id, 'editor');
    editorB = await signedInMember(t, kenya.id, 'admin');
    viewer = await signedInMember(t, kenya.id, 'viewer');
  });
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });
  afterAll(() => t.close());

  it('loads the template created on the server, once, for every joiner', async () => {
    const ref = await newReport('SIMASHE progress report');
    const a = open(editorA, ref);
    const b = open(editorB, ref);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const headings = a.doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === 'heading');
    expect(headings).toHaveLength(10);
    expect(fragmentText(b.doc)).toBe(fragmentText(a.doc));
    expect(fragmentText(a.doc).match(/Equity and inequality findings/g)).toHaveLength(1);
  });

  const nameOf = async (client: TestClient) => (await client.get('/api/auth/session')).body.user.name as string;

  it('passes edits between editors, stores them before acknowledging, and shows presence under their own names', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    const b = open(editorB, ref);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const nameA = await nameOf(editorA);
    // Whatever name a client puts in its presence, the others see the one its account has.
    a.awareness.setLocalStateField('user', { name: 'WHO Director-General', color: '#c0392b' });
    firstParagraphText(a.doc).insert(0, 'Hello from Nairobi');
    await a.whenSaved();
    expect(await stored(ref)).toContain('Hello from Nairobi');
    await eventually(() => fragmentText(b.doc).includes('Hello from Nairobi'), 5000, 'B to see A');
    await eventually(() => b.awareness.getStates().get(a.awareness.clientID)?.['user']?.name === nameA, 5000, 'presence');
    expect(b.awareness.getStates().get(a.awareness.clientID)?.['user']).toEqual({ name: nameA, color: '#c0392b' });
    // Renamed in the profile: the open connection carries the new name from then on, without reconnecting.
    expect((await editorA.patch('/api/me/profile', { name: 'Amina Wanjiru Odhiambo' })).status).toBe(200);
    await eventually(async () => {
      a.awareness.setLocalStateField('user', { name: 'WHO Director-General', color: '#c0392b', at: Date.now() });
      return b.awareness.getStates().get(a.awareness.clientID)?.['user']?.name === 'Amina Wanjiru Odhiambo';
    }, 5000, 'the new name');
    expect((await editorA.patch('/api/me/profile', { name: nameA })).status).toBe(200);
    a.destroy();
    await eventually(() => !b.awareness.getStates().has(a.awareness.clientID), 5000, 'presence removal');
  });

  it('lets each connection change only its own presence', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    const v = open(viewer, ref);
    await Promise.all([a.whenSynced(), v.whenSynced()]);
    const nameA = await nameOf(editorA);
    a.awareness.setLocalStateField('user', { name: nameA });
    await eventually(() => v.awareness.getStates().get(a.awareness.clientID)?.['user']?.name === nameA, 5000, 'presence');
    // The viewer speaks for A's client id: renamed, then removed.
    const forged = new Awareness(new Y.Doc());
    forged.clientID = a.awareness.clientID;
    forged.setLocalState({ user: { name: 'Impersonated' } });
    forged.meta.set(a.awareness.clientID, { clock: 1000, lastUpdated: Date.now() });
    const send = (update: Uint8Array) => v.socket.timeout(5000).emitWithAck('awareness', { ...ref, update: encodeFrame(update) });
    expect(await send(encodeAwarenessUpdate(forged, [a.awareness.clientID]))).toMatchObject({ ok: false, error: { id: 'forbidden' } });
    forged.setLocalState(null);
    expect(await send(encodeAwarenessUpdate(forged, [a.awareness.clientID]))).toMatchObject({ ok: false, error: { id: 'forbidden' } });
    expect(await send(new Uint8Array([5, 1]))).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    // A newcomer still sees A as A.
    const c = open(editorB, ref);
    await c.whenSynced();
    await eventually(() => c.awareness.getStates().get(a.awareness.clientID)?.['user']?.name === nameA, 5000, "A's own presence for a newcomer");
    // A's connection drops (a slow link, a reconnect to come): the id stays A's while the document is open.
    a.socket.disconnect();
    await eventually(() => !c.awareness.getStates().has(a.awareness.clientID), 5000, "A's presence removed");
    forged.setLocalState({ user: { name: 'Impersonated' } });
    forged.meta.set(a.awareness.clientID, { clock: 2000, lastUpdated: Date.now() });
    expect(await send(encodeAwarenessUpdate(forged, [a.awareness.clientID]))).toMatchObject({ ok: false, error: { id: 'forbidden' } });
    // A, back on a new connection with the same client id, may use it.
    a.socket.connect();
    // Without a change of its own: the rejoin announces it above the clock the server removed it with.
    await eventually(() => c.awareness.getStates().get(a.awareness.clientID)?.['user']?.name === nameA, 5000, "A's presence again");
  });

  it('gives viewers read-only access and drops their writes', async () => {
    const ref = await newReport();
    const v = open(viewer, ref);
    await v.whenSynced();
    expect(v.state.access).toBe('read');
    const before = await stored(ref);
    firstParagraphText(v.doc).insert(0, 'viewer was here');
    await eventually(() => v.state.error?.id === 'forbidden', 5000, 'forbidden');
    expect(await stored(ref)).toBe(before);
    const e = open(editorA, ref);
    await e.whenSynced();
    expect(fragmentText(e.doc)).not.toContain('viewer was here');
  });

  it('turns editors read-only live when the report is submitted', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    await a.whenSynced();
    expect(a.state.access).toBe('edit');
    await editorA.post(`/api/reports/${ref.documentId}/status`, { status: 'submitted' });
    await eventually(() => a.state.access === 'read', 5000, 'access to drop');
    firstParagraphText(a.doc).insert(0, 'too late');
    await eventually(() => a.state.error?.id === 'forbidden', 5000, 'forbidden');
    expect(await stored(ref)).not.toContain('too late');
  });

  it('keeps one room per document whichever case its id is written in, access changes included', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    await a.whenSynced();
    // A client of its own writing the id in capitals (ours writes what the API gave, in lower case).
    const raw = io(`${t.baseUrl}${COLLABORATION_NAMESPACE}`, { transports: ['websocket'], extraHeaders: { cookie: editorB.cookie } });
    try {
      const upper = { kind: 'report' as const, documentId: ref.documentId.toUpperCase() };
      const heard: Array<{ documentId: string; access?: string }> = [];
      raw.on('update', ({ documentId }) => heard.push({ documentId }));
      raw.on('access', ({ documentId, access }) => heard.push({ documentId, access }));
      expect(await raw.timeout(5000).emitWithAck('join', { ...upper, stateVector: Y.encodeStateVector(new Y.Doc()) })).toMatchObject({ ok: true, access: 'edit' });
      firstParagraphText(a.doc).insert(0, 'typed by A');
      await eventually(() => heard.length > 0, 5000, "A's change to reach the socket that joined in capitals");
      expect(heard[0]).toEqual({ documentId: ref.documentId });
      const fromRaw = new Y.Doc();
      Y.applyUpdate(fromRaw, Y.encodeStateAsUpdate(a.doc));
      const before = Y.encodeStateVector(fromRaw);
      firstParagraphText(fromRaw).insert(0, 'typed in capitals ');
      expect(await raw.timeout(5000).emitWithAck('update', { ...upper, update: Y.encodeStateAsUpdate(fromRaw, before) })).toEqual({ ok: true });
      await eventually(() => fragmentText(a.doc).includes('typed in capitals'), 5000, 'A to see the change sent in capitals');

      await editorA.post(`/api/reports/${ref.documentId}/status`, { status: 'submitted' });
      await eventually(() => heard.some((event) => event.access === 'read'), 5000, 'the capitals socket to turn read-only');
      const late = new Y.Doc();
      Y.applyUpdate(late, Y.encodeStateAsUpdate(a.doc));
      const vector = Y.encodeStateVector(late);
      firstParagraphText(late).insert(0, 'too late ');
      expect(await raw.timeout(5000).emitWithAck('update', { ...upper, update: Y.encodeStateAsUpdate(late, vector) })).toMatchObject({ ok: false, error: { id: 'forbidden' } });
      expect(await stored(ref)).not.toContain('too late');
    } finally {
      raw.close();
    }
  });

  it('re-syncs offline edits on reconnect with no loss and no duplicates', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    const b = open(editorB, ref);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.disconnect();
    await eventually(() => a.state.status === 'offline', 5000, 'offline');
    firstParagraphText(a.doc).insert(0, 'offline-1 ');
    firstParagraphText(a.doc).insert(0, 'offline-2 ');
    firstParagraphText(b.doc).insert(0, 'online-b ');
    await b.whenSaved();
    expect(a.state.unsaved).toBeGreaterThanOrEqual(2);
    a.connect();
    await a.whenSaved();
    await eventually(() => fragmentText(a.doc) === fragmentText(b.doc), 5000, 'convergence');
    const text = await stored(ref);
    for (const token of ['offline-1', 'offline-2', 'online-b']) expect(text.split(token)).toHaveLength(2);
    expect(fragmentText(a.doc)).toBe(text);
  });

  it('rejects malformed, oversized and out-of-schema frames, keeping the document intact', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    await a.whenSynced();
    firstParagraphText(a.doc).insert(0, 'intact');
    await a.whenSaved();
    const socket = a.socket;
    const send = (payload: unknown) => socket.timeout(5000).emitWithAck('update', payload as never);

    expect(await send({ ...ref, update: new Uint8Array([1, 2, 3, 250, 251]) })).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    expect(await send({ ...ref, update: 'not-binary' })).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    expect(await send({ ...ref, update: new Uint8Array(600 * 1024) })).toMatchObject({ ok: false, error: { id: 'payload_too_large' } });
    // Up to 4× the limit, whichever gateway created the shared socket.io server (its default cut off at 1 MB).
    expect(await send({ ...ref, update: new Uint8Array(1536 * 1024) })).toMatchObject({ ok: false, error: { id: 'payload_too_large' } });
    // Without a payload, or with one argument too many, a message is still answered.
    const loose = socket as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> } };
    expect(await loose.timeout(5000).emitWithAck('update')).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    expect(await loose.timeout(5000).emitWithAck('update', { ...ref, update: 'AAAAA' }, 'extra')).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    // The same as base64 text is refused for its size too (it once got only "Invalid input").
    expect(await send({ ...ref, update: Buffer.alloc(600 * 1024).toString('base64') })).toMatchObject({
      ok: false,
      error: { id: 'payload_too_large', message: 'update: Frame larger than 512 kB' },
    });
    expect(await send({ kind: 'report', documentId: 'nope', update: new Uint8Array(2) })).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    const stray = new Y.Doc();
    stray.getMap('hidden').set('x', 1);
    expect(await send({ ...ref, update: Y.encodeStateAsUpdate(stray) })).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    // Content the editor cannot hold (it once broke versions, exports and search for the report): an array or plain
    // text in the document field, a value placed beside a paragraph, a map inside one, text with a NUL character.
    const array = new Y.Doc();
    array.getArray(REPORT_DOCUMENT_FIELD).insert(0, [1, 'two', { three: 3 }]);
    const text = new Y.Doc();
    text.getText(REPORT_DOCUMENT_FIELD).insert(0, 'plain');
    const changed = (change: (copy: Y.Doc) => void) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(a.doc));
      const before = Y.encodeStateVector(copy);
      change(copy);
      return Y.encodeStateAsUpdate(copy, before);
    };
    for (const update of [
      Y.encodeStateAsUpdate(array),
      Y.encodeStateAsUpdate(text),
      changed((copy) => copy.get(REPORT_DOCUMENT_FIELD, Y.Array).insert(1, ['beside'])),
      changed((copy) => (firstParagraphText(copy).parent as Y.XmlElement).insert(0, [new Y.Map() as never])),
      changed((copy) => firstParagraphText(copy).insert(0, 'a\u0000b')),
    ]) {
      expect(await send({ ...ref, update })).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    }
    expect(await send({ kind: 'report', documentId: '00000000-0000-4000-8000-000000000000', update: new Uint8Array([0, 0]) })).toMatchObject({ ok: false, error: { id: 'forbidden' } });

    // Far beyond the limit the transport drops the connection; the client reconnects and nothing is lost.
    socket.emit('update', { ...ref, update: new Uint8Array(3 * 1024 * 1024) }, () => undefined);
    await eventually(() => a.state.status !== 'online', 5000, 'oversized frame to drop the connection');
    await eventually(() => a.state.status === 'online' && a.state.synced, 10000, 'reconnect');

    expect(await stored(ref)).toContain('intact');
    const b = open(editorB, ref);
    await b.whenSynced();
    expect(fragmentText(b.doc)).toBe(fragmentText(a.doc));
  });

  it("words a refused message in the editor's language, field problems included", async () => {
    const ref = await newReport();
    const french = await signedInMember(t, kenya.id, 'editor');
    expect((await french.patch('/api/me/profile', { preferredLanguage: 'fr' })).status).toBe(200);
    const answers: unknown[] = [];
    for (const client of [editorA, french]) {
      const provider = open(client, ref);
      await provider.whenSynced();
      const loose = provider.socket as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> } };
      answers.push(
        await loose.timeout(5000).emitWithAck('update', { ...ref, update: 42 }),
        await loose.timeout(5000).emitWithAck('update', { ...ref, update: 'AAAA', extra: 1 }),
        await loose.timeout(5000).emitWithAck('update'),
        await loose.timeout(5000).emitWithAck('update', { ...ref, kind: 7, update: 'AAAA' }),
      );
    }
    expect(answers.map((answer) => (answer as { error: { message: string } }).error.message)).toEqual([
      'update: Expected binary data or base64 text',
      'Unknown field(s): extra',
      'Invalid message',
      'kind: Invalid option: expected one of "report"|"meeting_minutes"|"publication"',
      'update : Données binaires ou texte base64 attendus',
      'Champ(s) inconnu(s) : extra',
      'Message non valide',
      // zod's own wording, where the contract gives none, through zod's French locale (it stayed English).
      'kind : Option invalide : une valeur parmi "report"|"meeting_minutes"|"publication" attendue',
    ]);
  });

  it('refuses connections without a session, and documents the caller may not read', async () => {
    const anonymous = io(`${t.baseUrl}${COLLABORATION_NAMESPACE}`, { transports: ['websocket'], reconnection: false });
    await eventually(() => anonymous.disconnected && !anonymous.active, 5000, 'anonymous disconnect');
    anonymous.close();

    const ref = await newReport();
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA' });
    const outsider = await signedInMember(t, brazil.id, 'admin');
    const o = open(outsider, ref);
    await expect(o.whenSynced()).rejects.toThrow(/not found/);
  });

  it('closes the room of an editor who left while it was opening (nobody is counted in who is gone)', async () => {
    const ref = await newReport();
    const store = t.app.get(DocumentStore);
    const load = store.loadForEditing.bind(store);
    // A slow load: the editor's connection closes while the room opens.
    const slow = jest.spyOn(store, 'loadForEditing').mockImplementation(async (documentId) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return load(documentId);
    });
    try {
      const socket = io(`${t.baseUrl}${COLLABORATION_NAMESPACE}`, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: editorA.cookie } });
      await eventually(() => socket.connected, 5000, 'connected');
      socket.emit('join', { ...ref, stateVector: Y.encodeStateVector(new Y.Doc()) }, () => undefined);
      await eventually(() => slow.mock.calls.length > 0, 5000, 'the room to start opening');
      socket.close();
      const rooms = t.app.get(DocumentRooms);
      await eventually(() => rooms.find(ref) !== undefined, 5000, 'the room to open');
      await eventually(() => rooms.find(ref) === undefined, 5000, 'the room to close');
    } finally {
      slow.mockRestore();
    }
  });

  it('keeps named and automatic versions and restores one as a new, live change', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    const b = open(editorB, ref);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    firstParagraphText(a.doc).insert(0, 'first draft');
    await a.whenSaved();
    const named = await editorA.post(`/api/reports/${ref.documentId}/versions`, { name: 'Before review' });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ kind: 'named', name: 'Before review', createdBy: { id: editorA.userId } });
    expect(named.body.contributions).toEqual([expect.objectContaining({ userId: editorA.userId })]);
    // The author's and contributors' names (api-accounts', looked up per list) are their current ones.
    const [{ name: nameOfA }] = await t.db.query('SELECT name FROM users WHERE id = $1', [editorA.userId]);
    const [listed] = (await viewer.get(`/api/reports/${ref.documentId}/versions`)).body.items.filter((v: { id: string }) => v.id === named.body.id);
    expect(listed).toMatchObject({ createdBy: { id: editorA.userId, name: nameOfA }, contributions: [expect.objectContaining({ userId: editorA.userId, name: nameOfA })] });

    const text = firstParagraphText(a.doc);
    text.delete(0, text.length);
    text.insert(0, 'second draft');
    await a.whenSaved();
    await eventually(() => fragmentText(b.doc).includes('second draft'), 5000, 'B to see the second draft');

    const viewerRestore = await viewer.post(`/api/reports/${ref.documentId}/versions/${named.body.id}/restore`);
    expect(viewerRestore.status).toBe(403);
    const restored = await editorB.post(`/api/reports/${ref.documentId}/versions/${named.body.id}/restore`);
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ kind: 'restore', name: 'Before review' });
    await eventually(() => fragmentText(a.doc).includes('first draft') && !fragmentText(a.doc).includes('second draft'), 5000, 'A to see the restore');
    await eventually(() => fragmentText(b.doc) === fragmentText(a.doc), 5000, 'B to match');
    expect(await stored(ref)).toBe(fragmentText(a.doc));

    const versions = (await viewer.get(`/api/reports/${ref.documentId}/versions`)).body.items as Array<{ id: string; kind: string }>;
    expect(versions.map((v) => v.kind)).toEqual(['restore', 'named']);
    const content = await viewer.get(`/api/reports/${ref.documentId}/versions/${named.body.id}`);
    expect(JSON.stringify(content.body.content)).toContain('first draft');
    expect((await viewer.get(`/api/reports/${ref.documentId}/versions/${ref.documentId}`)).status).toBe(404);
  });

  it('sends a change again after a reconnect until it is stored, even when the server holds it in memory', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    const b = open(editorB, ref);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const store = t.app.get(DocumentStore);
    // The write never completes: the change is passed on to B at once, but never stored nor acknowledged.
    const hung = jest.spyOn(store, 'append').mockImplementationOnce(() => new Promise<void>(() => undefined));
    firstParagraphText(a.doc).insert(0, 'held in memory only');
    await eventually(() => fragmentText(b.doc).includes('held in memory only'), 5000, 'B to see the change before it is stored');
    // B may see it before A's other changes are acknowledged (fan-out comes first); only the held one stays unsaved.
    await eventually(() => a.state.unsaved === 1, 5000, 'only the held change to stay unsaved');
    expect(await stored(ref)).not.toContain('held in memory only');
    hung.mockRestore();
    // The server's state vector says it has the change; the client sends it again anyway.
    a.disconnect();
    a.connect();
    await a.whenSaved();
    expect(await stored(ref)).toContain('held in memory only');

    // A write that fails is answered with an error; the client keeps the change and sends it again shortly.
    jest.spyOn(store, 'append').mockImplementationOnce(() => Promise.reject(new Error('disk full')));
    firstParagraphText(a.doc).insert(0, 'written on the second try. ');
    await eventually(() => a.state.error?.id === 'internal_error', 5000, 'the failed write to be reported');
    await a.whenSaved();
    expect(await stored(ref)).toContain('written on the second try. held in memory only');
  });

  it('keeps comments on text that still exists through a restore, and through undo and redo', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    await a.whenSynced();
    const text = firstParagraphText(a.doc);
    text.insert(0, 'Keep this sentence. Draft one.');
    await a.whenSaved();
    const named = await editorA.post(`/api/reports/${ref.documentId}/versions`, { name: 'Draft one' });
    text.delete(20, text.length - 20);
    text.insert(20, 'Draft two.');
    await a.whenSaved();
    const position = (index: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString('base64');
    const comment = await editorA.post(`/api/reports/${ref.documentId}/comments`, { body: 'Good opening', anchorStart: position(0), anchorEnd: position(18), quote: 'Keep this sentence' });
    expect(comment.status).toBe(201);
    const anchored = async () => ((await editorA.get(`/api/reports/${ref.documentId}/comments`)).body.items as Array<{ body: string; currentText: string | null }>).find((c) => c.body === 'Good opening')?.currentText;
    expect(await anchored()).toBe('Keep this sentence');

    // The restore changes only what differs: the commented words are the same items as before.
    expect((await editorA.post(`/api/reports/${ref.documentId}/versions/${named.body.id}/restore`)).status).toBe(201);
    await eventually(() => fragmentText(a.doc).includes('Draft one.') && !fragmentText(a.doc).includes('Draft two.'), 5000, 'the restore');
    expect(await anchored()).toBe('Keep this sentence');

    // Deleting the words collapses the comment; undo brings them back as new items, and the comment follows them
    // for everyone (the server finds the same words where they were); redo and undo again, the same.
    const undo = new Y.UndoManager(firstParagraphText(a.doc), { captureTimeout: 0 });
    firstParagraphText(a.doc).delete(0, 19);
    await a.whenSaved();
    expect(await anchored()).toBe('');
    undo.undo();
    await a.whenSaved();
    expect(await anchored()).toBe('Keep this sentence');
    undo.redo();
    await a.whenSaved();
    expect(await anchored()).toBe('');
    undo.undo();
    await a.whenSaved();
    expect(await anchored()).toBe('Keep this sentence');
    undo.destroy();
  });

  it('keeps an automatic version while people work and when the last one leaves', async () => {
    const ref = await newReport();
    const a = open(editorA, ref);
    await a.whenSynced();
    t.config.autoVersionMinutes = 0;
    try {
      firstParagraphText(a.doc).insert(0, 'autosaved words');
      await a.whenSaved();
      await eventually(async () => (await editorA.get(`/api/reports/${ref.documentId}/versions`)).body.items.length > 0, 5000, 'an automatic version');
    } finally {
      t.config.autoVersionMinutes = 10;
    }
    firstParagraphText(a.doc).insert(0, 'more ');
    await a.whenSaved();
    a.destroy();
    await eventually(async () => (await editorA.get(`/api/reports/${ref.documentId}/versions`)).body.items.length >= 2, 5000, 'a version on leaving');
    const [latest] = (await editorA.get(`/api/reports/${ref.documentId}/versions`)).body.items;
    expect(latest).toMatchObject({ kind: 'auto', contributions: [expect.objectContaining({ userId: editorA.userId, changes: 1 })] });
  });
});
