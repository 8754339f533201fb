import { Injectable } from '@nestjs/common';
import { WindowCounter } from './window-counter';

const REQUEST_WINDOW_MS = 60 * 60 * 1000;
/** Links asked for one email per hour: enough for a lost mail or two, too few to flood someone's inbox. */
const MAX_REQUESTS_PER_EMAIL = 5;
const MAX_REQUESTS_PER_ADDRESS = 20;
const RESET_WINDOW_MS = 15 * 60 * 1000;
/** Unknown, used or expired links tried from one address (tokens are 256-bit; this only keeps noise down). */
const MAX_BAD_LINKS_PER_ADDRESS = 20;
/**
 * "Forgot password" requests are counted per email and per client address, whether or not an account exists,
 * so the 429 reveals nothing; bad reset links are counted per address.
 */
@Injectable()
export class PasswordResetRateLimiter {
  private readonly windows = new WindowCounter();

  /** Counts this request, refusing it when either limit is already reached. */
  takeRequest(email: string, address: string, now = Date.now()): void {
    const keys: Array<[string, number]> = [
      [`forgot-email:${email}`, MAX_REQUESTS_PER_EMAIL],
      [`forgot-address:${address}`, MAX_REQUESTS_PER_ADDRESS],
    ];
    for (const [key, max] of keys) this.windows.assertBelow(key, max, 'Too many password reset requests', now);
    for (const [key] of keys) this.windows.add(key, REQUEST_WINDOW_MS, now);
  }

  assertResetAllowed(address: string, now = Date.now()): void {
    this.windows.assertBelow(`reset-address:${address}`, MAX_BAD_LINKS_PER_ADDRESS, 'Too many invalid password reset links', now);
  }

  recordBadLink(address: string, now = Date.now()): void {
    this.windows.add(`reset-address:${address}`, RESET_WINDOW_MS, now);
  }
}
