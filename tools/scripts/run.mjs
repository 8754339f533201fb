import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * V8 heap settings for every API process (npm start, start:cluster, the e2e server, the API tests' child processes,
 * the benchmarks; the Dockerfile and `nx run api:serve` spell them out, and node-args.spec checks they match).
 * With V8's defaults on a machine this size the old generation may grow to about four times the live heap before
 * its first full collection after start-up: the API's RSS rose from 150 MB to 300 MB under editing and stayed
 * there. A 1 GiB limit makes V8 collect at about 1.6 times the live heap, and a young generation of 4 MB semi-spaces
 * keeps scavenges short. Scavenges run on the main thread alone (`--no-parallel-scavenge`): while editors type they
 * come several times a second, and V8's helper threads, on cores shared with PostgreSQL, made the main thread wait
 * for them (see the README, "Benchmark (npm run bench:collab)"). `--expose-gc` lets the API collect once when it goes
 * quiet after work (`collectWhenIdle` in api-core): V8 gives memory back by itself only after a full collection.
 */
export const API_NODE_ARGS = JSON.parse(readFileSync(new URL('../../apps/api/node-args.json', import.meta.url), 'utf8'));
/**
 * glibc malloc settings for every API process, in its environment (apps/api/malloc-env.json; checked the same way).
 * By default each thread that allocates (libuv's pool, V8's compiler and GC helpers, the document loader) may get
 * its own malloc arena, and the main arena's thresholds grow with the largest block ever freed, so memory freed
 * after a burst of editing stays in the process. Two arenas and fixed 128 KiB thresholds gave back 9–17 MB of the
 * API's RSS with 500 documents open in the collaboration benchmark, for the same CPU per keystroke. A 32 KiB mmap
 * threshold was tried and dropped: it cost the API about 15 % more CPU per keystroke (each block between 32 and
 * 128 KiB is then an mmap and a munmap), and what it was for is done by cutting the bundle into files (see
 * tools/scripts/bundle-api.mjs).
 */
export const API_ENV = JSON.parse(readFileSync(new URL('../../apps/api/malloc-env.json', import.meta.url), 'utf8'));
export const API_MAIN = 'dist/apps/api/apps/api/src/main.js';

/** Nx without daemon, cloud or TUI: the same behaviour on a laptop, a fresh machine and CI. */
export const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '' };

export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: NX_ENV, ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrExit(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n✖ ${command} ${args.join(' ')} failed (exit ${code})`);
    process.exit(code);
  }
}
