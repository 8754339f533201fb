// `npm run start:cluster`: the workspace as several instances, on this machine: one embedded PostgreSQL (under
// .data/cluster), a local redis-server (Debian's package, installed when missing and run as root), 2 API instances
// (CLUSTER_INSTANCES) and a small loopback proxy in front of them on PORT (3000) that spreads HTTP requests and
// WebSocket connections over the instances still up. Stop one instance (its pid is printed) and the others carry on.
// With DATABASE_URL set, that PostgreSQL is used instead of the embedded one.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, request } from 'node:http';
import { connect, createConnection } from 'node:net';
import { resolve } from 'node:path';
import { API_ENV, API_MAIN, API_NODE_ARGS, NX_ENV, runOrExit } from './run.mjs';

const PORT = Number(process.env.PORT ?? 3000);
const INSTANCES = Number(process.env.CLUSTER_INSTANCES ?? 2);
const REDIS_PORT = Number(process.env.CLUSTER_REDIS_PORT ?? 6390);
const REDIS_SERVER = '/usr/bin/redis-server';
const children = [];
let postgres;
let proxy;

// Stopped at any moment (even while starting), it stops everything it started: instances first, then Redis and
// PostgreSQL once the instances have exited.
let stopping = false;
async function stopAll() {
  if (stopping) return;
  stopping = true;
  proxy?.close();
  const exited = (child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)));
  for (const child of [...children].reverse()) {
    child.kill('SIGTERM');
    await Promise.race([exited(child), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await postgres?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stopAll());
process.on('SIGTERM', () => void stopAll());
// embedded-postgres stops its server and ends the process on a signal by itself (async-exit-hook), possibly before
// stopAll is done: whatever is still running is told to stop as the process exits, so nothing is left behind.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});

await runOrExit('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);

// Redis: Debian's redis-server on loopback, in memory only (nothing in it needs to survive a restart).
if (!existsSync(REDIS_SERVER)) {
  if (process.getuid?.() !== 0) {
    console.error('redis-server is missing: sudo apt-get install -y redis-server');
    process.exit(1);
  }
  console.log('Installing Debian redis-server…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server', { stdio: 'inherit' });
}
const redis = spawn(REDIS_SERVER, ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
children.push(redis);
await waitForPort(REDIS_PORT);
await new Promise((resolve) => setTimeout(resolve, 200));
if (redis.exitCode !== null) {
  console.error(`redis-server could not start on port ${REDIS_PORT} (already in use?): set CLUSTER_REDIS_PORT`);
  await stopAll();
}
console.log(`redis-server on 127.0.0.1:${REDIS_PORT} (pid ${redis.pid})`);

// PostgreSQL: one embedded server for every instance (the same one `npm start` would use is left alone).
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  const core = createRequire(import.meta.url)(resolve('dist/apps/api/libs/api/core/src/lib/database/embedded-postgres.js'));
  const dataDir = resolve('.data/cluster');
  mkdirSync(dataDir, { recursive: true });
  postgres = await core.startEmbeddedPostgres({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 5434), database: 'simashe' });
  databaseUrl = postgres.url;
  console.log(`PostgreSQL (embedded) under ${dataDir}`);
}

// The instances: the first migrates and seeds the demo workspace, the others start once it is up.
const backends = [];
for (let index = 0; index < INSTANCES; index++) {
  const port = PORT + 1 + index;
  if (stopping) break;
  const api = spawn(process.execPath, [...API_NODE_ARGS, API_MAIN], {
    stdio: 'inherit',
    env: { ...NX_ENV, ...API_ENV, PORT: String(port), DATABASE_URL: databaseUrl, REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`, SEED_DEMO: process.env.SEED_DEMO ?? 'true', PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${PORT}` },
  });
  children.push(api);
  // Stopped while this instance starts: it is being stopped with the rest, not waited for.
  if (!(await Promise.race([waitForHealth(port).then(() => true), new Promise((resolve) => api.once('exit', () => resolve(false)))]))) {
    if (stopping) await new Promise(() => undefined);
    console.error(`API instance ${index + 1} exited while starting`);
    await stopAll();
  }
  backends.push({ port, pid: api.pid });
  console.log(`API instance ${index + 1} on 127.0.0.1:${port} (pid ${api.pid})`);
}

// The proxy: each request or WebSocket connection goes to the next instance that answers.
let next = 0;
function pick(attempt = 0) {
  const backend = backends[next++ % backends.length];
  return attempt < backends.length && !backend.alive ? pick(attempt + 1) : backend;
}
setInterval(() => backends.forEach((backend) => void isUp(backend.port).then((up) => (backend.alive = up))), 1000).unref();
backends.forEach((backend) => (backend.alive = true));

proxy = createServer((incoming, outgoing) => {
  // A read that finds its instance gone is tried on the next one (a write is not repeated: it may have been done).
  const attempt = (tries) => {
    const backend = pick();
    const forwarded = request({ host: '127.0.0.1', port: backend.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, 'x-forwarded-for': incoming.socket.remoteAddress } }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    forwarded.on('error', () => {
      backend.alive = false;
      if (['GET', 'HEAD'].includes(incoming.method ?? '') && tries < backends.length && !outgoing.headersSent) return attempt(tries + 1);
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end('The instance did not answer; try again');
    });
    if (['GET', 'HEAD'].includes(incoming.method ?? '')) forwarded.end();
    else incoming.pipe(forwarded);
  };
  attempt(1);
});
proxy.on('upgrade', (incoming, socket, head) => {
  const backend = pick();
  const upstream = connect(backend.port, '127.0.0.1', () => {
    const headers = Object.entries(incoming.headers).map(([name, value]) => `${name}: ${value}`).join('\r\n');
    upstream.write(`${incoming.method} ${incoming.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', close);
  socket.on('error', close);
});
proxy.listen(PORT, '127.0.0.1', () => console.log(`SIMASHE Workspace (${INSTANCES} instances) on http://localhost:${PORT}`));


function isUp(port) {
  return fetch(`http://127.0.0.1:${port}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
}

async function waitForHealth(port) {
  for (let i = 0; i < 1200; i++) {
    if (await isUp(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the instance on port ${port} did not start within 2 minutes`);
}

function waitForPort(port) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const attempt = () => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => (socket.end(), resolve()));
      socket.once('error', () => (Date.now() - started > 10_000 ? reject(new Error(`nothing listens on port ${port}`)) : setTimeout(attempt, 100)));
    };
    attempt();
  });
}
