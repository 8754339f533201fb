import { CollabProvider } from '@simashe/collab-client';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import { createServer, connect, type Server, type Socket } from 'node:net';
import * as Y from 'yjs';
import { createDemoReport, createProcessDatabase, freePort, signInDemo, startApiProcess } from './testing/api-process';

/**
 * A TCP gate between the API and PostgreSQL: closed, every connection is cut and new ones are refused, as when the
 * database server stops or the network to it fails; opened again, connections pass as before.
 */
class DatabaseGate {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private closed = false;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => {
      if (this.closed) return client.destroy();
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  close(): void {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
  }

  open(): void {
    this.closed = false;
  }

  shutdown(): Promise<void> {
    this.close();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => boolean, describe: () => string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms: ${describe()}`);
    await sleep(100);
  }
}

describe('PostgreSQL unreachable for 5 s', () => {
  it('answers clearly, keeps every unsaved edit in the client, and stores them all once it is back', async () => {
    const databaseUrl = new URL(await createProcessDatabase('outage'));
    const gate = new DatabaseGate({ host: databaseUrl.hostname, port: Number(databaseUrl.port) });
    const gatePort = await freePort();
    await gate.listen(gatePort);
    const viaGate = new URL(databaseUrl.href);
    viaGate.port = String(gatePort);
    const api = await startApiProcess({ DATABASE_URL: viaGate.href, SEED_DEMO: 'true', REMINDER_INTERVAL_SECONDS: '0' });
    const providers: CollabProvider[] = [];
    try {
      const session = await signInDemo(api, 'kenya.editor@demo.simashe.org');
      const { cookie } = session;
      const ref = await createDemoReport(api, session, 'Outage');
      // Opened by nobody until the database is away.
      const other = await createDemoReport(api, session, 'Opened during the outage');
      // French in the profile as in the browser: the refusal below speaks French whether the session is read
      // (and fails) or was read moments ago and is served from memory.
      const french = await fetch(`${api.baseUrl}/api/me/profile`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({ preferredLanguage: 'fr' }),
      });
      expect(french.status).toBe(200);

      // The web editor's own client, as a browser tab runs it.
      const doc = new Y.Doc();
      const provider = new CollabProvider({ url: api.baseUrl, ref, doc, socketOptions: { extraHeaders: { cookie } } });
      providers.push(provider);
      await eventually(() => provider.state.synced, () => JSON.stringify(provider.state));
      const paragraph = doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement;
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      const type = (token: string) => text.insert(text.length, `[${token}]`);
      for (let n = 0; n < 5; n++) type(`before-${n}`);
      await eventually(() => provider.state.unsaved === 0, () => JSON.stringify(provider.state));

      gate.close();
      const closedAt = Date.now();
      // A page load meanwhile gets a sentence, not a crash: 503, try again.
      const refused = await fetch(`${api.baseUrl}/api/reports`, { headers: { cookie, 'accept-language': 'fr' } });
      expect(refused.status).toBe(503);
      expect((await refused.json()).message).toBe('La base de données est injoignable pour le moment ; rien n’a été modifié. Réessayez dans un instant');
      for (let n = 0; n < 5; n++) {
        type(`during-${n}`);
        await sleep(300);
      }
      // Not stored: the editor is told (in French), and keeps them.
      await eventually(() => provider.state.error?.message === 'La modification n’a pas pu être enregistrée ; elle sera renvoyée', () => JSON.stringify(provider.state));
      expect(provider.state.unsaved).toBeGreaterThan(0);
      // Someone opening the document meanwhile is told why it does not open, and it opens by itself later (below).
      const latecomerDoc = new Y.Doc();
      const latecomer = new CollabProvider({ url: api.baseUrl, ref: other, doc: latecomerDoc, socketOptions: { extraHeaders: { cookie } } });
      providers.push(latecomer);
      await eventually(() => latecomer.state.error?.message === 'La base de données est injoignable pour le moment ; rien n’a été modifié. Réessayez dans un instant', () => JSON.stringify(latecomer.state));
      expect(latecomer.state.synced).toBe(false);
      await sleep(Math.max(0, 5000 - (Date.now() - closedAt)));
      gate.open();

      // Once PostgreSQL is back the client's retries store everything, and a fresh reader finds each change once.
      await eventually(() => provider.state.unsaved === 0, () => JSON.stringify(provider.state));
      // The latecomer's editor asked again by itself, and has the document, with no error left on screen.
      await eventually(() => latecomer.state.synced && latecomer.state.error === null, () => JSON.stringify(latecomer.state));
      expect(latecomerDoc.getXmlFragment(REPORT_DOCUMENT_FIELD).length).toBeGreaterThan(0);
      expect((await fetch(`${api.baseUrl}/api/reports`, { headers: { cookie } })).status).toBe(200);
      const readerDoc = new Y.Doc();
      const reader = new CollabProvider({ url: api.baseUrl, ref, doc: readerDoc, socketOptions: { extraHeaders: { cookie } } });
      providers.push(reader);
      await eventually(() => reader.state.synced, () => JSON.stringify(reader.state));
      const stored = readerDoc.getXmlFragment(REPORT_DOCUMENT_FIELD).toString();
      for (const phase of ['before', 'during']) for (let n = 0; n < 5; n++) expect(stored.split(`[${phase}-${n}]`)).toHaveLength(2);
    } finally {
      providers.forEach((provider) => provider.destroy());
      await api.stop();
      await gate.shutdown();
    }
  });
});
