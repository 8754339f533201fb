// `npm run bench:collab` — not a test: prints figures for the real-time collaboration server and, from the
// same run and the same workload, for @hocuspocus/server, with ours as ratios to its.
//   BENCH_EDITORS (50) editors type into one document for BENCH_SECONDS (10), one keystroke every
//   BENCH_INTERVAL_MS (250) each; then BENCH_DOCS (500) documents are opened to measure memory.
// Ours stores every update in PostgreSQL before acknowledging it; the Hocuspocus peer keeps documents in
// memory only, so the ratio includes the price of durability.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { benchmark, freePort, percentile, root, rss as processMemory, setting, signIn, sleep, startApi, startPostgres } from './bench-support.mjs';

const EDITORS = setting('BENCH_EDITORS', 50, 5);
const SECONDS = setting('BENCH_SECONDS', 10, 2);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 250);
const DOCS = setting('BENCH_DOCS', 500, 20);

const rssMb = (pid) => processMemory(pid).rss;

/** Latency bookkeeping shared by both runs: a struct id (client:clock) → when its author sent it. */
function tracker() {
  const sentAt = new Map();
  const latencies = [];
  return {
    sent(update) {
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) sentAt.set(`${struct.id.client}:${struct.id.clock}`, now);
    },
    received(update) {
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        const at = sentAt.get(`${struct.id.client}:${struct.id.clock}`);
        if (at !== undefined) latencies.push(now - at);
      }
    },
    latencies,
  };
}

/** Every editor types one character at a time at the end of the shared paragraph. */
async function typeFor(docs, onLocal) {
  let typed = 0;
  const started = performance.now();
  const timers = docs.map((doc, index) =>
    setTimeout(function tick() {
      if (performance.now() - started > SECONDS * 1000) return;
      const text = doc.getXmlFragment('default').get(0)?.get(0);
      if (text instanceof Y.XmlText) {
        text.insert(text.length, String.fromCharCode(97 + (index % 26)));
        typed++;
      }
      timers[index] = setTimeout(tick, INTERVAL_MS);
    }, (index * INTERVAL_MS) / docs.length),
  );
  await sleep(SECONDS * 1000 + 1500);
  timers.forEach(clearTimeout);
  void onLocal;
  return typed;
}

function summarise(name, typed, latencies, rss, rss500) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    server: name,
    editors: EDITORS,
    updatesPerSecond: typed / SECONDS,
    deliveriesPerSecond: latencies.length / SECONDS,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rssMb: rss,
    rss500DocsMb: rss500,
  };
}

async function runOurs(databaseUrl) {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const { api, base } = await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0' }, profile);
  const { cookie, csrfToken } = await signIn(base, 'kenya.editor@demo.simashe.org');
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const organisationId = (await (await fetch(`${base}/api/organisations`, { headers })).json()).items[0].id;
  const templateId = (await (await fetch(`${base}/api/report-templates`, { headers })).json()).items.find((t) => t.name === 'Blank report').id;
  const createReport = async (title) =>
    (await (await fetch(`${base}/api/reports`, { method: 'POST', headers, body: JSON.stringify({ organisationId, title, periodStart: '2026-01-01', periodEnd: '2026-12-31', templateId }) })).json()).id;

  const documentId = await createReport('Benchmark');
  const track = tracker();
  const clients = [];
  for (let i = 0; i < EDITORS; i++) {
    const doc = new Y.Doc();
    const socket = io(`${base}/collaboration`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true });
    await new Promise((resolve) => socket.on('connect', resolve));
    const joined = await socket.emitWithAck('join', { kind: 'report', documentId, stateVector: Y.encodeStateVector(doc) });
    Y.applyUpdate(doc, new Uint8Array(joined.update), 'server');
    socket.on('update', ({ update }) => {
      const bytes = new Uint8Array(Buffer.from(update, 'base64'));
      track.received(bytes);
      Y.applyUpdate(doc, bytes, 'server');
    });
    doc.on('update', (update, origin) => {
      if (origin === 'server') return;
      track.sent(update);
      socket.emit('update', { kind: 'report', documentId, update: Buffer.from(update).toString('base64') }, () => undefined);
    });
    clients.push({ doc, socket });
  }
  // One text node for everyone to type into.
  clients[0].doc.transact(() => clients[0].doc.getXmlFragment('default').get(0).insert(0, [new Y.XmlText('')]));
  await sleep(1000);
  const typed = await typeFor(clients.map((c) => c.doc));
  const rss = rssMb(api.pid);
  for (const client of clients) client.socket.close();

  for (let i = 0; i < DOCS; i++) await createReport(`Memory ${i}`);
  const reports = (await (await fetch(`${base}/api/reports`, { headers })).json()).items.map((r) => r.id);
  const holders = Array.from({ length: 5 }, () => io(`${base}/collaboration`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true }));
  await Promise.all(holders.map((socket) => new Promise((resolve) => socket.on('connect', resolve))));
  await Promise.all(reports.slice(0, DOCS).map((id, i) => holders[i % holders.length].emitWithAck('join', { kind: 'report', documentId: id, stateVector: Y.encodeStateVector(new Y.Doc()) })));
  await sleep(500);
  const rss500 = rssMb(api.pid);
  holders.forEach((socket) => socket.close());
  api.kill('SIGTERM');
  return summarise('simashe (socket.io + PostgreSQL)', typed, track.latencies, rss, rss500);
}

