import { Injectable } from '@nestjs/common';
import { WindowCounter } from './window-counter';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

/**
 * Counts failed sign-ins (and wrong current passwords on a password change) per account and per client address
 * within a window; successes never count, so a person who types their password right is not slowed by others.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new WindowCounter();

  assertAllowed(email: string, address: string, now = Date.now()): void {
    this.failures.assertBelow(`account:${email}`, MAX_FAILURES_PER_ACCOUNT, 'Too many failed password attempts', now);
    this.failures.assertBelow(`address:${address}`, MAX_FAILURES_PER_ADDRESS, 'Too many failed password attempts', now);
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    this.failures.add(`account:${email}`, WINDOW_MS, now);
    this.failures.add(`address:${address}`, WINDOW_MS, now);
  }

  recordSuccess(email: string): void {
    this.failures.clear(`account:${email}`);
  }
}
