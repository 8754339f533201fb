import { deviceLabel, formatLastSeen } from './session-labels';

describe('formatLastSeen', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it('says "now" within a minute, then minutes, hours and days ago', () => {
    expect(formatLastSeen(ago(20), now, 'en', 'UTC')).toBe('now');
    expect(formatLastSeen(ago(60), now, 'en', 'UTC')).toBe('1 minute ago');
    expect(formatLastSeen(ago(5 * 60 + 10), now, 'en', 'UTC')).toBe('5 minutes ago');
    expect(formatLastSeen(ago(3 * 3600), now, 'en', 'UTC')).toBe('3 hours ago');
    expect(formatLastSeen(ago(26 * 3600), now, 'en', 'UTC')).toBe('yesterday');
    expect(formatLastSeen(ago(4 * 86_400), now, 'en', 'UTC')).toBe('4 days ago');
  });

  it('gives the date and time in the reader’s zone once it is a week old', () => {
    const old = '2026-02-20T21:30:00Z';
    // ICU versions differ in the space before "PM" (narrow no-break or plain).
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatLastSeen(old, now, 'en', 'UTC'))).toBe('Feb 20, 2026, 9:30 PM');
    // Already the next day in Nairobi.
    expect(plain(formatLastSeen(old, now, 'en', 'Africa/Nairobi'))).toBe('Feb 21, 2026, 12:30 AM');
  });

  it('speaks the reader’s language', () => {
    expect(formatLastSeen(ago(5 * 60), now, 'fr', 'UTC')).toBe('il y a 5 minutes');
    expect(formatLastSeen(ago(26 * 3600), now, 'es', 'UTC')).toBe('ayer');
    expect(formatLastSeen(ago(20), now, 'ar', 'UTC')).toBe('الآن');
  });
});

describe('deviceLabel', () => {
  const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);

  it('names browser and system together, either alone, or an unknown device', () => {
    expect(deviceLabel({ browser: 'Firefox', os: 'Windows', mobile: false }, t)).toBe('accountSecurity.sessions.browserOnOs {"browser":"Firefox","os":"Windows"}');
    expect(deviceLabel({ browser: 'curl', os: null, mobile: false }, t)).toBe('curl');
    expect(deviceLabel({ browser: null, os: 'Android', mobile: true }, t)).toBe('Android');
    expect(deviceLabel({ browser: null, os: null, mobile: false }, t)).toBe('accountSecurity.sessions.unknownDevice');
  });
});
