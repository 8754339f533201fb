import { formatStamp, localDay, utcOffset, validTimeZone } from './stamp';

const at = new Date('2026-12-01T11:05:00Z');

describe('export stamps', () => {
  it('writes the time in the reader’s zone with its offset', () => {
    expect(formatStamp(at, 'en', 'Europe/Moscow')).toBe('1 December 2026, 14:05 (UTC+03:00)');
    expect(formatStamp(at, 'en', 'Asia/Kolkata')).toBe('1 December 2026, 16:35 (UTC+05:30)');
    expect(formatStamp(at, 'en', 'America/Sao_Paulo')).toBe('1 December 2026, 08:05 (UTC-03:00)');
    expect(formatStamp(at, 'en', 'UTC')).toBe('1 December 2026, 11:05 (UTC+00:00)');
  });

  it('follows daylight saving time at the stamped instant', () => {
    expect(utcOffset(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris')).toBe('UTC+02:00');
    expect(utcOffset(at, 'Europe/Paris')).toBe('UTC+01:00');
  });

  it('speaks the reader’s language', () => {
    expect(formatStamp(at, 'fr', 'Europe/Paris')).toBe('1 décembre 2026, 12:05 (UTC+01:00)');
    expect(formatStamp(at, 'es', 'America/Bogota')).toBe('1 de diciembre de 2026, 6:05 (UTC-05:00)');
    expect(formatStamp(at, 'ar', 'Asia/Riyadh')).toContain('(UTC+03:00)');
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(validTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(formatStamp(at, 'en', 'Mars/Olympus_Mons')).toBe('1 December 2026, 11:05 (UTC+00:00)');
  });

  it('names the local calendar day for file names', () => {
    expect(localDay(new Date('2026-12-01T22:30:00Z'), 'Pacific/Auckland')).toBe('2026-12-02');
    expect(localDay(new Date('2026-12-01T22:30:00Z'), 'UTC')).toBe('2026-12-01');
  });
});
