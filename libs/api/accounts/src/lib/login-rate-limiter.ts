import { Injectable } from '@nestjs/common';
import { RateLimitedError } from '@simashe/api-core';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

interface FailureWindow {
  count: number;
  resetsAt: number;
}

/**
 * Counts failed sign-ins (and wrong current passwords on a password change) per account and per client address
 * within a window; successes never count, so a person who types their password right is not slowed by others.
 * In-memory: one API process per deployment for now (a shared store is needed before running several).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, FailureWindow>();

  assertAllowed(email: string, address: string, now = Date.now()): void {
    const limits: Array<[string, number]> = [
      [`account:${email}`, MAX_FAILURES_PER_ACCOUNT],
      [`address:${address}`, MAX_FAILURES_PER_ADDRESS],
    ];
    for (const [key, max] of limits) {
      const window = this.current(key, now);
      if (window && window.count >= max) {
        const retryAfterSeconds = Math.ceil((window.resetsAt - now) / 1000);
        throw new RateLimitedError(
          `Too many failed password attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
          retryAfterSeconds,
        );
      }
    }
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    for (const key of [`account:${email}`, `address:${address}`]) {
      const window = this.current(key, now) ?? { count: 0, resetsAt: now + WINDOW_MS };
      window.count += 1;
      this.failures.set(key, window);
    }
  }

  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
  }

  private current(key: string, now: number): FailureWindow | undefined {
    const window = this.failures.get(key);
    if (window && window.resetsAt <= now) {
      this.failures.delete(key);
      return undefined;
    }
    return window;
  }
}
