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
// Both servers run side by side; scenarios 1, 2 and 3 are run in BENCH_ROUNDS (3) rounds per server, the servers
// taking turns. Each server first gets BENCH_WARMUP_SECONDS (4) of the 50-editor typing, not measured. Our API is
// started once to seed the demo workspace, then again over that data: the second start is the one measured.
// Ours stores every update in PostgreSQL (synchronous_commit on) before acknowledging it; the Hocuspocus peer
// keeps documents in memory only, so the ratio includes the price of durability.
// A third server, the transport floor (socketio-floor-server.mjs), types the two typing scenarios in the same rounds:
// a bare socket.io server doing with each change what Hocuspocus does, nothing of ours, so that the run shows how
// far the fixed stack's transport alone is from the peer, and ours from that floor.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { atExit, benchmark, connect, cpuSeconds, envList, freePort, percentile, root, rss as processMemory, setting, signIn, sleep, startApi, startPostgres, stopApi } from './bench-support.mjs';

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
// Rounds per server of each typing scenario, the two servers taking turns (see `scenarios`).
const ROUNDS = setting('BENCH_ROUNDS', 3, 1);
// Memory is read twice with the documents open: 0.5 s after the last one opened (garbage from opening them not yet
// collected) and after BENCH_SETTLE_SECONDS (30) of quiet, when V8's memory reducer has run: what a server holding
// them for hours keeps. (After 15 s, as before, it often had not: it looks at an idle heap every 8 s or so, and the
// servers' RSS fell between 15 and 30 s in some runs, by 25 MB for ours and 10–30 MB for the peer.)
const SETTLE_SECONDS = setting('BENCH_SETTLE_SECONDS', 30, 2);

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

/** Servers stopped by `alone`: continued however this process ends (a server left stopped would hold its port). */
const stopped = new Set();
const continueStopped = () => {
  for (const pid of stopped) {
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      // it has ended meanwhile
    }
  }
  stopped.clear();
};
process.on('exit', continueStopped);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    continueStopped();
    process.kill(process.pid, signal);
  });

/**
 * Runs `work` with every server but `server` stopped (SIGSTOP), and continues them after. The editors of the
 * stopped ones were closed before; what the stopped server had not read waits in the kernel's buffers.
 */
async function alone(servers, server, work) {
  const others = servers.filter((other) => other !== server);
  try {
    for (const other of others) {
      process.kill(other.pid, 'SIGSTOP');
      stopped.add(other.pid);
    }
    await work();
  } finally {
    continueStopped();
    // Each continued server reads the closing of its editors' connections before anything else happens.
    await sleep(500);
  }
}

/** The servers' indexes in the order they take `round`: who goes first alternates. */
const turnOrder = (servers, round) => (round % 2 === 0 ? servers.map((_, i) => i) : servers.map((_, i) => servers.length - 1 - i));

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

/** CPU seconds used so far by PostgreSQL: its live processes, and through the postmaster's count of its ended children. */
function postgresCpuSeconds() {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) continue;
      // /proc/<pid>/stat after the command: utime, stime, cutime, cstime are fields 14 to 17, in clock ticks.
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
      // the process ended while being read
    }
  }
  return total;
}

/** Where the CPU went while `run` ran: the server, this client process (the editors) and PostgreSQL, in seconds. */
async function cpuDuring(pid, run) {
  const before = { server: cpuSeconds(pid), client: process.cpuUsage(), postgres: postgresCpuSeconds() };
  const value = await run();
  const client = process.cpuUsage(before.client);
  return { value, cpu: { server: cpuSeconds(pid) - before.server, client: (client.user + client.system) / 1e6, postgres: postgresCpuSeconds() - before.postgres } };
}

/** The 50-editor and 200-editor scenarios; each is typed in ROUNDS rounds per server, the two servers taking turns. */
const SCENARIOS = [
  ['one', EDITORS, 1],
  ['spread', SPREAD_EDITORS, SPREAD_DOCS],
];

