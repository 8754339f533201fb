import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface DateFormatOptions {
  timeZone: string;
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
  timeStyle?: 'full' | 'long' | 'medium' | 'short';
}

/** Dates always go through Intl, in the reader's language and chosen time zone. */
export function formatDateTime(iso: string | Date, locale: string, options: DateFormatOptions): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: options.dateStyle ?? 'medium',
    timeStyle: options.timeStyle,
    timeZone: options.timeZone,
  }).format(date);
}

export function useDateFormatter(timeZone: string) {
  const { i18n } = useTranslation();
  return (iso: string | Date, options: Omit<DateFormatOptions, 'timeZone'> = {}) =>
    formatDateTime(iso, i18n.language, { ...options, timeZone });
}

export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** Every IANA zone as select options ("America/Sao Paulo"), computed once per component. */
export function useTimeZoneOptions(): Array<{ value: string; label: string }> {
  return useMemo(() => supportedTimeZones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), []);
}
