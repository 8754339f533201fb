// `npm run bench:load` — not a test: prints figures for the API under load, on 1 instance and on 2 (with Redis).
//   1. HTTP, with autocannon, signed in as the demo Kenya editor, BENCH_CONNECTIONS (10) connections for
//      BENCH_LOAD_SECONDS (10) per endpoint: the report list, the meetings list (a month), the lessons list and
//      search. On 2 instances, half the connections go to each (what a proxy spreading them would do), and the
//      figures are summed (req/s) or the worse of the two (latency).
//   2. Realtime: BENCH_SOCKETS (1,000) signed-in socket.io connections held (the inbox namespace), split over the
//      instances: how many connected, and the API's memory.
//   3. Fan-out across instances: BENCH_EDITORS (10) editors of one report, half on each instance, type one keystroke
//      each every 250 ms for BENCH_LOAD_SECONDS: keystroke → each editor on the other instance, p50/p95/p99.
// The API runs with the demo workspace, on this 2-core machine: the load generator shares it.
// BENCH_CPU_PROF=<dir> profiles the (first) API (node --cpu-prof).
import autocannon from 'autocannon';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import { benchmark, percentile, rss, setting, signIn, sleep, startApi, startPostgres, startRedis, stopApi } from './bench-support.mjs';

const SECONDS = setting('BENCH_LOAD_SECONDS', 10, 1);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 10, 4);
const SOCKETS = setting('BENCH_SOCKETS', 1000, 40);
const EDITORS = setting('BENCH_EDITORS', 10, 4);
const PROFILE = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

const month = () => {
  const from = new Date();
  from.setUTCDate(1);
  from.setUTCHours(0, 0, 0, 0);
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + 1);
  return `from=${from.toISOString()}&to=${to.toISOString()}`;
};
const ENDPOINTS = [
  ['report list', '/api/reports'],
  ['meetings list (a month)', `/api/meetings?${month()}`],
  ['lessons list', '/api/lessons'],
  ['search', '/api/search?q=health'],
];

function cannon(url, cookie, connections) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: SECONDS, headers: { cookie } }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** One endpoint on every instance at once, connections split evenly. */
async function http(bases, cookie, path) {
  // A short warm-up, so the first requests' compilation and caches are not in the figures.
  await Promise.all(bases.map((base) => fetch(`${base}${path}`, { headers: { cookie } }).then((r) => r.arrayBuffer())));
  const results = await Promise.all(bases.map((base) => cannon(`${base}${path}`, cookie, Math.max(1, Math.round(CONNECTIONS / bases.length)))));
  const failures = results.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
  if (failures > 0) throw new Error(`${path}: ${failures} failed requests`);
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    requests: results.reduce((sum, r) => sum + r.requests.total, 0),
  };
}

async function sockets(bases, cookie) {
  const held = [];
  await Promise.all(
    Array.from({ length: SOCKETS }, async (_, index) => {
      const socket = io(`${bases[index % bases.length]}/notifications`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true, reconnection: false });
      held.push(socket);
      await new Promise((resolve) => {
        socket.once('connect', resolve);
        socket.once('connect_error', resolve);
        setTimeout(resolve, 20_000);
      });
    }),
  );
  return { connected: held.filter((socket) => socket.connected).length, close: () => held.forEach((socket) => socket.close()) };
}

