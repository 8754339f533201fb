import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HELPER_THREAD_NICE, lowerHelperThreads } from './helper-threads';

/** Each thread of this process and its nice value, read from /proc. */
function niceByThread(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const task of readdirSync('/proc/self/task')) {
    try {
      nice.set(Number(task), Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1].split(' ')[16]));
    } catch {
      // ended meanwhile
    }
  }
  return nice;
}

describe('lowerHelperThreads', () => {
  it('lowers every thread but the calling one, and leaves lower ones lower', async () => {
    const self = Number(readlinkSync('/proc/thread-self').split('/').pop());
    const before = getPriority(self);
    // A thread of our own, already at the lowest priority (as the document loader's is).
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads');
       const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
       require('node:os').setPriority(tid, 19);
       parentPort.postMessage(tid);
       setInterval(() => {}, 1000);`,
      { eval: true },
    );
    try {
      const lowest = await new Promise<number>((resolve) => worker.once('message', resolve));
      const others = [...niceByThread().keys()].filter((tid) => tid !== self && tid !== process.pid);
      expect(others.length).toBeGreaterThan(2); // V8's helpers, the worker
      expect(lowerHelperThreads()).toBeGreaterThan(0);
      const after = niceByThread();
      expect(after.get(self)).toBe(before);
      for (const tid of others) if (after.has(tid)) expect(after.get(tid)).toBeGreaterThanOrEqual(HELPER_THREAD_NICE);
      expect(after.get(lowest)).toBe(19);
      // Nothing left to lower the second time.
      expect(lowerHelperThreads()).toBe(0);
    } finally {
      await worker.terminate();
    }
  });
});
