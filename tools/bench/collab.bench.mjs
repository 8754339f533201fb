// `npm run bench:collab` — not a test: prints figures for the real-time collaboration server and, from the
// same run and the same workload, for @hocuspocus/server, with ours as ratios to its.
//   1. BENCH_EDITORS (50) editors type into one document for BENCH_SECONDS (10), one keystroke every
//      BENCH_INTERVAL_MS (250) each: fan-out latency (author's keystroke → each other editor) and
//      acknowledgement latency (keystroke → the server says it is stored; Hocuspocus: says it is applied).
//   2. BENCH_SPREAD_EDITORS (200) editors over BENCH_SPREAD_DOCS (20) documents, same typing.
//   3. The large-document stall: 20 editors type into 2 documents while a document of BENCH_LARGE_CHARS
//      (2,000,000) characters is opened (loaded, then its initial sync encoded for a joiner), against the same
//      typing with nothing else happening; the ratio of the two fan-out p99s must stay ≤ 2.
//   4. Memory: BENCH_DOCS (500) documents held open.
// Each server first gets BENCH_WARMUP_SECONDS (4) of the 50-editor typing, not measured.
// Ours stores every update in PostgreSQL (synchronous_commit on) before acknowledging it; the Hocuspocus peer
// keeps documents in memory only, so the ratio includes the price of durability.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { benchmark, connect, freePort, percentile, root, rss as processMemory, setting, signIn, sleep, startApi, startPostgres } from './bench-support.mjs';

const EDITORS = setting('BENCH_EDITORS', 50, 5);
const SECONDS = setting('BENCH_SECONDS', 10, 2);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 250);
const SPREAD_EDITORS = setting('BENCH_SPREAD_EDITORS', 200, 10);
const SPREAD_DOCS = setting('BENCH_SPREAD_DOCS', 20, 2);
const STALL_EDITORS = setting('BENCH_STALL_EDITORS', 20, 4);
const LARGE_CHARS = setting('BENCH_LARGE_CHARS', 2_000_000, 50_000);
const STALL_SECONDS = setting('BENCH_STALL_SECONDS', 6, 2);
const DOCS = setting('BENCH_DOCS', 500, 20);
// A discarded warm-up round per server before anything is measured: without it the first peer measured pays for
// its own JIT compilation and for this client's (Yjs, the socket clients), and the second peer does not.
const WARMUP_SECONDS = setting('BENCH_WARMUP_SECONDS', 4, 1);
// Memory is read twice with the documents open: 0.5 s after the last one opened (garbage from opening them not yet
// collected) and after BENCH_SETTLE_SECONDS (15) of quiet, when V8's memory reducer has run: what a server holding
// them for hours keeps.
const SETTLE_SECONDS = setting('BENCH_SETTLE_SECONDS', 15, 2);

const rssMb = (pid) => processMemory(pid).rss;
const base64 = (bytes) => Buffer.from(bytes).toString('base64');

/** Latency bookkeeping: a struct id (client:clock) → when its author sent it; acknowledgements timed per send. */
function tracker() {
  const sentAt = new Map();
  const fanOut = [];
  const acks = [];
  return {
    sent(update) {
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) sentAt.set(`${struct.id.client}:${struct.id.clock}`, now);
      return now;
    },
    received(update) {
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        const at = sentAt.get(`${struct.id.client}:${struct.id.clock}`);
        if (at !== undefined) fanOut.push(now - at);
      }
    },
    acknowledged(at) {
      acks.push(performance.now() - at);
    },
    fanOut,
    acks,
  };
}

/** A paragraph with one text node, for everyone in a document to type into. */
function addParagraph(doc) {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('')]);
    doc.getXmlFragment('default').insert(0, [paragraph]);
  });
}

/** Every editor types one character at a time at the end of its document's first paragraph. */
async function typeFor(docs, seconds = SECONDS, during = async () => undefined) {
  let typed = 0;
  const started = performance.now();
  const timers = docs.map((doc, index) =>
    setTimeout(function tick() {
      if (performance.now() - started > seconds * 1000) return;
      const text = doc.getXmlFragment('default').get(0)?.get(0);
      if (text instanceof Y.XmlText) {
        text.insert(text.length, String.fromCharCode(97 + (index % 26)));
        typed++;
      }
      timers[index] = setTimeout(tick, INTERVAL_MS);
    }, (index * INTERVAL_MS) / docs.length),
  );
  await during();
  await sleep(Math.max(0, seconds * 1000 + 1500 - (performance.now() - started)));
  timers.forEach(clearTimeout);
  return typed;
}

