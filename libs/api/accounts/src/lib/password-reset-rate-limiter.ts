import { Injectable } from '@nestjs/common';
import { RateLimitedError } from '@simashe/api-core';

const REQUEST_WINDOW_MS = 60 * 60 * 1000;
/** Links asked for one email per hour: enough for a lost mail or two, too few to flood someone's inbox. */
const MAX_REQUESTS_PER_EMAIL = 5;
const MAX_REQUESTS_PER_ADDRESS = 20;
const RESET_WINDOW_MS = 15 * 60 * 1000;
/** Unknown, used or expired links tried from one address (tokens are 256-bit; this only keeps noise down). */
const MAX_BAD_LINKS_PER_ADDRESS = 20;
/** Past this many keys, windows that have ended are swept so unknown emails cannot grow the map without bound. */
const SWEEP_ABOVE = 10_000;

interface Window {
  count: number;
  resetsAt: number;
}

/**
 * "Forgot password" requests are counted per email and per client address, whether or not an account exists,
 * so the 429 reveals nothing; bad reset links are counted per address. In-memory, like the sign-in limiter:
 * one API process per deployment.
 */
@Injectable()
export class PasswordResetRateLimiter {
  private readonly windows = new Map<string, Window>();

  /** Counts this request, refusing it when either limit is already reached. */
  takeRequest(email: string, address: string, now = Date.now()): void {
    const keys: Array<[string, number]> = [
      [`forgot-email:${email}`, MAX_REQUESTS_PER_EMAIL],
      [`forgot-address:${address}`, MAX_REQUESTS_PER_ADDRESS],
    ];
    for (const [key, max] of keys) this.assertBelow(key, max, now, 'Too many password reset requests');
    for (const [key] of keys) this.add(key, REQUEST_WINDOW_MS, now);
  }

  assertResetAllowed(address: string, now = Date.now()): void {
    this.assertBelow(`reset-address:${address}`, MAX_BAD_LINKS_PER_ADDRESS, now, 'Too many invalid password reset links');
  }

  recordBadLink(address: string, now = Date.now()): void {
    this.add(`reset-address:${address}`, RESET_WINDOW_MS, now);
  }

  private assertBelow(key: string, max: number, now: number, what: string): void {
    const window = this.current(key, now);
    if (window && window.count >= max) {
      const retryAfterSeconds = Math.ceil((window.resetsAt - now) / 1000);
      throw new RateLimitedError(`${what}. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, retryAfterSeconds);
    }
  }

  private add(key: string, windowMs: number, now: number): void {
    if (this.windows.size > SWEEP_ABOVE) {
      for (const [other, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(other);
    }
    const window = this.current(key, now) ?? { count: 0, resetsAt: now + windowMs };
    window.count += 1;
    this.windows.set(key, window);
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
