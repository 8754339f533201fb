/* For the tests: reads calendar files back with ical.js (a devDependency), never used by the API itself. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');
import { DateTime } from 'luxon';

interface IcalTime {
  zone?: { tzid: string };
  toUnixTime(): number;
}
interface IcalEvent {
  uid: string;
  isRecurrenceException(): boolean;
  relateException(exception: IcalEvent): void;
  iterator(): { next(): IcalTime | null };
  getOccurrenceDetails(next: IcalTime): { startDate: IcalTime; endDate: IcalTime };
  component: { getFirstPropertyValue(name: string): string | null };
}

export interface ReadEvent {
  status: string | null;
  /** Instants in ms since the epoch, as the calendar app resolves them. */
  occurrences: Array<{ start: number; end: number }>;
}

/**
 * A calendar file read back by ical.js — an implementation independent of the one that wrote it — and expanded as
 * a calendar app would: each TZID resolved with the file's own VTIMEZONE only (the parser's registry is emptied
 * first, so nothing from an earlier file helps), exceptions (RECURRENCE-ID) applied, EXDATEs left out.
 * Throws when a time would be read as floating: a TZID without its VTIMEZONE, or a time with neither TZID nor Z.
 */
export function readCalendar(ics: string, limit = 5000): Map<string, ReadEvent> {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const defined = new Set<string>();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(vtimezone);
    defined.add(vtimezone.getFirstPropertyValue('tzid'));
  }
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  for (const [, tzid] of unfolded.matchAll(/;TZID=([^:;]+)/g)) {
    if (!defined.has(tzid)) throw new Error(`TZID ${tzid} is used without a VTIMEZONE`);
  }
  const events = new Map<string, IcalEvent[]>();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event: IcalEvent = new ICAL.Event(vevent);
    events.set(event.uid, [...(events.get(event.uid) ?? []), event]);
  }
  const read = new Map<string, ReadEvent>();
  for (const [uid, all] of events) {
    const master = all.find((event) => !event.isRecurrenceException());
    if (!master) throw new Error(`${uid} has no master event`);
    for (const exception of all.filter((event) => event.isRecurrenceException())) master.relateException(exception);
    const occurrences: ReadEvent['occurrences'] = [];
    const iterator = master.iterator();
    for (let next = iterator.next(); next && occurrences.length < limit; next = iterator.next()) {
      const { startDate, endDate } = master.getOccurrenceDetails(next);
      for (const time of [startDate, endDate]) if ((time.zone?.tzid ?? 'floating') === 'floating') throw new Error(`${uid} has a floating time`);
      occurrences.push({ start: startDate.toUnixTime() * 1000, end: endDate.toUnixTime() * 1000 });
    }
    occurrences.sort((a, b) => a.start - b.start);
    read.set(uid, { status: master.component.getFirstPropertyValue('status'), occurrences });
  }
  return read;
}

/** Occurrences as someone in `viewerZone` sees them, e.g. "2026-03-17 19:30–21:00" (the end's date only if it differs). */
export function asSeenIn(viewerZone: string, occurrences: Array<{ start: number | string; end: number | string }>): string[] {
  const at = (value: number | string) => (typeof value === 'number' ? DateTime.fromMillis(value) : DateTime.fromISO(value)).setZone(viewerZone);
  return occurrences.map(({ start, end }) => {
    const from = at(start);
    const to = at(end);
    return `${from.toFormat('yyyy-LL-dd HH:mm')}–${to.toFormat(to.hasSame(from, 'day') ? 'HH:mm' : 'yyyy-LL-dd HH:mm')}`;
  });
}
