import { COLLABORATION_NAMESPACE, decodeFrame, REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import { eventually as poll } from '@simashe/api-testing';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { createDemoReport, createProcessDatabase, signInDemo, startApiProcess, type ApiProcess } from './testing/api-process';
import { startRedis, type RedisProcess } from './testing/redis-process';

/**
 * Several API instances on one PostgreSQL and one real redis-server (Debian's), as `npm run start:cluster` runs
 * them: editors on different instances converge, every acknowledged change survives an instance being killed and
 * Redis restarting, and a change sent just before its sender disconnects still reaches the other instance's editors.
 */

type Ref = { kind: 'report'; documentId: string };

/** An editor as the web client behaves: keeps each change until acknowledged, and sends the unacknowledged again on joining. */
class Editor {
  readonly doc = new Y.Doc();
  readonly acknowledged = new Set<string>();
  readonly typed: string[] = [];
  private socket: Socket | null = null;
  private readonly unacknowledged = new Map<string, Uint8Array>();
  private outgoing: Uint8Array[] = [];

  constructor(
    readonly name: string,
    private readonly cookie: string,
    private readonly ref: Ref,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') this.outgoing.push(update);
    });
  }

  /** Joins through `api`, takes what it lacks, and sends again whatever was never acknowledged. */
  async join(api: ApiProcess): Promise<void> {
    this.socket?.close();
    const socket = io(`${api.baseUrl}${COLLABORATION_NAMESPACE}`, { transports: ['websocket'], extraHeaders: { cookie: this.cookie }, reconnection: false, forceNew: true });
    this.socket = socket;
    socket.on('update', ({ update }: { update: string }) => Y.applyUpdate(this.doc, decodeFrame(update), 'server'));
    const joined = await socket.timeout(10_000).emitWithAck('join', { ...this.ref, stateVector: Y.encodeStateVector(this.doc) });
    if (!joined.ok) throw new Error(`${this.name} could not join: ${JSON.stringify(joined)}`);
    Y.applyUpdate(this.doc, decodeFrame(joined.update), 'server');
    const missing = Y.encodeStateAsUpdate(this.doc, decodeFrame(joined.stateVector));
    const resend = [...this.unacknowledged.entries()];
    const reply = await socket.timeout(10_000).emitWithAck('update', { ...this.ref, update: Y.mergeUpdates([missing, ...resend.map(([, update]) => update)]) });
    if (reply.ok) for (const [token] of resend) this.acknowledge(token);
  }

  /** The text every editor types into (the first editor makes it). */
  private text(): Y.XmlText {
    const paragraph = this.doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement;
    if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
    return paragraph.get(0) as Y.XmlText;
  }

  /** Types a token and sends it; resolves when the server answered (or the socket died). */
  async type(token: string, options: { thenDisconnect?: boolean } = {}): Promise<void> {
    const text = this.text();
    text.insert(text.length, `[${token}]`);
    const update = Y.mergeUpdates(this.outgoing.splice(0));
    this.typed.push(token);
    this.unacknowledged.set(token, update);
    const socket = this.socket as Socket;
    // Disconnected (its instance died): kept, and sent again on the next join.
    if (!socket.connected) return;
    const sent = socket
      .timeout(5000)
      .emitWithAck('update', { ...this.ref, update })
      .then((reply: { ok: boolean }) => reply.ok && this.acknowledge(token))
      .catch(() => undefined);
    if (options.thenDisconnect) socket.disconnect();
    await sent;
  }

  private acknowledge(token: string): void {
    this.unacknowledged.delete(token);
    this.acknowledged.add(token);
  }

  content(): string {
    return this.doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toString();
  }

  close(): void {
    this.socket?.close();
  }
}

/** Across two processes and Redis, 20 s before giving up; `describe` says where things stood. */
const eventually = (check: () => boolean | Promise<boolean>, describe: () => string) => poll(check, 20_000, describe);

const converged = (editors: Editor[]) => editors.every((editor) => editor.content() === editors[0].content());
const difference = (editors: Editor[]) => editors.map((editor) => `${editor.name}: ${editor.content().length} chars`).join(', ');

/** What a fresh reader joining through `api` reads. */
async function read(api: ApiProcess, cookie: string, ref: Ref): Promise<string> {
  const reader = new Editor('reader', cookie, ref);
  await reader.join(api);
  reader.close();
  return reader.content();
}

