import { RateLimitedError } from '@simashe/api-core';

/** Past this many keys, windows that have ended are swept, so unknown emails or addresses cannot grow the map without bound. */
const SWEEP_ABOVE = 10_000;

interface Window {
  count: number;
  resetsAt: number;
}

/**
 * Counts events per key within fixed windows, for the rate limiters. In-memory: one API process per deployment
 * (a shared store is needed before running several).
 */
export class WindowCounter {
  private readonly windows = new Map<string, Window>();

  /** 429 with a sentence ("<what>. Try again in N minute(s).") when the key's count has reached `max`. */
  assertBelow(key: string, max: number, what: string, now = Date.now()): void {
    const window = this.current(key, now);
    if (window && window.count >= max) {
      const retryAfterSeconds = Math.ceil((window.resetsAt - now) / 1000);
      throw new RateLimitedError(`${what}. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, retryAfterSeconds);
    }
  }

  add(key: string, windowMs: number, now = Date.now()): void {
    if (this.windows.size > SWEEP_ABOVE) {
      for (const [other, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(other);
    }
    const window = this.current(key, now) ?? { count: 0, resetsAt: now + windowMs };
    window.count += 1;
    this.windows.set(key, window);
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.resetsAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }
}
