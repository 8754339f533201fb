import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One formatter for every date, time and number the interface shows, always through `Intl`, in the reader's language
 * and chosen time zone. The patterns are fixed so that every page agrees: a date is `medium` ("1 Dec 2026"), a date
 * that heads a session may carry its weekday (`full`), a time is `short` ("14:05" or "2:05 PM": the locale decides
 * between 12 and 24 hours), and a range collapses what its ends share ("1 Dec 2026, 14:05–15:00").
 */
export interface DateFormatOptions {
  timeZone: string;
  /** `full` adds the weekday; every other style renders the one `medium` date pattern. */
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
  /** Any style renders the one `short` time pattern. */
  timeStyle?: 'full' | 'long' | 'medium' | 'short';
}

type Instant = string | Date;

const toDate = (instant: Instant): Date => (typeof instant === 'string' ? new Date(instant) : instant);

/**
 * The locale to format in: the interface language, refined by the browser's region when it speaks that language, so
 * an English interface in an en-GB browser writes "1 Dec 2026, 14:05" rather than "Dec 1, 2026, 2:05 PM".
 */
export function formattingLocale(language: string, preferred: readonly string[] = browserLanguages()): string {
  if (language.includes('-')) return language;
  return preferred.find((tag) => tag.split('-')[0].toLowerCase() === language.toLowerCase() && tag.includes('-')) ?? language;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const resolved = formattingLocale(locale);
  const key = `${resolved}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(resolved, options);
    cache.set(key, format);
  }
  return format;
}

function patternOptions(options: DateFormatOptions, withDate = true): Intl.DateTimeFormatOptions {
  return {
    dateStyle: withDate ? (options.dateStyle === 'full' ? 'full' : 'medium') : undefined,
    timeStyle: options.timeStyle ? 'short' : undefined,
    timeZone: options.timeZone,
  };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date, with the time of day when `timeStyle` is given. A day with no time ("2026-12-01", a period start or due
 * date) belongs to no zone and is shown as that same calendar date whatever the reader's zone.
 */
export function formatDateTime(iso: Instant, locale: string, options: DateFormatOptions): string {
  if (typeof iso === 'string' && DATE_ONLY.test(iso)) {
    return dateTimeFormat(locale, patternOptions({ dateStyle: options.dateStyle, timeZone: 'UTC' })).format(new Date(`${iso}T12:00:00Z`));
  }
  return dateTimeFormat(locale, patternOptions(options)).format(toDate(iso));
}

/** A calendar date ("1 Dec 2026"; with `weekday`, "Tuesday 1 December 2026"). */
export function formatDate(iso: Instant, locale: string, timeZone: string, { weekday = false }: { weekday?: boolean } = {}): string {
  return formatDateTime(iso, locale, { timeZone, dateStyle: weekday ? 'full' : 'medium' });
}

/** A date with no time of day ("2026-12-01", as an API sends a due date), shown as the same calendar date anywhere. */
export function formatCalendarDate(day: string, locale: string, options: { weekday?: boolean } = {}): string {
  return formatDate(day.slice(0, 10), locale, 'UTC', options);
}

/** A time of day alone ("14:30" or "2:30 PM", by the locale's own clock), the same clock as `formatDateTime`. */
export function formatTime(iso: Instant, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(toDate(iso));
}

/**
 * A calendar day as a calendar grid labels it, in the locale's own order and digits: `weekday` ("Tue"), `day` ("1"),
 * `weekdayDay` ("Tue 1"), `long` ("Tuesday 1 December"). `day` is a date with no time ("2026-12-01").
 */
export function formatDayLabel(day: string, locale: string, style: 'weekday' | 'day' | 'weekdayDay' | 'long'): string {
  const options: Record<typeof style, Intl.DateTimeFormatOptions> = {
    weekday: { weekday: 'short' },
    day: { day: 'numeric' },
    weekdayDay: { weekday: 'short', day: 'numeric' },
    long: { weekday: 'long', day: 'numeric', month: 'long' },
  };
  return dateTimeFormat(locale, { ...options[style], timeZone: 'UTC' }).format(new Date(`${day.slice(0, 10)}T12:00:00Z`));
}

/** A month and year ("December 2026"), for calendar headings and monthly tables. */
export function formatMonth(iso: Instant, locale: string, timeZone: string, { short = false }: { short?: boolean } = {}): string {
  return dateTimeFormat(locale, { month: short ? 'short' : 'long', year: 'numeric', timeZone }).format(toDate(iso));
}

/** From start to end, sharing what both ends share: "1 Dec 2026, 14:05–15:00", or two dates when they differ. */
export function formatRange(start: Instant, end: Instant, locale: string, options: DateFormatOptions): string {
  const format = dateTimeFormat(locale, patternOptions(options));
  const [from, to] = [toDate(start), toDate(end)];
  if (to.getTime() < from.getTime()) return `${format.format(from)} – ${format.format(to)}`;
  return format.formatRange(from, to);
}

/** A number in the reader's locale (digits, grouping and decimal sign); `style: 'percent'` for ratios. */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(formattingLocale(locale), options).format(value);
}

/** `format(iso, options)` bound to the interface language and a time zone (usually the user's chosen zone). */
export function useDateFormatter(timeZone: string) {
  const { i18n } = useTranslation();
  return (iso: Instant, options: Omit<DateFormatOptions, 'timeZone'> = {}) => formatDateTime(iso, i18n.language, { ...options, timeZone });
}

/** Every formatter of this file bound to the interface language and a time zone. */
export function useFormatters(timeZone: string) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      date: (iso: Instant, options?: { weekday?: boolean }) => formatDate(iso, locale, timeZone, options),
      dateTime: (iso: Instant, options?: { weekday?: boolean }) =>
        formatDateTime(iso, locale, { timeZone, dateStyle: options?.weekday ? 'full' : 'medium', timeStyle: 'short' }),
      calendarDate: (day: string, options?: { weekday?: boolean }) => formatCalendarDate(day, locale, options),
      time: (iso: Instant) => formatTime(iso, locale, timeZone),
      month: (iso: Instant, options?: { short?: boolean }) => formatMonth(iso, locale, timeZone, options),
      range: (start: Instant, end: Instant, options?: { weekday?: boolean; dateOnly?: boolean }) =>
        formatRange(start, end, locale, { timeZone, dateStyle: options?.weekday ? 'full' : 'medium', timeStyle: options?.dateOnly ? undefined : 'short' }),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
    }),
    [locale, timeZone],
  );
}

export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** Every IANA zone as select options ("America/Sao Paulo"), computed once per component. */
export function useTimeZoneOptions(): Array<{ value: string; label: string }> {
  return useMemo(() => supportedTimeZones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), []);
}

/**
 * Text people wrote (a name, a title), isolated inside a translated sentence (U+2068 … U+2069): a Latin name in an
 * Arabic sentence, or the reverse, keeps its own direction and does not drag the punctuation around it.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}

/** The country's name in the reader's language (the API gives it in English), from its ISO 3166 two-letter code. */
export function countryName(country: { iso2: string; name: string }, language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(country.iso2.toUpperCase());
    return name ?? country.name;
  } catch {
    return country.name;
  }
}
