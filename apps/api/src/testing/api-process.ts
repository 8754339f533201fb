import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUILT_MAIN = join(__dirname, '../../../../dist/apps/api/apps/api/src/main.js');
/** The V8 heap settings every API process runs with (see tools/scripts/run.mjs). */
export const API_NODE_ARGS: string[] = JSON.parse(readFileSync(join(__dirname, '../../node-args.json'), 'utf8'));
/** The glibc malloc settings every API process runs with, in its environment (see tools/scripts/run.mjs). */
export const API_ENV: Record<string, string> = JSON.parse(readFileSync(join(__dirname, '../../malloc-env.json'), 'utf8'));

/** Ports handed out in this process: the system may offer a just-closed port again (the API once got its database's). */
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

export interface ApiProcess {
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the built API (`nx build api`) as a real child process, as a person or a crash would see it. */
export async function startApiProcess(env: Record<string, string>, attempts = 3): Promise<ApiProcess> {
  try {
    return await startOnce(env);
  } catch (error) {
    // The free port was checked seconds before the API listens (after migrations and seeding); another process, or
    // an outgoing connection's own port, may take it meanwhile (seen once in CI). Another port, then.
    if (attempts > 1 && error instanceof Error && error.message.includes('EADDRINUSE')) return startApiProcess(env, attempts - 1);
    throw error;
  }
}

async function startOnce(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [...API_NODE_ARGS, BUILT_MAIN], {
    env: { ...process.env, ...API_ENV, PORT: String(port), NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited during start:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL'); // or it outlives the test run
      throw new Error(`API did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** A new, empty database on the test PostgreSQL server (SIMASHE_TEST_PG_URL); returns its URL. */
export async function createProcessDatabase(prefix: string): Promise<string> {
  const { Client } = await import('pg');
  const serverUrl = (process.env['SIMASHE_TEST_PG_URL'] as string).replace(/\/$/, '');
  const database = `${prefix}_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  return `${serverUrl}/${database}`;
}

/** Signs a demo person in on a running API process: the session cookie and its CSRF token. */
export async function signInDemo(api: Pick<ApiProcess, 'baseUrl'>, email: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'simashe-demo-2026' }),
  });
  const session = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0], csrf: session.csrfToken };
}

/** A new blank report of the person's first organisation; its collaboration reference. */
export async function createDemoReport(api: Pick<ApiProcess, 'baseUrl'>, session: { cookie: string; csrf: string }, title: string): Promise<{ kind: 'report'; documentId: string }> {
  const headers = { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf };
  const organisations = (await (await fetch(`${api.baseUrl}/api/organisations`, { headers })).json()) as { items: Array<{ id: string }> };
  const templates = (await (await fetch(`${api.baseUrl}/api/report-templates`, { headers })).json()) as { items: Array<{ id: string; name: string }> };
  const created = await fetch(`${api.baseUrl}/api/reports`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      organisationId: organisations.items[0].id,
      title,
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      templateId: templates.items.find((x) => x.name === 'Blank report')?.id,
    }),
  });
  return { kind: 'report', documentId: ((await created.json()) as { id: string }).id };
}
