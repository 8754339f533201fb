import { COLLABORATION_NAMESPACE, decodeFrame, type CollabAck, type CollabError, type JoinResult } from '@simashe/contracts';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import * as Y from 'yjs';
import { CollabProvider, type CollabProviderState } from './collab-provider';

/**
 * The provider against a scripted socket.io server (real sockets): each join and each update is answered by the
 * next step of the test's script, when and how the test says. The API's own behaviour is covered by its specs over
 * the real server; here, the orders of answers that a real server produces only by chance.
 */
type Answer<T> = (reply: CollabAck<T>) => void;

const ref = { kind: 'report', documentId: '0b7d5a3e-4f1c-4a55-9d43-2f3c1e5a6b7c' } as const;

function joinedAs(access: JoinResult['access'], server: Y.Doc): Parameters<CollabAck<JoinResult>>[0] {
  return { ok: true, access, update: Y.encodeStateAsUpdate(server), stateVector: Y.encodeStateVector(server), awareness: new Uint8Array() };
}
const refused = (error: CollabError) => ({ ok: false as const, error });

describe('CollabProvider', () => {
  let http: HttpServer;
  let io: Server;
  let url: string;
  let joins: Array<Answer<JoinResult>>;
  let updates: Array<Answer<object>>;
  /** What reached the server: every update sent, in order. */
  let received: Uint8Array[];
  let joinsAsked: number;
  const providers: CollabProvider[] = [];

  beforeEach(async () => {
    joins = [];
    updates = [];
    received = [];
    joinsAsked = 0;
    http = createServer();
    io = new Server(http);
    io.of(COLLABORATION_NAMESPACE).on('connection', (socket) => {
      socket.on('join', (_payload: unknown, reply: CollabAck<JoinResult>) => {
        const answer = joins[joinsAsked++];
        answer?.(reply);
      });
      socket.on('update', ({ update }: { update: string }, reply: CollabAck) => {
        received.push(decodeFrame(update));
        updates[received.length - 1]?.(reply);
      });
      socket.on('awareness', (_payload: unknown, reply: CollabAck) => reply({ ok: true }));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    providers.splice(0).forEach((provider) => provider.destroy());
    await new Promise((resolve) => io.close(resolve));
  });

  function open(answerTimeoutMs?: number): { provider: CollabProvider; doc: Y.Doc; states: CollabProviderState[] } {
    const doc = new Y.Doc();
    const provider = new CollabProvider({ url, ref, doc, socketOptions: { reconnection: false }, answerTimeoutMs });
    providers.push(provider);
    const states: CollabProviderState[] = [];
    provider.subscribe((state) => states.push(state));
    return { provider, doc, states };
  }

  const until = async (condition: () => boolean, what: string) => {
    for (let waited = 0; !condition(); waited += 10) {
      if (waited > 5_000) throw new Error(`waited 5 s for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('takes the latest of overlapping joins: an earlier join answered after it changes nothing, and nothing is sent twice', async () => {
    const server = new Y.Doc();
    const later: Array<() => void> = [];
    joins = [
      (reply) => reply(joinedAs('edit', server)),
      // The first join asked again answers last, with what was true when it was asked (read only, say).
      (reply) => later.push(() => reply(joinedAs('read', server))),
      (reply) => reply(joinedAs('edit', server)),
    ];
    const notOpen = (reply: CollabAck) => reply(refused({ id: 'not_found', message: 'The document is not open' }));
    // The two changes arrive where the document is no longer open: each asks for a fresh join (two joins overlap).
    updates = [notOpen, notOpen, (reply) => reply({ ok: true })];
    const { provider, doc } = open();
    await provider.whenSynced();
    const text = doc.getText('body');
    text.insert(0, 'a');
    text.insert(1, 'b');
    await until(() => joinsAsked === 3 && received.length === 3 && provider.state.unsaved === 0, 'the latest join and its resend');
    later.forEach((answer) => answer());
    // socket.io keeps each connection's order: once a marker sent after the late answer has arrived (and the turn
    // it arrived in is over), the provider has handled that answer.
    const marker = new Promise((resolve) => provider.socket.once('marker' as never, resolve));
    io.of(COLLABORATION_NAMESPACE).emit('marker' as never);
    await marker;
    await pause(50);

    expect(provider.state).toEqual(expect.objectContaining({ access: 'edit', status: 'online', synced: true, unsaved: 0, error: null }));
    // The latest join sent both unacknowledged changes again, as one update; the late answer sent nothing more.
    expect(received).toHaveLength(3);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, received[2]);
    expect(stored.getText('body').toString()).toBe('ab');
  });

  it('says within a deadline whether local changes are saved: yes once acknowledged, no while the server has not stored them', async () => {
    const held: Array<() => void> = [];
    joins = [(reply) => reply(joinedAs('edit', new Y.Doc()))];
    updates = [(reply) => held.push(() => reply({ ok: true })), (reply) => held.push(() => reply({ ok: true }))];
    const { provider, doc } = open();
    await provider.whenSynced();
    await expect(provider.whenSaved(50)).resolves.toBe(true); // nothing typed yet

    doc.getText('body').insert(0, 'typed');
    await until(() => held.length === 1, 'the change to reach the server');
    const started = Date.now();
    await expect(provider.whenSaved(200)).resolves.toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);

    doc.getText('body').insert(5, ' more');
    await until(() => held.length === 2, 'the second change to reach the server');
    let answered = false;
    const saved = provider.whenSaved(5_000).then((result) => ((answered = true), result));
    held[0]();
    await until(() => provider.state.unsaved === 1, 'the first acknowledgement');
    // One of two acknowledged: not yet.
    expect(answered).toBe(false);
    held[1]();
    await expect(saved).resolves.toBe(true);

    // A wait still under way when the provider goes (the page left): answered "not saved" at once.
    doc.getText('body').insert(0, 'last ');
    await until(() => received.length === 3, 'the third change to reach the server');
    const abandoned = provider.whenSaved();
    provider.destroy();
    await expect(abandoned).resolves.toBe(false);
  });

  it('sends a change again when its answer never came while the connection stayed up (a network that went quiet and came back)', async () => {
    joins = [(reply) => reply(joinedAs('edit', new Y.Doc()))];
    // The first answer is lost (it was on its way when the network went quiet); the second comes.
    updates = [() => undefined, (reply) => reply({ ok: true })];
    const { provider, doc } = open(300);
    await provider.whenSynced();
    doc.getText('body').insert(0, 'typed during the outage');
    await until(() => received.length === 1, 'the change to reach the server');
    expect(provider.state.unsaved).toBe(1);

    // Before: kept for ever, "saving" until a reload, since no reconnect came to send it again.
    await expect(provider.whenSaved(4_000)).resolves.toBe(true);
    expect(received).toHaveLength(2);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, received[1]);
    expect(stored.getText('body').toString()).toBe('typed during the outage');
    expect(provider.state).toEqual(expect.objectContaining({ status: 'online', unsaved: 0, error: null }));
  });

  it('counts edits, not messages: edits sent again merged into one update still count one each until stored', async () => {
    joins = [(reply) => reply(joinedAs('edit', new Y.Doc()))];
    const held: Array<() => void> = [];
    // Three answers lost; the merged resend is answered when the test says.
    updates = [() => undefined, () => undefined, () => undefined, (reply) => held.push(() => reply({ ok: true }))];
    const { provider, doc } = open(300);
    await provider.whenSynced();
    for (const word of ['one ', 'two ', 'three ']) doc.getText('body').insert(0, word);
    await until(() => received.length === 3, 'the three edits to reach the server');
    expect(provider.state.unsaved).toBe(3);

    await until(() => held.length === 1, 'the merged resend');
    expect(received).toHaveLength(4);
    const resent = new Y.Doc();
    Y.applyUpdate(resent, received[3]);
    expect(resent.getText('body').toString()).toBe('three two one ');
    // Before: 1 (the number of messages waiting), though three edits were still unsaved.
    expect(provider.state.unsaved).toBe(3);
    held[0]();
    await until(() => provider.state.unsaved === 0, 'the acknowledgement');
  });

  it('asks again by itself when the server could not open the document for a passing reason, showing why meanwhile', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0); // the shortest pause: about half a second
    const server = new Y.Doc();
    server.getText('body').insert(0, 'stored text');
    const busy: CollabError = { id: 'internal_error', message: 'The document is busy and could not be opened; try again in a moment', retryable: true };
    joins = [(reply) => reply(refused(busy)), (reply) => reply(joinedAs('edit', server))];
    const { provider, doc, states } = open();
    await provider.whenSynced();

    expect(joinsAsked).toBe(2);
    expect(doc.getText('body').toString()).toBe('stored text');
    // While asking again: the reason, and "connecting", never "online" before the document arrived.
    expect(states).toContainEqual(expect.objectContaining({ status: 'connecting', error: busy, synced: false }));
    expect(states.some((state) => state.status === 'online' && !state.synced && state.error === null)).toBe(false);
    expect(provider.state).toEqual(expect.objectContaining({ status: 'online', access: 'edit', synced: true, error: null }));
  });

  it('does not ask again when the refusal is final, and says why', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const gone: CollabError = { id: 'not_found', message: 'The document was not found' };
    joins = [(reply) => reply(refused(gone)), (reply) => reply(joinedAs('edit', new Y.Doc()))];
    const { provider } = open();

    await expect(provider.whenSynced()).rejects.toThrow('The document was not found');
    await pause(1_000); // twice the pause before asking again
    expect(joinsAsked).toBe(1);
    expect(provider.state).toEqual(expect.objectContaining({ synced: false, access: null, error: gone }));
  });
});
