import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
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
    } finally {
      await third.stop('SIGTERM');
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
