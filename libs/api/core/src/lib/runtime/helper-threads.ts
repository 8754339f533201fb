import { readdirSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value of every thread of the API but the one that runs the event loop. */
export const HELPER_THREAD_NICE = 10;

/**
 * Lowers the CPU priority of every other thread of this process (V8's compiler and garbage-collection helpers,
 * libuv's pool, worker threads) to `nice`, leaving the calling thread, the event loop, as it is. On two cores shared
 * with PostgreSQL, V8's background compiling and marking took the core from the event loop while it was passing
 * keystrokes on; at a lower priority they take what the event loop leaves (a thread keeps its share of an idle core).
 * Threads already lower (the large-document loader runs at 19) are left as they are. Linux only (nice is per thread
 * there); elsewhere nothing happens. Returns how many threads were lowered. Not undone: raising a thread back needs
 * privileges.
 * The price, under load only: work the event loop waits for on those threads takes longer (a password hash on libuv's
 * pool at sign-in; a collection's parallel phases, which the event loop joins). Measured in bench:collab: fan-out p99
 * lower, full collections' pauses no longer, scavenges' longest a little longer (README, "V8's helper threads at a
 * lower priority").
 */
export function lowerHelperThreads(nice = HELPER_THREAD_NICE): number {
  let tasks: string[];
  let self: number;
  try {
    tasks = readdirSync('/proc/self/task');
    self = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return 0;
  }
  // A /proc of another PID namespace names other threads than setpriority would reach.
  if (!tasks.includes(String(process.pid))) return 0;
  let lowered = 0;
  for (const task of tasks) {
    const tid = Number(task);
    if (tid === self || tid === process.pid) continue;
    try {
      if (getPriority(tid) < nice) {
        setPriority(tid, nice);
        lowered += 1;
      }
    } catch {
      // Ended meanwhile.
    }
  }
  return lowered;
}

/**
 * Lowers the helper threads now and every `intervalMs` after (libuv starts its pool's threads on first use, V8 some
 * of its own later). The timer does not keep the process alive.
 */
export function keepHelperThreadsLow(intervalMs = 5000): { stop: () => void } {
  lowerHelperThreads();
  const timer = setInterval(() => lowerHelperThreads(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
