import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';

/**
 * When to give memory back: once after work, as soon as the event loop goes quiet. Each observation is one
 * interval's event-loop utilisation (the share of the interval spent running code). An interval at or above `busy`
 * counts as work; the first interval after work at or below `quiet` asks for one collection, and the next needs new
 * work first. So a server that stays idle, or stays busy, is never collected by this.
 */
export class IdleCollection {
  private worked = false;

  constructor(
    private readonly busy = 0.05,
    private readonly quiet = 0.01,
  ) {}

  /** True when a collection should run now. */
  observe(utilization: number): boolean {
    if (utilization >= this.busy) {
      this.worked = true;
      return false;
    }
    if (!this.worked || utilization > this.quiet) return false;
    this.worked = false;
    return true;
  }
}

/** A reader of the event loop's utilisation: each call returns the share of time spent running code since the last call. */
export function loopUtilization(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    return utilization;
  };
}

/**
 * Runs a full garbage collection when the API goes quiet after work (IdleCollection, looked at every `intervalMs`).
 * V8 gives memory back by itself only after a full collection that shrank the heap (its memory reducer): after a
 * burst that only filled the heap (e.g. 500 documents opened, each by an HTTP request and a join), the API kept
 * what the burst took for as long as it stayed idle (124 MB, flat over 30 s of quiet in `bench:collab`).
 * Needs `--expose-gc` (apps/api/node-args.json); without it, nothing is done. The collection stops the event loop
 * for as long as it takes (logged at debug level), only after a whole interval with (almost) nothing to do; its own
 * time is not counted as work, so it never calls for another.
 * Returns a function that stops it.
 */
export function collectWhenIdle(
  gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc,
  intervalMs = 5_000,
  utilization: () => number = loopUtilization(),
): () => void {
  if (!gc) return () => undefined;
  const logger = new Logger('Memory');
  const decide = new IdleCollection();
  const timer = setInterval(() => {
    if (!decide.observe(utilization())) return;
    const before = process.memoryUsage().heapTotal;
    const started = performance.now();
    gc();
    const took = performance.now() - started;
    // The next interval starts now: the collection's own time is not work.
    utilization();
    logger.debug(`quiet after work: collected in ${took.toFixed(0)} ms, V8 heap ${(before / 1e6).toFixed(0)} → ${(process.memoryUsage().heapTotal / 1e6).toFixed(0)} MB`);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
