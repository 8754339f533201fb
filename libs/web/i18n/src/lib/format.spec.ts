import { formatCalendarDate, formatDate, formatDayLabel, formatDateTime, formatMonth, formatNumber, formatRange, formatTime, formattingLocale, isolate } from './format';

const instant = '2026-12-01T11:05:00Z';

describe('formattingLocale', () => {
  it('refines the interface language by the browser region that speaks it', () => {
    expect(formattingLocale('en', ['en-GB', 'fr-FR'])).toBe('en-GB');
    expect(formattingLocale('fr', ['en-GB', 'fr-CA'])).toBe('fr-CA');
    expect(formattingLocale('ar', ['en-GB'])).toBe('ar');
    expect(formattingLocale('es-AR', ['es-ES'])).toBe('es-AR');
  });
});

describe('one pattern for dates and times', () => {
  it('writes dates in the medium pattern, whatever style a caller asks for', () => {
    const medium = formatDateTime(instant, 'en-GB', { timeZone: 'UTC' });
    expect(medium).toBe('1 Dec 2026');
    expect(formatDateTime(instant, 'en-GB', { timeZone: 'UTC', dateStyle: 'short' })).toBe(medium);
    expect(formatDateTime(instant, 'en-GB', { timeZone: 'UTC', dateStyle: 'long' })).toBe(medium);
    expect(formatDate(instant, 'en-GB', 'UTC')).toBe(medium);
  });

  it('adds the weekday only when asked', () => {
    expect(formatDate(instant, 'en-GB', 'UTC', { weekday: true })).toMatch(/^Tuesday,? 1 December 2026$/);
  });

  it('uses 24-hour time where the locale does and 12-hour where it does not, in the chosen zone', () => {
    expect(formatDateTime(instant, 'en-GB', { timeZone: 'Africa/Nairobi', timeStyle: 'medium' })).toBe('1 Dec 2026, 14:05');
    expect(formatTime(instant, 'en-US', 'Africa/Nairobi')).toBe('2:05 PM');
    expect(formatTime(instant, 'fr', 'Europe/Paris')).toBe('12:05');
  });

  it('shows a day with no time as the same calendar date in every zone', () => {
    expect(formatCalendarDate('2026-12-01', 'en-GB')).toBe('1 Dec 2026');
    expect(formatDateTime('2026-12-01', 'en-GB', { timeZone: 'Pacific/Kiritimati' })).toBe('1 Dec 2026');
    expect(formatDateTime('2026-12-01', 'en-GB', { timeZone: 'Pacific/Pago_Pago' })).toBe('1 Dec 2026');
  });

  it('labels calendar days in the locale’s order and digits', () => {
    expect(formatDayLabel('2026-12-01', 'en-GB', 'weekday')).toBe('Tue');
    expect(formatDayLabel('2026-12-01', 'en-GB', 'day')).toBe('1');
    expect(formatDayLabel('2026-12-01', 'en-GB', 'weekdayDay')).toBe('Tue 1');
    expect(formatDayLabel('2026-12-01', 'fr', 'long')).toBe('mardi 1 décembre');
    expect(formatDayLabel('2026-12-01', 'ar', 'day')).toBe(formatNumber(1, 'ar'));
  });

  it('writes month headings', () => {
    expect(formatMonth(instant, 'en-GB', 'UTC')).toBe('December 2026');
    expect(formatMonth(instant, 'fr', 'UTC', { short: true })).toBe('déc. 2026');
  });

  it('collapses what the ends of a range share', () => {
    const same = formatRange(instant, '2026-12-01T12:00:00Z', 'en-GB', { timeZone: 'Africa/Nairobi', timeStyle: 'short' });
    expect(same).toMatch(/^1 Dec 2026, 14:05\s?–\s?15:00$/);
    const across = formatRange(instant, '2026-12-03T12:00:00Z', 'en-GB', { timeZone: 'UTC' });
    expect(across).toMatch(/^1\s?–\s?3 Dec 2026$/);
  });
});

describe('formatNumber', () => {
  it('groups digits and writes percentages by locale', () => {
    expect(formatNumber(12345.5, 'en-GB')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'fr').replace(/\s/g, ' ')).toBe('12 345,5');
    expect(formatNumber(0.25, 'es', { style: 'percent' }).replace(/\s/g, ' ')).toBe('25 %');
  });
});

describe('isolate', () => {
  it('sets written text apart from the sentence around it with first-strong isolates', () => {
    expect(isolate('SIMASHE Secretariat (WHO)')).toBe('\u2068SIMASHE Secretariat (WHO)\u2069');
    expect(`offered by ${isolate('منظمة')}`.length).toBe('offered by منظمة'.length + 2);
  });
});