/** Editors of one report, alternating between the instances; latency of each keystroke at the other instance's editors. */
async function fanOut(bases, cookie, documentId) {
  const sentAt = new Map();
  const crossing = [];
  const editors = [];
  for (let index = 0; index < EDITORS; index++) {
    const instance = index % bases.length;
    const doc = new Y.Doc();
    const socket = io(`${bases[instance]}/collaboration`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true });
    await new Promise((resolve) => socket.once('connect', resolve));
    const joined = await socket.emitWithAck('join', { kind: 'report', documentId, stateVector: Y.encodeStateVector(doc) });
    Y.applyUpdate(doc, Buffer.from(joined.update, 'base64'), 'server');
    socket.on('update', ({ update }) => {
      const bytes = Buffer.from(update, 'base64');
      const now = performance.now();
      for (const struct of Y.decodeUpdate(bytes).structs) {
        const sent = sentAt.get(`${struct.id.client}:${struct.id.clock}`);
        if (sent && sent.instance !== instance) crossing.push(now - sent.at);
      }
      Y.applyUpdate(doc, bytes, 'server');
    });
    doc.on('update', (update, origin) => {
      if (origin === 'server') return;
      for (const struct of Y.decodeUpdate(update).structs) sentAt.set(`${struct.id.client}:${struct.id.clock}`, { at: performance.now(), instance });
      socket.emit('update', { kind: 'report', documentId, update: Buffer.from(update).toString('base64') }, () => undefined);
    });
    editors.push({ doc, socket });
  }
  // A paragraph of its own to type into, made by the first editor.
  editors[0].doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('')]);
    editors[0].doc.getXmlFragment('default').insert(0, [paragraph]);
  });
  await sleep(500);
  const timers = editors.map(({ doc }, index) =>
    setTimeout(() => {
      timers[index] = setInterval(() => {
        const text = doc.getXmlFragment('default').get(0)?.get(0);
        if (text instanceof Y.XmlText) text.insert(text.length, 'x');
      }, 250);
    }, index * (250 / EDITORS)),
  );
  await sleep(SECONDS * 1000);
  timers.forEach((timer) => clearInterval(timer));
  await sleep(500);
  editors.forEach(({ socket }) => socket.close());
  crossing.sort((a, b) => a - b);
  return { deliveries: crossing.length, p50: percentile(crossing, 50), p95: percentile(crossing, 95), p99: percentile(crossing, 99) };
}

async function run(label, bases, pids, cookie, csrfToken) {
  console.log(`\n## ${label}\n`);
  console.log('| endpoint | req/s | p50 (ms) | p99 (ms) | requests |');
  console.log('|---|---|---|---|---|');
  const figures = {};
  for (const [name, path] of ENDPOINTS) {
    const result = await http(bases, cookie, path);
    figures[name] = result;
    console.log(`| ${name} | ${Math.round(result.rps).toLocaleString('en')} | ${result.p50} | ${result.p99} | ${result.requests.toLocaleString('en')} |`);
  }
  const held = await sockets(bases, cookie);
  const memory = pids.map((pid) => `${rss(pid).rss.toFixed(0)} MB`).join(' + ');
  console.log(`\nsocket.io connections held: ${held.connected.toLocaleString('en')} of ${SOCKETS.toLocaleString('en')}; API RSS with them: ${memory}`);
  held.close();
  if (bases.length > 1) {
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const organisationId = (await (await fetch(`${bases[0]}/api/organisations`, { headers })).json()).items[0].id;
    const templateId = (await (await fetch(`${bases[0]}/api/report-templates`, { headers })).json()).items.find((t) => t.key === 'blank' || t.name === 'Blank report').id;
    const created = await (await fetch(`${bases[0]}/api/reports`, { method: 'POST', headers, body: JSON.stringify({ organisationId, title: 'Load', periodStart: '2026-01-01', periodEnd: '2026-12-31', templateId }) })).json();
    const fan = await fanOut(bases, cookie, created.id);
    console.log(`fan-out across instances (${EDITORS} editors, half on each): ${fan.deliveries.toLocaleString('en')} deliveries, p50 ${fan.p50.toFixed(1)} ms, p95 ${fan.p95.toFixed(1)} ms, p99 ${fan.p99.toFixed(1)} ms`);
  }
  return figures;
}

await benchmark(async () => {
  const { databaseUrl } = await startPostgres();
  const one = await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0' }, PROFILE);
  const { cookie, csrfToken } = await signIn(one.base, 'kenya.editor@demo.simashe.org');
  const single = await run('1 instance (no Redis)', [one.base], [one.api.pid], cookie, csrfToken);
  await stopApi(one.api);

  const redis = await startRedis();
  const first = await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0', REDIS_URL: redis.url });
  const second = await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0', REDIS_URL: redis.url });
  await run('2 instances (Redis)', [first.base, second.base], [first.api.pid, second.api.pid], cookie, csrfToken);
  await stopApi(first.api);
  await stopApi(second.api);

  const reports = single['report list'];
  const meetings = single['meetings list (a month)'];
  console.log(`\ngoals on 1 instance: report list ≥ 2,000 req/s with p99 < 50 ms: ${reports.rps >= 2000 && reports.p99 < 50 ? 'met' : 'not met'} (${Math.round(reports.rps)} req/s, p99 ${reports.p99} ms); meetings list ≥ 1,000 req/s: ${meetings.rps >= 1000 ? 'met' : 'not met'} (${Math.round(meetings.rps)} req/s)`);
});
