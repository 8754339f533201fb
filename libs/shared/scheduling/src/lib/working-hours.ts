import { DateTime, Interval } from 'luxon';

export interface WorkingDay {
  id: string;
  timeZone: string;
  /** "09:00" in the organisation's own zone. */
  workDayStart: string;
  workDayEnd: string;
}

export interface Window {
  start: string;
  end: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5];

function atClock(day: DateTime, clock: string): DateTime {
  const [hour, minute] = clock.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/**
 * Monday-to-Friday working hours of one organisation, as instants, for the days (in its own zone) that touch
 * the given week. DST is handled by building each day's hours in the organisation's zone.
 */
export function workingWindows(organisation: WorkingDay, week: Window): Window[] {
  const range = Interval.fromDateTimes(DateTime.fromISO(week.start), DateTime.fromISO(week.end));
  let day = DateTime.fromISO(week.start).setZone(organisation.timeZone).startOf('day').minus({ days: 1 });
  const result: Window[] = [];
  while (day < range.end!.setZone(organisation.timeZone).plus({ days: 1 })) {
    if (WEEKDAYS.includes(day.weekday)) {
      const hours = Interval.fromDateTimes(atClock(day, organisation.workDayStart), atClock(day, organisation.workDayEnd));
      const inside = hours.intersection(range);
      if (inside && !inside.isEmpty()) result.push({ start: inside.start!.toUTC().toISO()!, end: inside.end!.toUTC().toISO()! });
    }
    day = day.plus({ days: 1 });
  }
  return result;
}

/** The stretches of time inside every organisation's working hours. */
export function commonWindows(perOrganisation: Window[][]): Window[] {
  if (perOrganisation.length === 0) return [];
  const toIntervals = (windows: Window[]): Interval[] => windows.map((w) => Interval.fromDateTimes(DateTime.fromISO(w.start), DateTime.fromISO(w.end)));
  let common = toIntervals(perOrganisation[0]);
  for (const windows of perOrganisation.slice(1)) {
    const next = toIntervals(windows);
    common = common.flatMap((a) => next.map((b) => a.intersection(b)).filter((i): i is Interval => i !== null && !i.isEmpty()));
  }
  return common.map((i) => ({ start: i.start!.toUTC().toISO()!, end: i.end!.toUTC().toISO()! }));
}
