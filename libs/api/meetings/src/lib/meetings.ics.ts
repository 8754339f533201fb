import { isUtcZone, occurrences } from '@simashe/scheduling';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { vtimezone } from './vtimezone';

export interface IcsMeeting {
  id: string;
  title: string;
  description: string;
  localStart: string;
  durationMinutes: number;
  timeZone: string;
  rrule: string | null;
  conferencingUrl: string | null;
  cancelled: boolean;
  changes: Array<{ occurrence: string; cancelled: boolean; newLocalStart: string | null; newDurationMinutes: number | null }>;
}

const local = (text: string, zone: string) => DateTime.fromISO(text, { zone });
const icsLocal = (value: DateTime) => value.toFormat("yyyyLLdd'T'HHmmss");
const icsUtc = (value: DateTime) => value.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");

/** The instants a meeting puts in the file (every occurrence, moved ones too): its zone's VTIMEZONE must cover them. */
function instantsOf(meeting: IcsMeeting): number[] {
  const { localStart, durationMinutes, timeZone, rrule } = meeting;
  const instants = [local(localStart, timeZone).toMillis()];
  try {
    for (const o of occurrences({ localStart, durationMinutes, timeZone, rrule })) instants.push(Date.parse(o.start), Date.parse(o.end));
  } catch {
    // A stored rule that no longer expands: the file still carries DTSTART, and calendar apps expand the rule themselves.
  }
  for (const change of meeting.changes) {
    if (!change.newLocalStart) continue;
    const moved = local(change.newLocalStart, timeZone);
    instants.push(moved.toMillis(), moved.plus({ minutes: change.newDurationMinutes ?? durationMinutes }).toMillis());
  }
  return instants.filter(Number.isFinite);
}

/** RRULE for the file: UNTIL, kept internally as floating wall-clock, becomes the real UTC instant RFC 5545 asks for. */
function rruleLine(rrule: string, zone: string): string {
  const options = RRule.parseString(rrule.replace(/^RRULE:/i, ''));
  if (options.until) {
    const u = options.until;
    options.until = DateTime.fromObject(
      { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate(), hour: u.getUTCHours(), minute: u.getUTCMinutes(), second: u.getUTCSeconds() },
      { zone },
    ).toUTC().toJSDate();
  }
  return new RRule(options).toString();
}

/**
 * One VCALENDAR per meeting (or all of a person's, for the feed): the series with RRULE, cancelled occurrences as
 * EXDATE (they vanish from calendars), moved occurrences as RECURRENCE-ID overrides, a cancelled meeting as
 * METHOD:CANCEL + STATUS:CANCELLED. UIDs are stable: the meeting id.
 *
 * Times are the organiser's wall clock with TZID and a VTIMEZONE per zone (so a weekly 14:00 stays at 14:00 across
 * daylight-saving changes), except in UTC, written as UTC instants (…Z) with no VTIMEZONE. DTSTAMP is UTC, as RFC 5545
 * requires. No calendar-wide zone is set: ical-generator would then write DTSTAMP, and UTC times, in that zone as
 * floating times (a UTC meeting showed at the wrong hour everywhere else).
 */
export function meetingsCalendar(meetings: IcsMeeting[], name = 'SIMASHE Workspace', now: Date = new Date()): string {
  const instants = new Map<string, number[]>();
  for (const meeting of meetings) {
    if (isUtcZone(meeting.timeZone)) continue;
    const used = instants.get(meeting.timeZone) ?? [];
    for (const instant of instantsOf(meeting)) used.push(instant);
    instants.set(meeting.timeZone, used);
  }
  const calendar = ical({
    name,
    prodId: { company: 'WHO SIMASHE', product: 'Workspace', language: 'EN' },
    method: meetings.length === 1 && meetings[0].cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    // Called once per TZID used by an event: one VTIMEZONE per zone.
    timezone: { name: null, generator: (zone) => (instants.get(zone)?.length ? vtimezone(zone, instants.get(zone) as number[]) : null) },
  });
  for (const meeting of meetings) {
    const zone = meeting.timeZone;
    const utc = isUtcZone(zone);
    const uid = `${meeting.id}@simashe-workspace`;
    // A single meeting moved or cancelled through its one occurrence: the event itself carries the change.
    const own = meeting.rrule ? undefined : meeting.changes.find((c) => c.occurrence === meeting.localStart);
    const start = local(own?.newLocalStart ?? meeting.localStart, zone);
    const durationMinutes = own?.newDurationMinutes ?? meeting.durationMinutes;
    const lines: string[] = [];
    if (meeting.rrule) lines.push(rruleLine(meeting.rrule, zone));
    const cancelled = meeting.changes.filter((c) => c.cancelled).map((c) => local(c.occurrence, zone));
    if (meeting.rrule && cancelled.length > 0) {
      lines.push(utc ? `EXDATE:${cancelled.map(icsUtc).join(',')}` : `EXDATE;TZID=${zone}:${cancelled.map(icsLocal).join(',')}`);
    }
    calendar.createEvent({
      id: uid,
      stamp: now,
      start,
      end: start.plus({ minutes: durationMinutes }),
      timezone: utc ? null : zone,
      summary: meeting.title,
      description: meeting.description || undefined,
      url: meeting.conferencingUrl ?? undefined,
      location: meeting.conferencingUrl ?? undefined,
      status: meeting.cancelled || own?.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      repeating: lines.length > 0 ? lines.join('\n') : null,
      sequence: meeting.changes.length,
    });
    for (const change of meeting.changes) {
      if (change.cancelled || !change.newLocalStart || !meeting.rrule) continue;
      const moved = local(change.newLocalStart, zone);
      calendar.createEvent({
        id: uid,
        stamp: now,
        recurrenceId: local(change.occurrence, zone),
        start: moved,
        end: moved.plus({ minutes: change.newDurationMinutes ?? meeting.durationMinutes }),
        timezone: utc ? null : zone,
        summary: meeting.title,
        url: meeting.conferencingUrl ?? undefined,
        status: ICalEventStatus.CONFIRMED,
      });
    }
  }
  return calendar.toString();
}