/** Opens the large document from another process (see collab-reader.mjs); resolves with the time it took. */
function readLarge(env) {
  const reader = fork(join(root, 'tools/bench/collab-reader.mjs'), { env: { ...process.env, ...env }, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    reader.on('message', (message) => (message.error ? reject(new Error(`opening the large document failed: ${message.error}`)) : resolve(message.openedIn)));
    reader.on('exit', (code) => code !== 0 && reject(new Error(`the reader exited with ${code}`)));
  });
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), count: sorted.length };
}

/** A report-like document of about `chars` characters: paragraphs of 500, written by 20 authors in turn. */
function largeDocument(chars) {
  const doc = new Y.Doc();
  const words = 'health equity housing community budget transport clinics schools water sanitation participation monitoring'.split(' ');
  let written = 0;
  for (let n = 0; written < chars; n++) {
    doc.clientID = 1000 + (n % 20);
    let line = '';
    while (line.length < 500) line += `${words[(n * 7 + line.length) % words.length]} `;
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      const fragment = doc.getXmlFragment('default');
      fragment.insert(fragment.length, [paragraph]);
    });
    written += line.length;
  }
  return Y.encodeStateAsUpdate(doc);
}

/**
 * The typing scenarios, the same for both servers: `session(editors, documents, track)` opens editors over new
 * documents, `closeAll()` closes them, `pid` is the server's process, `openLarge()` opens the large document from
 * another process and resolves with the time it took.
 */
async function scenarios({ session, closeAll, pid, openLarge }) {
  const result = {};
  await typeFor(await session(EDITORS, 1, tracker()), WARMUP_SECONDS);
  closeAll();
  for (const [key, editors, documents] of [
    ['one', EDITORS, 1],
    ['spread', SPREAD_EDITORS, SPREAD_DOCS],
  ]) {
    const track = tracker();
    const docs = await session(editors, documents, track);
    const typed = await typeFor(docs);
    result[key] = { typed, track, rss: rssMb(pid) };
    closeAll();
  }
  const quiet = tracker();
  await typeFor(await session(STALL_EDITORS, 2, quiet), STALL_SECONDS);
  closeAll();
  const loaded = tracker();
  const loadedDocs = await session(STALL_EDITORS, 2, loaded);
  let openedIn = 0;
  await typeFor(loadedDocs, STALL_SECONDS, async () => {
    await sleep((STALL_SECONDS * 1000) / 3);
    openedIn = await openLarge();
  });
  result.stall = { quiet: stats(quiet.fanOut), loaded: stats(loaded.fanOut), openedIn };
  closeAll();
  return result;
}

