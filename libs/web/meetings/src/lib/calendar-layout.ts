import type { MeetingOccurrence } from '@simashe/contracts';
import { DateTime } from 'luxon';

/** Where the week view opens: the start of the working day. */
export const WORKDAY_START_HOUR = 8;
/** Below this width (the phone menu's breakpoint) the week is a list of days and month cells show counts. */
export const PHONE_QUERY = '(max-width: 48rem)';
/** How many meetings a month cell lists before "+N more". */
export const MONTH_CELL_LIMIT = 3;

export interface PlacedEvent {
  occurrence: MeetingOccurrence;
  /** Minutes from the day's midnight in the viewer's zone. */
  startMinute: number;
  /** Minutes shown on this day (cut at midnight), at least 15 so short meetings stay readable. */
  minutes: number;
  /** Side-by-side placement of overlapping meetings: this one's column among `lanes`. */
  lane: number;
  lanes: number;
}

/**
 * The meetings that start on `day` (yyyy-LL-dd in `zone`), placed on a 24-hour scale. Overlapping meetings share the
 * width side by side instead of covering each other, so every title stays visible.
 */
export function layoutDay(items: readonly MeetingOccurrence[], day: string, zone: string): PlacedEvent[] {
  const midnight = DateTime.fromISO(day, { zone }).startOf('day');
  const placed = items
    .filter((o) => DateTime.fromISO(o.start).setZone(zone).hasSame(midnight, 'day'))
    .map((occurrence) => {
      const start = DateTime.fromISO(occurrence.start).setZone(zone);
      const startMinute = start.hour * 60 + start.minute;
      const length = DateTime.fromISO(occurrence.end).diff(start, 'minutes').minutes;
      return { occurrence, startMinute, minutes: Math.max(15, Math.min(length, 24 * 60 - startMinute)), lane: 0, lanes: 1 };
    })
    .sort((a, b) => a.startMinute - b.startMinute || b.minutes - a.minutes);
  // Clusters of meetings that overlap one another, each meeting in the first free lane of its cluster.
  let cluster: PlacedEvent[] = [];
  let clusterEnd = -1;
  const close = () => cluster.forEach((event) => (event.lanes = Math.max(...cluster.map((e) => e.lane)) + 1));
  for (const event of placed) {
    if (event.startMinute >= clusterEnd) {
      close();
      cluster = [];
    }
    const busy = new Set(cluster.filter((e) => e.startMinute + e.minutes > event.startMinute).map((e) => e.lane));
    while (busy.has(event.lane)) event.lane++;
    cluster.push(event);
    clusterEnd = Math.max(clusterEnd, event.startMinute + event.minutes);
  }
  close();
  return placed;
}

/**
 * Today's date in the zone the calendar shows its times in (yyyy-mm-dd). The calendar opens on it and the Today
 * button returns to it: on a Sunday evening in Zurich it is already Monday in Nairobi, and a week view shown in
 * Nairobi's times must then be Nairobi's new week, or it has no today in it.
 */
export function todayIn(zone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() as string;
}

/** The day the calendar is on once its times are shown in another zone: today stays today (there), any other day stays. */
export function dayInZone(day: string, from: string, to: string, now: Date = new Date()): string {
  return day === todayIn(from, now) ? todayIn(to, now) : day;
}

/** Where the "now" line goes on `day`, in minutes from midnight, or null when now is another day. */
export function nowMinute(day: string, zone: string, now: Date = new Date()): number | null {
  const current = DateTime.fromJSDate(now).setZone(zone);
  return current.toISODate() === DateTime.fromISO(day, { zone }).toISODate() ? current.hour * 60 + current.minute : null;
}

/** A month cell's meetings: the first few in time order, and how many more there are. */
export function monthCell<T extends { start: string }>(items: readonly T[], limit = MONTH_CELL_LIMIT): { shown: T[]; more: number } {
  const sorted = [...items].sort((a, b) => a.start.localeCompare(b.start));
  return { shown: sorted.slice(0, limit), more: Math.max(0, sorted.length - limit) };
}

/**
 * The hour the week view opens at: the working day (08:00), or an hour before the week's first meeting when that
 * starts earlier, so an early meeting is never hidden above the fold. `weekStart` is a yyyy-LL-dd day in `zone`.
 */
export function openingHour(items: readonly { start: string }[], weekStart: string, zone: string): number {
  const from = DateTime.fromISO(weekStart, { zone }).startOf('day');
  const to = from.plus({ weeks: 1 });
  let hour = WORKDAY_START_HOUR;
  for (const item of items) {
    const start = DateTime.fromISO(item.start).setZone(zone);
    if (start >= from && start < to) hour = Math.min(hour, Math.max(0, start.hour - 1));
  }
  return hour;
}

/** The meetings of one day in `zone`, in time order (the phone's list of days and a month cell's count). */
export function meetingsOn<T extends { start: string }>(items: readonly T[], day: string, zone: string): T[] {
  const midnight = DateTime.fromISO(day, { zone }).startOf('day');
  return items.filter((o) => DateTime.fromISO(o.start).setZone(zone).hasSame(midnight, 'day')).sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * Where today's "now" marker goes in a day's list: before the first meeting that has not started yet (the list's
 * length when all have started), or null when `day` is not today in `zone`.
 */
export function nowIndex(items: readonly { start: string }[], day: string, zone: string, now: Date = new Date()): number | null {
  if (nowMinute(day, zone, now) === null) return null;
  const index = items.findIndex((item) => new Date(item.start).getTime() > now.getTime());
  return index === -1 ? items.length : index;
}
