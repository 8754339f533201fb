import type { Language } from '@simashe/contracts';

/** The catalogue's English is British ("organisation"), so its dates are too: "1 December 2026, 14:05". */
const STAMP_LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr', es: 'es', ar: 'ar' };

/** A zone name the runtime knows, else UTC (an old or mistyped profile setting must not break an export). */
export function validTimeZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** The zone's offset from UTC at that instant, as "UTC+03:00", "UTC-05:30" or "UTC+00:00". */
export function utcOffset(at: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: validTimeZone(timeZone), timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace(/^GMT/, '') ?? '';
  return `UTC${offset === '' ? '+00:00' : offset}`;
}

/**
 * When something was exported or generated, in the reader's zone with its offset, so a stamped file says
 * unambiguously when it was made: "1 December 2026, 14:05 (UTC+03:00)" (the time in the reader's language's clock).
 */
export function formatStamp(at: Date | string, language: Language, timeZone: string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  const zone = validTimeZone(timeZone);
  const locale = STAMP_LOCALES[language] ?? 'en-GB';
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone }).format(instant);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(instant);
  return `${date}${language === 'ar' ? '، ' : ', '}${time} (${utcOffset(instant, zone)})`;
}

/** A calendar day (the instant of its midnight, UTC) as the language writes it: "1 December 2026", "1 décembre 2026". */
export function formatDay(day: Date, language: Language): string {
  return new Intl.DateTimeFormat(STAMP_LOCALES[language] ?? 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}

/** The calendar day in the reader's zone ("2026-12-01"), for file names. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: validTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
