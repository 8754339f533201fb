import { offsetTransitions } from '@simashe/scheduling';
import { DateTime, FixedOffsetZone } from 'luxon';

const DAY = 86_400_000;

/** +0300, -0500, +0545: an offset in minutes as iCalendar writes it. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  return `${sign}${String(Math.floor(size / 60)).padStart(2, '0')}${String(size % 60).padStart(2, '0')}`;
}

/** One STANDARD or DAYLIGHT block: from `at` the offset is `after`; DTSTART is the wall clock before the change. */
function observance(timeZone: string, at: number, before: number, after: number): string[] {
  const inZone = DateTime.fromMillis(at, { zone: timeZone, locale: 'en-US' });
  const kind = inZone.isInDST ? 'DAYLIGHT' : 'STANDARD';
  const name = inZone.offsetNameShort;
  return [
    `BEGIN:${kind}`,
    `DTSTART:${DateTime.fromMillis(at, { zone: FixedOffsetZone.instance(before) }).toFormat("yyyyLLdd'T'HHmmss")}`,
    `TZOFFSETFROM:${utcOffset(before)}`,
    `TZOFFSETTO:${utcOffset(after)}`,
    ...(name ? [`TZNAME:${name.replace(/[\\;,]/g, '')}`] : []),
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE for a zone over the instants a calendar file uses, built from the runtime's time-zone database —
 * the one the API computes occurrences with — rather than a bundled copy (which had Etc/GMT±N with the sign
 * inverted, Brazil and Mexico still on daylight-saving time, and no entry at all for some zone names).
 * Every change of offset found is written out as its own observance (exact, whatever the zone's history): all of
 * them over the first 50 years, and beyond that those needed for the instants given to be right.
 */
export function vtimezone(timeZone: string, instants: number[]): string {
  const from = instants.reduce((a, b) => Math.min(a, b)) - 2 * DAY;
  const to = instants.reduce((a, b) => Math.max(a, b)) + 2 * DAY;
  const initial = DateTime.fromMillis(from, { zone: timeZone }).offset;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...observance(timeZone, from, initial, initial)];
  for (const change of offsetTransitions(timeZone, from, to, instants)) lines.push(...observance(timeZone, change.at, change.before, change.after));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