async function runOurs(databaseUrl, large) {
  // BENCH_CPU_PROF=<dir> profiles the API (node --cpu-prof); BENCH_API_NODE_ARGS adds other flags (e.g. --trace-gc).
  const profile = [
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  const { api, base } = await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0' }, profile);
  const { cookie, csrfToken } = await signIn(base, 'kenya.editor@demo.simashe.org');
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const organisationId = (await (await fetch(`${base}/api/organisations`, { headers })).json()).items[0].id;
  const templateId = (await (await fetch(`${base}/api/report-templates`, { headers })).json()).items.find((t) => t.name === 'Blank report').id;
  const createReport = async (title) =>
    (await (await fetch(`${base}/api/reports`, { method: 'POST', headers, body: JSON.stringify({ organisationId, title, periodStart: '2026-01-01', periodEnd: '2026-12-31', templateId }) })).json()).id;
  const sockets = [];
  const openEditor = async (documentId, track) => {
    const doc = new Y.Doc();
    const socket = io(`${base}/collaboration`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true });
    sockets.push(socket);
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
      const at = track.sent(update);
      socket.emit('update', { kind: 'report', documentId, update: base64(update) }, (reply) => reply?.ok && track.acknowledged(at));
    });
    return doc;
  };
  const closeAll = () => sockets.splice(0).forEach((socket) => socket.close());
  /** `editors` editors over `documents` new reports, each report with its paragraph. */
  const session = async (editors, documents, track) => {
    const ids = [];
    for (let d = 0; d < documents; d++) ids.push(await createReport(`Benchmark ${d}`));
    const docs = [];
    for (let i = 0; i < editors; i++) docs.push(await openEditor(ids[i % documents], track));
    for (let d = 0; d < documents; d++) addParagraph(docs[d]);
    await sleep(1000);
    return docs;
  };

  // The large document is written straight into the store, as if typed long ago and compacted.
  const largeId = await createReport('Large');
  const db = await connect(databaseUrl);
  await db.query('UPDATE collab_snapshots SET state = $1 WHERE document_id = $2', [Buffer.from(large), largeId]);
  await db.end();
  const result = {
    server: 'simashe (socket.io + PostgreSQL)',
    ...(await scenarios({
      session,
      closeAll,
      pid: api.pid,
      openLarge: () => readLarge({ READER_SERVER: 'simashe', READER_URL: base, READER_COOKIE: cookie, READER_DOCUMENT: largeId }),
    })),
  };

  const reports = [];
  for (let i = 0; i < DOCS; i++) reports.push(await createReport(`Memory ${i}`));
  const holders = Array.from({ length: 5 }, () => io(`${base}/collaboration`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true }));
  await Promise.all(holders.map((socket) => new Promise((resolve) => socket.on('connect', resolve))));
  await Promise.all(reports.slice(0, DOCS).map((id, i) => holders[i % holders.length].emitWithAck('join', { kind: 'report', documentId: id, stateVector: Y.encodeStateVector(new Y.Doc()) })));
  await sleep(500);
  result.rss500 = rssMb(api.pid);
  await sleep(SETTLE_SECONDS * 1000);
  result.rss500settled = rssMb(api.pid);
  holders.forEach((socket) => socket.close());
  api.kill('SIGTERM');
  return result;
}

async function runHocuspocus(large) {
  const port = await freePort();
  const file = join(mkdtempSync(join(tmpdir(), 'hocuspocus-bench-')), 'large.bin');
  writeFileSync(file, large);
  // BENCH_PEER_CPU_PROF=<dir> profiles the Hocuspocus server the same way as ours.
  const execArgv = process.env.BENCH_PEER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PEER_CPU_PROF}`] : [];
  const server = fork(join(root, 'tools/bench/hocuspocus-server.mjs'), { env: { ...process.env, PORT: String(port), LARGE_DOCUMENT: file }, stdio: 'ignore', execArgv });
  await new Promise((resolve) => server.on('message', resolve));
  const url = `ws://127.0.0.1:${port}`;
  const providers = [];
  const openEditor = async (name, track) => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ url, name, document: doc, WebSocketPolyfill: WebSocket });
    await new Promise((resolve) => provider.on('synced', resolve));
    // The server answers each applied update with a sync status, in order: acknowledgement times, first in first out.
    const waiting = [];
    provider.on('unsyncedChanges', ({ number }) => {
      while (waiting.length > number) track.acknowledged(waiting.shift());
    });
    doc.on('update', (update, origin) => (origin === provider ? track.received(update) : waiting.push(track.sent(update))));
    providers.push(provider);
    return doc;
  };
  const closeAll = () => providers.splice(0).forEach((p) => p.destroy());
  let sessionNumber = 0;
  const session = async (editors, documents, track) => {
    const names = Array.from({ length: documents }, (_, d) => `bench-${sessionNumber}-${d}`);
    sessionNumber++;
    const docs = [];
    for (let i = 0; i < editors; i++) docs.push(await openEditor(names[i % documents], track));
    for (let d = 0; d < documents; d++) addParagraph(docs[d]);
    await sleep(1000);
    return docs;
  };

  const result = {
    server: '@hocuspocus/server 3.4 (in-memory)',
    ...(await scenarios({ session, closeAll, pid: server.pid, openLarge: () => readLarge({ READER_SERVER: 'hocuspocus', READER_URL: url, READER_DOCUMENT: 'large' }) })),
  };

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
  result.rss500 = rssMb(server.pid);
  await sleep(SETTLE_SECONDS * 1000);
  result.rss500settled = rssMb(server.pid);
  server.kill('SIGTERM');
  await sleep(200);
  many.forEach((p) => p.destroy());
  return result;
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function scenarioRows(label, editors, ours, peer) {
  const rows = [];
  for (const [name, key] of [
    ['fan-out', 'fanOut'],
    ['acknowledgement', 'acks'],
  ]) {
    const a = stats(ours.track[key]);
    const b = stats(peer.track[key]);
    for (const p of ['p50', 'p95', 'p99']) rows.push([`${label}: ${name} ${p} (ms)`, a[p], b[p], 1]);
  }
  rows.push([`${label}: updates/s (typed)`, ours.typed / SECONDS, peer.typed / SECONDS, 0]);
  rows.push([`${label}: deliveries/s`, ours.track.fanOut.length / SECONDS, peer.track.fanOut.length / SECONDS, 0]);
  rows.push([`${label}: server RSS, ${editors} editors (MB)`, ours.rss, peer.rss, 0]);
  return rows;
}