async function runHocuspocus() {
  const port = await freePort();
  const server = fork(join(root, 'tools/bench/hocuspocus-server.mjs'), { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  await new Promise((resolve) => server.on('message', resolve));
  const url = `ws://127.0.0.1:${port}`;
  const track = tracker();
  const providers = [];
  for (let i = 0; i < EDITORS; i++) {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ url, name: 'bench', document: doc, WebSocketPolyfill: WebSocket });
    await new Promise((resolve) => provider.on('synced', resolve));
    doc.on('update', (update, origin) => (origin === provider ? track.received(update) : track.sent(update)));
    providers.push(provider);
  }
  const first = providers[0].document;
  first.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('')]);
    first.getXmlFragment('default').insert(0, [paragraph]);
  });
  await sleep(1000);
  const typed = await typeFor(providers.map((p) => p.document));
  const rss = rssMb(server.pid);
  providers.forEach((p) => p.destroy());

  // Five connections share the documents, as our run does (Hocuspocus multiplexes documents per socket).
  const sockets = Array.from({ length: 5 }, () => new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket }));
  const many = [];
  for (let i = 0; i < DOCS; i++) {
    const provider = new HocuspocusProvider({ websocketProvider: sockets[i % sockets.length], name: `memory-${i}`, document: new Y.Doc() });
    provider.attach?.();
    many.push(provider);
  }
  await Promise.all(many.map((p) => new Promise((resolve) => (p.isSynced ? resolve() : p.on('synced', resolve)))));
  await sleep(500);
  const rss500 = rssMb(server.pid);
  server.kill('SIGTERM');
  await sleep(200);
  many.forEach((p) => p.destroy());
  return summarise('@hocuspocus/server 3.4 (in-memory)', typed, track.latencies, rss, rss500);
}

await benchmark(async () => {
  const postgres = await startPostgres();
  console.log(`collaboration benchmark: ${EDITORS} editors, ${SECONDS}s, one keystroke per editor every ${INTERVAL_MS} ms; memory with ${DOCS} open documents`);
  const ours = await runOurs(postgres.databaseUrl);
  const peer = await runHocuspocus();
  const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
  const rows = [
    ['updates/s (typed)', 'updatesPerSecond', 0],
    ['deliveries/s (fan-out)', 'deliveriesPerSecond', 0],
    ['fan-out latency p50 (ms)', 'p50', 1],
    ['fan-out latency p95 (ms)', 'p95', 1],
    ['fan-out latency p99 (ms)', 'p99', 1],
    [`server RSS, ${EDITORS} editors (MB)`, 'rssMb', 0],
    [`server RSS, ${DOCS} open docs (MB)`, 'rss500DocsMb', 0],
  ];
  console.log(`\n| metric | simashe | hocuspocus | simashe ÷ hocuspocus |\n| --- | --- | --- | --- |`);
  for (const [label, key, digits] of rows) {
    console.log(`| ${label} | ${fmt(ours[key], digits)} | ${fmt(peer[key], digits)} | ${fmt(ours[key] / peer[key], 2)} |`);
  }
});