describe('several API instances on Redis', () => {
  let redis: RedisProcess;
  let env: Record<string, string>;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const databaseUrl = await createProcessDatabase('cluster');
    // A short re-read interval, so that what Redis loses is caught up within the test; sessions and access held in
    // memory for a minute, so that only the other instance's message can end them within the test.
    env = { DATABASE_URL: databaseUrl, SEED_DEMO: 'true', REDIS_URL: redis.url, COLLAB_RESYNC_SECONDS: '1', REMINDER_INTERVAL_SECONDS: '0', AUTH_CACHE_SECONDS: '60' };
    // The first instance migrates and seeds; the second starts on the prepared database.
    apis.push(await startApiProcess(env));
    apis.push(await startApiProcess(env));
  });
  afterAll(async () => {
    if (process.env['CLUSTER_SPEC_OUTPUT']) for (const api of apis) console.log(api.output().slice(-4000));
    for (const api of apis) await api.stop('SIGKILL');
    await redis.stop();
  });

  async function newReport(api: ApiProcess, title: string): Promise<{ ref: Ref; cookie: string }> {
    const session = await signInDemo(api, 'kenya.editor@demo.simashe.org');
    return { ref: await createDemoReport(api, session, title), cookie: session.cookie };
  }

  /** A new report with an editor on each instance: a1 on the first (who typed 'start'), b1 on the second. */
  async function editorOnEach(title: string): Promise<{ ref: Ref; cookie: string; editors: Editor[] }> {
    const [a, b] = apis;
    const { ref, cookie } = await newReport(a, title);
    const editors = [new Editor('a1', cookie, ref), new Editor('b1', cookie, ref)];
    await editors[0].join(a);
    await editors[0].type('start');
    await editors[1].join(b);
    return { ref, cookie, editors };
  }

  it('a session is valid on every instance, and editors on two instances converge', async () => {
    const [a, b] = apis;
    const { ref, cookie } = await newReport(a, 'Two instances');
    // Signed in through one instance, the same cookie works on the other (sessions live in PostgreSQL).
    expect((await fetch(`${b.baseUrl}/api/auth/session`, { headers: { cookie } })).status).toBe(200);
    const editors = [new Editor('a1', cookie, ref), new Editor('b1', cookie, ref), new Editor('a2', cookie, ref), new Editor('b2', cookie, ref)];
    await editors[0].join(a);
    await editors[0].type('start');
    await Promise.all(editors.slice(1).map((editor, index) => editor.join(index % 2 === 0 ? b : a)));
    for (let round = 0; round < 15; round++) await Promise.all(editors.map((editor) => editor.type(`${editor.name}-${round}`)));
    await eventually(() => converged(editors), () => difference(editors));
    for (const editor of editors) for (const token of editor.typed) expect(editors[0].content().split(`[${token}]`)).toHaveLength(2);
    // A joiner on either instance is served the whole document from that instance's copy.
    const whole = editors[0].content();
    // An instance's editors get other instances' changes only through its copy, so a copy lacks nothing they have.
    expect(await read(b, cookie, ref)).toBe(whole);
    expect(await read(a, cookie, ref)).toBe(whole);
    editors.forEach((editor) => editor.close());
  });

  it('a session or access ended on one instance ends on the other within a Redis message, though the other had it in memory', async () => {
    const [a, b] = apis;
    const viewer = await signInDemo(a, 'kenya.viewer@demo.simashe.org');
    const admin = await signInDemo(a, 'kenya.admin@demo.simashe.org');
    const on = (api: ApiProcess, session: { cookie: string; csrf: string }, path: string, method = 'GET') =>
      fetch(`${api.baseUrl}${path}`, { method, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
    const organisations = async () => ((await (await on(b, viewer, '/api/organisations')).json()) as { items: Array<{ id: string; name: string; myRole: string | null }> }).items;
    // Read on b, so b serves this session and this person's access from memory from now on.
    const viewerId = ((await (await on(b, viewer, '/api/auth/session')).json()) as { user: { id: string } }).user.id;
    const kenya = (await organisations()).find((organisation) => organisation.myRole === 'viewer');
    expect(kenya).toBeDefined();

    // The viewer's role changes through a: b answers with the new role as soon as it hears of it (one Redis message,
    // handled by b a moment after a answered), long before what it holds in memory expires (a minute here).
    const changed = await fetch(`${a.baseUrl}/api/organisations/${kenya?.id}/members/${viewerId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({ role: 'editor' }),
    });
    expect(changed.status).toBe(204);
    let role: string | null | undefined;
    await poll(async () => (role = (await organisations()).find((organisation) => organisation.id === kenya?.id)?.myRole) === 'editor', 2_000, () => `b to answer 'editor', not '${role}'`);

    // Signed out through a: b refuses the cookie as soon as it hears of it.
    expect((await on(a, viewer, '/api/auth/logout', 'POST')).status).toBe(204);
    let status = 0;
    await poll(async () => (status = (await on(b, viewer, '/api/auth/session')).status) === 401, 2_000, () => `b to refuse the session, not answer ${status}`);
  });

  it('a change sent just before its sender disconnects still reaches the other instance (Hocuspocus #557)', async () => {
    const [a, b] = apis;
    const { ref, cookie } = await newReport(a, 'Disconnect after sending');
    const sender = new Editor('sender', cookie, ref);
    const watcher = new Editor('watcher', cookie, ref);
    await sender.join(a);
    await sender.type('first');
    await watcher.join(b);
    await sender.type('last words', { thenDisconnect: true });
    await eventually(() => watcher.content().includes('[last words]'), () => watcher.content());
    expect(await read(b, cookie, ref)).toContain('[last words]');
    watcher.close();
  });

  it("an instance's editors get another instance's change through its copy: what the copy took in, they get", async () => {
    const [, b] = apis;
    const { ref, cookie, editors } = await editorOnEach('One path');
    await eventually(() => converged(editors), () => difference(editors));
    // A change as a third instance relays it (it stored it and told its own editors): a kind byte, its instance id,
    // the Yjs update. Both copies take it in, and each instance passes on to its editors what its copy took in.
    const third = new Y.Doc();
    Y.applyUpdate(third, Y.encodeStateAsUpdate(editors[0].doc));
    const before = Y.encodeStateVector(third);
    ((third.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, '[third]');
    const update = Y.encodeStateAsUpdate(third, before);
    const publisher = createClient({ url: redis.url });
    await publisher.connect();
    try {
      const message = Buffer.concat([Buffer.from([0]), Buffer.from('00000000-0000-4000-8000-00000000000f', 'latin1'), Buffer.from(update)]);
      expect(await publisher.publish(`simashe:document:report:${ref.documentId}`, message)).toBe(2);
    } finally {
      await publisher.quit();
    }
    await eventually(() => converged(editors) && editors[0].content().includes('[third]'), () => difference(editors));
    expect(await read(b, cookie, ref)).toContain('[third]');
    editors.forEach((editor) => editor.close());
  });

  it('Redis restarting mid-edit loses nothing: instances reconnect and catch up from PostgreSQL', async () => {
    const [a] = apis;
    const { ref, cookie, editors } = await editorOnEach('Redis restart');
    const notOpenYet = await newReport(a, 'Opened while Redis is away');
    for (let round = 0; round < 5; round++) await Promise.all(editors.map((editor) => editor.type(`${editor.name}-before-${round}`)));
    await redis.stop();
    // While Redis is away each instance still stores and acknowledges its own editors' changes.
    for (let round = 0; round < 5; round++) await Promise.all(editors.map((editor) => editor.type(`${editor.name}-during-${round}`)));
    for (const editor of editors) expect([...editor.acknowledged].filter((token) => token.includes('during'))).toHaveLength(5);
    // And a document nobody had open still opens: hearing other instances about it waits for Redis, opening does not.
    expect(await read(a, notOpenYet.cookie, notOpenYet.ref)).toContain('<paragraph>');
    await redis.start();
    for (let round = 0; round < 5; round++) await Promise.all(editors.map((editor) => editor.type(`${editor.name}-after-${round}`)));
    await eventually(() => converged(editors) && editors[0].content().includes('[b1-during-4]'), () => difference(editors));
    // Changes b published while Redis was away reach a's copy, and through it a's editors, by the re-read from
    // PostgreSQL (every second here); a change acknowledged but never stored never would. A fresh reader gets a's copy.
    const tokens = editors.flatMap((editor) => [...editor.acknowledged]);
    const stored = await read(a, cookie, ref);
    for (const token of tokens) expect(stored.split(`[${token}]`)).toHaveLength(2);
    editors.forEach((editor) => editor.close());
  });

  it('an instance killed mid-edit: its editors move to the other, and every acknowledged change is there once', async () => {
    const [a, b] = apis;
    const { ref, cookie } = await newReport(b, 'Instance killed');
    const editors = [new Editor('a1', cookie, ref), new Editor('b1', cookie, ref), new Editor('a2', cookie, ref)];
    await editors[1].join(b);
    await editors[1].type('start');
    await editors[0].join(a);
    await editors[2].join(a);
    // Typing paced over about a second; the instance dies a third of the way in.
    const typing = Promise.all(
      editors.map(async (editor) => {
        for (let round = 0; round < 30; round++) {
          await editor.type(`${editor.name}-${round}`);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await a.stop('SIGKILL');
    await typing;
    // The killed instance's editors went on typing: those changes were never acknowledged, and are only in their documents.
    for (const editor of [editors[0], editors[2]]) expect(editor.typed.length - editor.acknowledged.size).toBeGreaterThan(5);
    // Their client reconnects: to the instance still running, sending again what was never acknowledged.
    await editors[0].join(b);
    await editors[2].join(b);
    await eventually(() => converged(editors), () => difference(editors));
    const stored = await read(b, cookie, ref);
    for (const editor of editors) {
      expect(editor.acknowledged.size).toBeGreaterThan(0);
      for (const token of editor.typed) expect(stored.split(`[${token}]`)).toHaveLength(2);
    }
    editors.forEach((editor) => editor.close());
  });
});
