import type { SessionDevice } from '@simashe/contracts';
import { formatDateTime } from '@simashe/web-i18n';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Firefox on Windows", or whichever half is known, or "Unknown device", in the reader's language. */
export function deviceLabel(device: SessionDevice, t: Translate): string {
  if (device.browser && device.os) return t('accountSecurity.sessions.browserOnOs', { browser: device.browser, os: device.os });
  return device.browser ?? device.os ?? t('accountSecurity.sessions.unknownDevice');
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When a session was last used, as people say it: "now", "5 minutes ago", "yesterday", "3 days ago", then a
 * date and time in the reader's time zone once it is a week old. The server records use at most once a minute,
 * so anything under a minute is "now".
 */
export function formatLastSeen(iso: string, now: Date, locale: string, timeZone: string): string {
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  const elapsed = Math.abs(seconds);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (elapsed < MINUTE) return relative.format(0, 'second');
  if (elapsed < HOUR) return relative.format(Math.round(seconds / MINUTE), 'minute');
  if (elapsed < DAY) return relative.format(Math.round(seconds / HOUR), 'hour');
  if (elapsed < 7 * DAY) return relative.format(Math.round(seconds / DAY), 'day');
  return formatDateTime(iso, locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
}
