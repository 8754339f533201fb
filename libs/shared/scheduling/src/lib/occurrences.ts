import { DateTime } from 'luxon';
import { RRule } from 'rrule';

/** More occurrences than this is a mistake, not a meeting series. */
export const MAX_OCCURRENCES = 2000;

/** Meetings repeat at most once a day: hourly, minutely or secondly rules made thousands of overlapping occurrences. */
export const FREQUENCY_MESSAGE = 'A meeting can repeat daily, weekly, monthly or yearly, not more than once a day';

export interface SeriesDefinition {
  /** Wall-clock start in the organiser's zone, e.g. 2026-03-03T14:00 */
  localStart: string;
  durationMinutes: number;
  timeZone: string;
  /** RRULE body without DTSTART, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=12 */
  rrule?: string | null;
}

export interface Occurrence {
  /** Instants (UTC ISO) — what every viewer converts to their own zone. */
  start: string;
  end: string;
  /** The organiser's wall-clock start, stable across DST changes. */
  localStart: string;
}

export class RecurrenceError extends Error {}


function floating(local: DateTime): Date {
  // rrule works on "floating" times: the wall clock is encoded as if it were UTC, then re-read in the real zone,
  // which keeps 14:00 at 14:00 across daylight-saving changes.
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

function toOccurrence(wall: Date, timeZone: string, durationMinutes: number): Occurrence {
  const local = DateTime.fromObject(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
    },
    { zone: timeZone },
  );
  return {
    start: local.toUTC().toISO({ suppressMilliseconds: true }) as string,
    end: local.plus({ minutes: durationMinutes }).toUTC().toISO({ suppressMilliseconds: true }) as string,
    localStart: local.toFormat("yyyy-LL-dd'T'HH:mm"),
  };
}

export function parseLocalStart(localStart: string, timeZone: string): DateTime {
  const local = DateTime.fromISO(localStart, { zone: timeZone });
  if (!local.isValid) throw new RecurrenceError(`"${localStart}" is not a valid local date-time`);
  return local;
}

/** The rule on floating times, with the checks that need no expansion. */
function parseRule(definition: SeriesDefinition): RRule | null {
  if (!definition.rrule) return null;
  const local = parseLocalStart(definition.localStart, definition.timeZone);
  let parsed: ReturnType<typeof RRule.parseString>;
  try {
    parsed = RRule.parseString(definition.rrule.replace(/^RRULE:/i, ''));
  } catch {
    throw new RecurrenceError('The recurrence rule is not a valid RRULE');
  }
  if (parsed.freq === undefined) throw new RecurrenceError('The recurrence rule needs a FREQ');
  if (!parsed.count && !parsed.until) throw new RecurrenceError('A recurring meeting needs an end: COUNT or UNTIL');
  if (parsed.count && parsed.count > MAX_OCCURRENCES) throw new RecurrenceError(`At most ${MAX_OCCURRENCES} occurrences`);
  return new RRule({ ...parsed, dtstart: floating(local), tzid: undefined });
}

export function buildRule(definition: SeriesDefinition): RRule | null {
  const rule = parseRule(definition);
  if (!rule) return null;
  const total = rule.all((_date, index) => index < MAX_OCCURRENCES + 1).length;
  if (total > MAX_OCCURRENCES) throw new RecurrenceError(`At most ${MAX_OCCURRENCES} occurrences`);
  if (total === 0) throw new RecurrenceError('The recurrence rule produces no occurrence');
  return rule;
}

/**
 * The checks for a series about to be saved (created or changed): those of `buildRule`, and a frequency of at
 * most once a day. Stored series are read with `occurrences()`, which does not refuse older, finer rules.
 */
export function validateSeries(definition: SeriesDefinition): void {
  if (definition.rrule) {
    let freq: number | undefined;
    try {
      freq = RRule.parseString(definition.rrule.replace(/^RRULE:/i, '')).freq;
    } catch {
      // buildRule says what is wrong with it.
    }
    if (freq !== undefined && freq > RRule.DAILY) throw new RecurrenceError(FREQUENCY_MESSAGE);
  }
  buildRule(definition);
}

/**
 * The checks for a rule as a person wrote it (a new series), beyond `validateSeries`: RFC 5545 allows one end, not
 * both (calendars that receive the rule in the .ics export may refuse it), and a count of at least one. Not applied
 * to rules derived from stored ones ("this and following"), which their author cannot change.
 */
export function validateWrittenRule(rrule: string | null | undefined): void {
  if (!rrule) return;
  let parsed: Partial<ReturnType<typeof RRule.parseString>>;
  try {
    parsed = RRule.parseString(rrule.replace(/^RRULE:/i, ''));
  } catch {
    return; // validateSeries says what is wrong with it
  }
  if (parsed.count != null && parsed.until != null) throw new RecurrenceError('End a recurring meeting with COUNT or UNTIL, not both');
  if (parsed.count != null && parsed.count < 1) throw new RecurrenceError('COUNT must be at least 1');
}

/** Every occurrence of the series (or the single meeting), as instants and organiser wall-clock times. */
export function occurrences(definition: SeriesDefinition): Occurrence[] {
  const rule = buildRule(definition);
  if (!rule) return [toOccurrence(floating(parseLocalStart(definition.localStart, definition.timeZone)), definition.timeZone, definition.durationMinutes)];
  return rule.all().map((wall) => toOccurrence(wall, definition.timeZone, definition.durationMinutes));
}

/**
 * The occurrences of `occurrences()` that start between two instants (inclusive, ms since the epoch), expanding only
 * that stretch of the series: figures over a recent window need not build every occurrence of a series running for
 * years. For stored series: the rule is not expanded again to be checked (`buildRule` did that when it was saved).
 */
export function occurrencesBetween(definition: SeriesDefinition, from: number, to: number): Occurrence[] {
  const rule = parseRule(definition);
  // Floating wall-clock times are within a day of their instants, whatever the zone.
  const walls = rule
    ? rule.between(new Date(from - 86_400_000), new Date(to + 86_400_000), true)
    : [floating(parseLocalStart(definition.localStart, definition.timeZone))];
  return walls
    .map((wall) => toOccurrence(wall, definition.timeZone, definition.durationMinutes))
    .filter((occurrence) => {
      const start = Date.parse(occurrence.start);
      return start >= from && start <= to;
    });
}

/** Shows an instant in a viewer's zone, e.g. for "14:00 Geneva = 16:00 Nairobi". */
export function inZone(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toFormat("yyyy-LL-dd'T'HH:mm");
}