/**
 * The typing scenarios, the same for both servers, which run side by side: a server is `{ session, closeAll, pid,
 * openLarge }`, where `session(editors, documents, track)` opens editors over new documents, `closeAll()` closes
 * them and `openLarge()` opens the large document from another process and resolves with the time it took. The
 * timed scenarios alternate between the servers round by round (who goes first alternates too), so that a noisy
 * moment on this shared machine (PostgreSQL's checkpoint) falls on both alike; each server's figures pool its
 * rounds. While one server types, the other is stopped (SIGSTOP, `alone`): neither's own background work (V8's
 * memory reducer, our collection when quiet, timers) runs on the cores during the other's round. PostgreSQL is not
 * stopped: its background work caused by our writes (checkpoints, autovacuum) may still fall on the peer's rounds.
 */
async function scenarios(servers) {
  const results = servers.map(() => ({}));
  for (const server of servers) {
    await alone(servers, server, async () => {
      await typeFor(await server.session(EDITORS, 1, tracker()), WARMUP_SECONDS);
      server.closeAll();
    });
  }
  for (const [key, editors, documents] of SCENARIOS) {
    servers.forEach((_, i) => (results[i][key] = { typed: 0, fanOut: [], acks: [], cpu: { server: 0, client: 0, postgres: 0 }, roundP99: [] }));
    for (let round = 0; round < ROUNDS; round++) {
      const order = turnOrder(servers, round);
      for (const i of order) {
        const server = servers[i];
        await alone(servers, server, async () => {
          const track = tracker();
          const docs = await server.session(editors, documents, track);
          const { value: typed, cpu } = await cpuDuring(server.pid, () => typeFor(docs));
          const into = results[i][key];
          into.typed += typed;
          into.fanOut.push(...track.fanOut);
          into.acks.push(...track.acks);
          for (const part of Object.keys(cpu)) into.cpu[part] += cpu[part] / ROUNDS;
          into.roundP99.push(stats(track.fanOut).p99);
          into.rss = rssMb(server.pid);
          server.closeAll();
        });
      }
    }
  }
  // The stall test in rounds too, taking turns: once per server, one noisy moment (a reader process starting, a
  // collection) decided the verdict; in one-round runs its ratio ranged from 0.94× to 5.34×.
  const stall = servers.map(() => ({ quiet: [], loaded: [], openedIn: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    const order = turnOrder(servers, round);
    for (const i of order) {
      const server = servers[i];
      if (server.typingOnly) continue;
      await alone(servers, server, async () => {
        const quiet = tracker();
        await typeFor(await server.session(STALL_EDITORS, 2, quiet), STALL_SECONDS);
        server.closeAll();
        const loaded = tracker();
        const loadedDocs = await server.session(STALL_EDITORS, 2, loaded);
        await typeFor(loadedDocs, STALL_SECONDS, async () => {
          await sleep((STALL_SECONDS * 1000) / 3);
          stall[i].openedIn.push(await server.openLarge());
        });
        stall[i].quiet.push(...quiet.fanOut);
        stall[i].loaded.push(...loaded.fanOut);
        server.closeAll();
      });
    }
  }
  stall.forEach(({ quiet, loaded, openedIn }, i) => {
    if (servers[i].typingOnly) return;
    results[i].stall = { quiet: stats(quiet), loaded: stats(loaded), openedIn: openedIn.reduce((a, b) => a + b, 0) / openedIn.length };
  });
  return results;
}

/** RSS of a server with nothing open, read after a few seconds of quiet. */
async function idleRss(pid) {
  await sleep(3000);
  return rssMb(pid);
}

/**
 * Editors over socket.io, as the web app's provider talks to the collaboration namespace: a join with the state
 * vector, then each change as an `update` event acknowledged by the server. `newDocument(title)` makes a document
 * and resolves with its id. Used for our API and for the transport floor.
 */
function socketIoEditors(base, options, newDocument) {
  const sockets = [];
  const openEditor = async (documentId, track) => {
    const doc = new Y.Doc();
    const socket = io(`${base}/collaboration`, { transports: ['websocket'], forceNew: true, ...options });
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
  /** `editors` editors over `documents` new documents, each with its paragraph. */
  const session = async (editors, documents, track) => {
    const ids = [];
    for (let d = 0; d < documents; d++) ids.push(await newDocument(`Benchmark ${d}`));
    const docs = [];
    for (let i = 0; i < editors; i++) docs.push(await openEditor(ids[i % documents], track));
    for (let d = 0; d < documents; d++) addParagraph(docs[d]);
    await sleep(1000);
    return docs;
  };
  return { session, closeAll: () => sockets.splice(0).forEach((socket) => socket.close()) };
}

/**
 * The transport floor (socketio-floor-server.mjs): a bare socket.io server that applies, passes on and answers each
 * change as Hocuspocus does, with nothing of ours. Typed to by the same editors as our API, in the same rounds.
 */
async function startFloor() {
  const port = await freePort();
  const server = fork(join(root, 'tools/bench/socketio-floor-server.mjs'), { env: { ...process.env, PORT: String(port) }, stdio: 'ignore', execArgv: envList('BENCH_FLOOR_NODE_ARGS') });
  atExit(async () => {
    if (server.exitCode === null) server.kill('SIGCONT'), server.kill('SIGTERM');
  });
  await new Promise((resolve) => server.on('message', resolve));
  let made = 0;
  return {
    pid: server.pid,
    typingOnly: true,
    ...socketIoEditors(`http://127.0.0.1:${port}`, {}, async () => `floor-${made++}`),
    stop: async () => {
      server.kill('SIGTERM');
      await sleep(200);
    },
  };
}

/**
 * Our API on `databaseUrl`. It is started twice: the first start seeds the demo workspace (its sign-ins are used
 * here) and is stopped; the measured process is the second, a server restarted over existing data, as in
 * production, so the one-off cost of seeding (about 15 MB of RSS, e.g. the PNG renderer for the demo picture) is
 * not counted as the collaboration's.
 */
async function startOurs(databaseUrl, large) {
  const seeding = await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0' });
  await stopApi(seeding.api);
  // BENCH_CPU_PROF=<dir> profiles the API (node --cpu-prof); BENCH_API_NODE_ARGS adds other flags (e.g. --trace-gc).
  const profile = [
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ...envList('BENCH_API_NODE_ARGS'),
  ];
  const { api, base } = await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0' }, profile);
  const idle = await idleRss(api.pid);
  const { cookie, csrfToken } = await signIn(base, 'kenya.editor@demo.simashe.org');
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const organisationId = (await (await fetch(`${base}/api/organisations`, { headers })).json()).items[0].id;
  const templateId = (await (await fetch(`${base}/api/report-templates`, { headers })).json()).items.find((t) => t.name === 'Blank report').id;
  const createReport = async (title) =>
    (await (await fetch(`${base}/api/reports`, { method: 'POST', headers, body: JSON.stringify({ organisationId, title, periodStart: '2026-01-01', periodEnd: '2026-12-31', templateId }) })).json()).id;
  const editors = socketIoEditors(base, { extraHeaders: { cookie } }, createReport);
  // The large document is written straight into the store, as if typed long ago and compacted.
  const largeId = await createReport('Large');
  const db = await connect(databaseUrl);
  await db.query('UPDATE collab_snapshots SET state = $1 WHERE document_id = $2', [Buffer.from(large), largeId]);
  await db.end();
  /** Holds `count` new reports open over five connections; resolves with a function that closes them. */
  const holdDocuments = async (count) => {
    const reports = [];
    for (let i = 0; i < count; i++) reports.push(await createReport(`Memory ${i}`));
    const holders = Array.from({ length: 5 }, () => io(`${base}/collaboration`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true }));
    await Promise.all(holders.map((socket) => new Promise((resolve) => socket.on('connect', resolve))));
    await Promise.all(reports.map((id, i) => holders[i % holders.length].emitWithAck('join', { kind: 'report', documentId: id, stateVector: Y.encodeStateVector(new Y.Doc()) })));
    return () => holders.forEach((socket) => socket.close());
  };
  return {
    pid: api.pid,
    idle,
    ...editors,
    openLarge: () => readLarge({ READER_SERVER: 'simashe', READER_URL: base, READER_COOKIE: cookie, READER_DOCUMENT: largeId }),
    holdDocuments,
    stop: () => stopApi(api),
  };
}

async function startHocuspocus(large) {
  const port = await freePort();
  const file = join(mkdtempSync(join(tmpdir(), 'hocuspocus-bench-')), 'large.bin');
  writeFileSync(file, large);
  // BENCH_PEER_CPU_PROF=<dir> profiles the Hocuspocus server the same way as ours.
  const execArgv = [
    ...(process.env.BENCH_PEER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PEER_CPU_PROF}`] : []),
    ...envList('BENCH_PEER_NODE_ARGS'),
  ];
  const server = fork(join(root, 'tools/bench/hocuspocus-server.mjs'), { env: { ...process.env, PORT: String(port), LARGE_DOCUMENT: file }, stdio: 'ignore', execArgv });
  atExit(async () => {
    if (server.exitCode === null) server.kill('SIGCONT'), server.kill('SIGTERM');
  });
  await new Promise((resolve) => server.on('message', resolve));
  const idle = await idleRss(server.pid);
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
  // Five connections share the documents, as our run does (Hocuspocus multiplexes documents per socket).
  const holdDocuments = async (count) => {
    const sockets = Array.from({ length: 5 }, () => new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket }));
    const many = [];
    for (let i = 0; i < count; i++) {
      const provider = new HocuspocusProvider({ websocketProvider: sockets[i % sockets.length], name: `memory-${i}`, document: new Y.Doc() });
      provider.attach?.();
      many.push(provider);
    }
    await Promise.all(many.map((p) => new Promise((resolve) => (p.isSynced ? resolve() : p.on('synced', resolve)))));
    return () => many.forEach((p) => p.destroy());
  };
  return {
    pid: server.pid,
    idle,
    session,
    closeAll: () => providers.splice(0).forEach((p) => p.destroy()),
    openLarge: () => readLarge({ READER_SERVER: 'hocuspocus', READER_URL: url, READER_DOCUMENT: 'large' }),
    holdDocuments,
    stop: async () => {
      server.kill('SIGTERM');
      await sleep(200);
    },
  };
}

/**
 * RSS of each server just before DOCS documents are opened on it, 0.5 s after the last one opened, and after
 * SETTLE_SECONDS of quiet. Both servers hold their documents at once and are read at the same moments, so that
 * neither gets more idle time than the other for V8 to give memory back.
 */
async function memoryWithDocuments(servers) {
  await sleep(3000);
  const before = servers.map((server) => rssMb(server.pid));
  const releases = [];
  for (const server of servers) releases.push(await server.holdDocuments(DOCS));
  await sleep(500);
  const opened = servers.map((server) => rssMb(server.pid));
  // Read every 5 s of the quiet too: V8's memory reducer looks at an idle heap every 8 s or so, so when the memory
  // is given back differs from run to run and server to server.
  const quiet = servers.map(() => []);
  for (let waited = 0; waited < SETTLE_SECONDS; waited += 5) {
    await sleep(Math.min(5, SETTLE_SECONDS - waited) * 1000);
    servers.forEach((server, i) => quiet[i].push(rssMb(server.pid)));
  }
  const settled = servers.map((server) => processMemory(server.pid));
  // BENCH_HEAP_SNAPSHOT=<dir> (each server's /proc/<pid>/smaps is copied there) with BENCH_API_NODE_ARGS="--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=<dir>": what our
  // server holds at this moment, written to <dir>.
  if (process.env.BENCH_HEAP_SNAPSHOT) {
    for (const server of servers) writeFileSync(join(process.env.BENCH_HEAP_SNAPSHOT, `smaps-${server.pid}.txt`), readFileSync(`/proc/${server.pid}/smaps`));
    // Without the flag, SIGUSR2 would end the API.
    if (process.env.BENCH_API_NODE_ARGS?.includes('--heapsnapshot-signal=SIGUSR2')) {
      process.kill(servers[0].pid, 'SIGUSR2');
      await sleep(30_000);
    }
  }
  releases.forEach((release) => release());
  return servers.map((_, i) => ({ before: before[i], opened: opened[i], settled: settled[i].rss, anonymous: settled[i].anonymous, quiet: quiet[i] }));
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function scenarioRows(label, editors, ours, peer) {
  const rows = [];
  for (const [name, key] of [
    ['fan-out', 'fanOut'],
    ['acknowledgement', 'acks'],
  ]) {
    const a = stats(ours[key]);
    const b = stats(peer[key]);
    for (const p of ['p50', 'p95', 'p99']) rows.push([`${label}: ${name} ${p} (ms)`, a[p], b[p], 1]);
  }
  const seconds = SECONDS * ROUNDS;
  rows.push([`${label}: updates/s (typed)`, ours.typed / seconds, peer.typed / seconds, 0]);
  rows.push([`${label}: deliveries/s`, ours.fanOut.length / seconds, peer.fanOut.length / seconds, 0]);
  rows.push([`${label}: server RSS, ${editors} editors (MB)`, ours.rss, peer.rss, 0]);
  // CPU seconds per round (SECONDS of typing + 1.5 s), on a machine whose cores the server, the editors and PostgreSQL share.
  for (const [name, key] of [
    ['server', 'server'],
    ['editors (this process)', 'client'],
    ['PostgreSQL', 'postgres'],
  ])
    rows.push([`${label}: CPU s per round, ${name}`, ours.cpu[key], peer.cpu[key], 1]);
  return rows;
}

await benchmark(async () => {
  const postgres = await startPostgres();
  console.log(
    `collaboration benchmark: ${EDITORS} editors on one document and ${SPREAD_EDITORS} over ${SPREAD_DOCS}, ${ROUNDS} rounds of ${SECONDS}s per server, the servers taking turns, one keystroke per editor every ${INTERVAL_MS} ms; ` +
      `a ${LARGE_CHARS.toLocaleString('en')}-character document opened while ${STALL_EDITORS} editors type; memory with ${DOCS} open documents`,
  );
  const t0 = performance.now();
  const large = largeDocument(LARGE_CHARS);
  console.log(`large document: ${(large.byteLength / 1e6).toFixed(1)} MB as a Yjs update (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const servers = [await startOurs(postgres.databaseUrl, large), await startHocuspocus(large), await startFloor()];
  const [ours, peer, floor] = await scenarios(servers);
  const [oursMemory, peerMemory] = await memoryWithDocuments(servers.slice(0, 2));
  for (const server of servers) await server.stop();
  const rows = [
    ...scenarioRows(`${EDITORS} editors, 1 document`, EDITORS, ours.one, peer.one),
    ...scenarioRows(`${SPREAD_EDITORS} editors, ${SPREAD_DOCS} documents`, SPREAD_EDITORS, ours.spread, peer.spread),
    [`stall: fan-out p99, typing alone (ms)`, ours.stall.quiet.p99, peer.stall.quiet.p99, 1],
    [`stall: fan-out p99, while the large document opens (ms)`, ours.stall.loaded.p99, peer.stall.loaded.p99, 1],
    [`stall: p99 while opening ÷ p99 alone`, ours.stall.loaded.p99 / ours.stall.quiet.p99, peer.stall.loaded.p99 / peer.stall.quiet.p99, 2],
    [`stall: large document opened in (ms, mean)`, ours.stall.openedIn, peer.stall.openedIn, 0],
    [`server RSS, idle after starting, nothing open (MB)`, servers[0].idle, servers[1].idle, 0],
    [`server RSS, ${DOCS} open documents, 0.5 s after opening (MB)`, oursMemory.opened, peerMemory.opened, 0],
    [`server RSS, ${DOCS} open documents, after ${SETTLE_SECONDS} s quiet (MB)`, oursMemory.settled, peerMemory.settled, 0],
    [`of which anonymous memory (V8's heap, malloc) (MB)`, oursMemory.anonymous, peerMemory.anonymous, 0],
    [`server RSS added by ${DOCS} open documents, after the quiet (MB)`, oursMemory.settled - oursMemory.before, peerMemory.settled - peerMemory.before, 0],
  ];
  console.log(`\n| metric | simashe | hocuspocus | simashe ÷ hocuspocus |\n| --- | --- | --- | --- |`);
  for (const [label, a, b, digits] of rows) console.log(`| ${label} | ${fmt(a, digits)} | ${fmt(b, digits)} | ${fmt(a / b, 2)} |`);
  // The transport floor: how far the fixed stack's transport alone is from the peer, and ours from it.
  console.log(`\ntransport floor: a bare socket.io server (socketio-floor-server.mjs: applies, passes on and answers each change as Hocuspocus does; no sign-in, checks or storage), typed to by the same socket.io editors as ours, in the same rounds`);
  console.log(`\n| metric | socket.io floor | hocuspocus | floor ÷ hocuspocus | simashe ÷ floor |\n| --- | --- | --- | --- | --- |`);
  for (const [label, key, editors] of [
    [`${EDITORS} editors, 1 document`, 'one', EDITORS],
    [`${SPREAD_EDITORS} editors, ${SPREAD_DOCS} documents`, 'spread', SPREAD_EDITORS],
  ]) {
    const ourRows = scenarioRows(label, editors, ours[key], peer[key]);
    scenarioRows(label, editors, floor[key], peer[key]).forEach(([name, a, b, digits], row) =>
      console.log(`| ${name} | ${fmt(a, digits)} | ${fmt(b, digits)} | ${fmt(a / b, 2)} | ${fmt(ourRows[row][1] / a, 2)} |`),
    );
  }
  const floorRounds = floor.one.roundP99.map((p99, round) => fmt(p99 / peer.one.roundP99[round], 2)).join(', ');
  console.log(`\nfloor's fan-out p99 (${EDITORS} editors) ÷ Hocuspocus's: ${fmt(stats(floor.one.fanOut).p99 / stats(peer.one.fanOut).p99, 2)}× (round by round: ${floorRounds})`);
  const roundRatios = ours.one.roundP99.map((p99, round) => fmt(p99 / peer.one.roundP99[round], 2)).join(', ');
  const fanOutP99 = stats(ours.one.fanOut).p99 / stats(peer.one.fanOut).p99;
  const ackP99 = stats(ours.one.acks).p99;
  const stall = ours.stall.loaded.p99 / ours.stall.quiet.p99;
  const memory = oursMemory.settled / peerMemory.settled;
  console.log(`\ngoals (${EDITORS} editors): fan-out p99 ≤ 1.0× Hocuspocus's: ${fanOutP99 <= 1 ? 'met' : 'not met'} (${fmt(fanOutP99, 2)}× over ${ROUNDS} rounds each; round by round: ${roundRatios})`);
  console.log(`acknowledgement p99 ≤ 50 ms: ${ackP99 <= 50 ? 'met' : 'not met'} (${fmt(ackP99)} ms)`);
  console.log(`large document raises others' fan-out p99 ≤ 2×: ${stall <= 2 ? 'met' : 'not met'} (${fmt(stall, 2)}×)`);
  console.log(`RSS at ${DOCS} open documents (after ${SETTLE_SECONDS} s quiet) ≤ 1.5× Hocuspocus's: ${memory <= 1.5 ? 'met' : 'not met'} (${fmt(memory, 2)}×; 0.5 s after opening: ${fmt(oursMemory.opened / peerMemory.opened, 2)}×)`);
  console.log(`RSS every 5 s of the quiet (MB): simashe ${oursMemory.quiet.map((mb) => fmt(mb, 0)).join(', ')}; hocuspocus ${peerMemory.quiet.map((mb) => fmt(mb, 0)).join(', ')}`);
  if (ours.one.fanOut.length === 0 || ours.one.acks.length === 0) throw new Error('no update reached another editor or was acknowledged');
});
