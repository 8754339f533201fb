import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;
/** How far into a range offsets are read every week (each read costs a few microseconds). */
const WEEKLY_SPAN = 50 * 365 * 86_400_000;
const UTC_NAMES = /^(Etc\/)?(UTC|UCT|GMT|GMT[+-]?0|Universal|Zulu|Greenwich)$/i;

/** A change of UTC offset in a zone: from `at` (ms since the epoch) the offset is `after` minutes instead of `before`. */
export interface OffsetTransition {
  at: number;
  before: number;
  after: number;
}

/** UTC itself under any of its names (UTC, Etc/UTC, GMT, Etc/GMT, Zulu…): times there are best written as UTC instants. */
export function isUtcZone(timeZone: string): boolean {
  if (UTC_NAMES.test(timeZone)) return true;
  try {
    return UTC_NAMES.test(new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

function zoneOf(timeZone: string) {
  return isUtcZone(timeZone) ? FixedOffsetZone.utcInstance : IANAZone.create(timeZone);
}

/**
 * Every change of offset in the zone between two instants, from the runtime's time-zone database (the one the
 * occurrences are computed with), to the minute. The offset is read every week over the first 50 years of the
 * range (real changes are months apart) and at the extra instants given, anywhere in the range: a change between
 * two readings with different offsets is always found, so the offset at each extra instant (e.g. every occurrence
 * of a series) is right, even for series running for centuries, without reading every week of them.
 */
export function offsetTransitions(timeZone: string, from: number, to: number, extra: number[] = []): OffsetTransition[] {
  const zone = zoneOf(timeZone);
  if (zone.isUniversal || !zone.isValid) return [];
  const offset = (minute: number) => zone.offset(minute * MINUTE);
  const points = new Set<number>();
  for (let at = from; at < Math.min(to, from + WEEKLY_SPAN); at += WEEK) points.add(Math.floor(at / MINUTE));
  points.add(Math.ceil(to / MINUTE));
  for (const at of extra) if (at > from && at < to) points.add(Math.floor(at / MINUTE));
  const minutes = [...points].sort((a, b) => a - b);
  const found: OffsetTransition[] = [];
  // Halving each stretch whose ends differ finds every change to the minute (transitions fall on whole minutes).
  const search = (low: number, high: number, lowOffset: number, highOffset: number): void => {
    if (lowOffset === highOffset) return;
    if (high - low === 1) {
      found.push({ at: high * MINUTE, before: lowOffset, after: highOffset });
      return;
    }
    const middle = Math.floor((low + high) / 2);
    const middleOffset = offset(middle);
    search(low, middle, lowOffset, middleOffset);
    search(middle, high, middleOffset, highOffset);
  };
  let previous = offset(minutes[0]);
  for (let index = 1; index < minutes.length; index++) {
    const current = offset(minutes[index]);
    search(minutes[index - 1], minutes[index], previous, current);
    previous = current;
  }
  return found;
}

/**
 * Why a wall-clock time does not exist in the zone (it falls in the hour skipped when clocks move forward), in a
 * sentence for the person who typed it; null when it exists. `local` is e.g. 2027-03-28T02:30.
 */
export function nonexistentLocalTime(local: string, timeZone: string): string | null {
  const resolved = DateTime.fromISO(local, { zone: timeZone });
  // Luxon moves a time in the gap forward by the gap's length: the wall clock no longer reads what was asked.
  if (!resolved.isValid || resolved.toFormat("yyyy-LL-dd'T'HH:mm") === local.slice(0, 16)) return null;
  const [change] = offsetTransitions(timeZone, resolved.toMillis() - 2 * 86_400_000, resolved.toMillis() + MINUTE).slice(-1);
  const asked = DateTime.fromISO(local, { zone: 'utc' });
  const when = `${asked.toFormat('HH:mm')} does not exist on ${asked.setLocale('en-GB').toFormat('d LLLL')} in ${timeZone}`;
  if (!change) return `${when} (clocks move forward)`;
  const wall = (offset: number) => DateTime.fromMillis(change.at, { zone: FixedOffsetZone.instance(offset) }).toFormat('HH:mm');
  return `${when} (clocks move forward from ${wall(change.before)} to ${wall(change.after)})`;
}