await benchmark(async () => {
  const postgres = await startPostgres();
  console.log(
    `collaboration benchmark: ${EDITORS} editors on one document and ${SPREAD_EDITORS} over ${SPREAD_DOCS}, ${SECONDS}s each, one keystroke per editor every ${INTERVAL_MS} ms; ` +
      `a ${LARGE_CHARS.toLocaleString('en')}-character document opened while ${STALL_EDITORS} editors type; memory with ${DOCS} open documents`,
  );
  const t0 = performance.now();
  const large = largeDocument(LARGE_CHARS);
  console.log(`large document: ${(large.byteLength / 1e6).toFixed(1)} MB as a Yjs update (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const ours = await runOurs(postgres.databaseUrl, large);
  const peer = await runHocuspocus(large);
  const rows = [
    ...scenarioRows(`${EDITORS} editors, 1 document`, EDITORS, ours.one, peer.one),
    ...scenarioRows(`${SPREAD_EDITORS} editors, ${SPREAD_DOCS} documents`, SPREAD_EDITORS, ours.spread, peer.spread),
    [`stall: fan-out p99, typing alone (ms)`, ours.stall.quiet.p99, peer.stall.quiet.p99, 1],
    [`stall: fan-out p99, while the large document opens (ms)`, ours.stall.loaded.p99, peer.stall.loaded.p99, 1],
    [`stall: p99 while opening ÷ p99 alone`, ours.stall.loaded.p99 / ours.stall.quiet.p99, peer.stall.loaded.p99 / peer.stall.quiet.p99, 2],
    [`stall: large document opened in (ms)`, ours.stall.openedIn, peer.stall.openedIn, 0],
    [`server RSS, ${DOCS} open documents, 0.5 s after opening (MB)`, ours.rss500, peer.rss500, 0],
    [`server RSS, ${DOCS} open documents, after ${SETTLE_SECONDS} s quiet (MB)`, ours.rss500settled, peer.rss500settled, 0],
  ];
  console.log(`\n| metric | simashe | hocuspocus | simashe ÷ hocuspocus |\n| --- | --- | --- | --- |`);
  for (const [label, a, b, digits] of rows) console.log(`| ${label} | ${fmt(a, digits)} | ${fmt(b, digits)} | ${fmt(a / b, 2)} |`);
  const fanOutP99 = stats(ours.one.track.fanOut).p99 / stats(peer.one.track.fanOut).p99;
  const ackP99 = stats(ours.one.track.acks).p99;
  const stall = ours.stall.loaded.p99 / ours.stall.quiet.p99;
  const memory = ours.rss500settled / peer.rss500settled;
  console.log(`\ngoals (${EDITORS} editors): fan-out p99 ≤ 1.0× Hocuspocus's: ${fanOutP99 <= 1 ? 'met' : 'not met'} (${fmt(fanOutP99, 2)}×)`);
  console.log(`acknowledgement p99 ≤ 50 ms: ${ackP99 <= 50 ? 'met' : 'not met'} (${fmt(ackP99)} ms)`);
  console.log(`large document raises others' fan-out p99 ≤ 2×: ${stall <= 2 ? 'met' : 'not met'} (${fmt(stall, 2)}×)`);
  console.log(`RSS at ${DOCS} open documents (after ${SETTLE_SECONDS} s quiet) ≤ 1.5× Hocuspocus's: ${memory <= 1.5 ? 'met' : 'not met'} (${fmt(memory, 2)}×; 0.5 s after opening: ${fmt(ours.rss500 / peer.rss500, 2)}×)`);
  if (ours.one.track.fanOut.length === 0 || ours.one.track.acks.length === 0) throw new Error('no update reached another editor or was acknowledged');
});
