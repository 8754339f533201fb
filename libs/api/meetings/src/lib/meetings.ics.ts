import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';

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
 * One VCALENDAR per meeting: the series with RRULE, cancelled occurrences as EXDATE (they vanish from calendars),
 * moved occurrences as RECURRENCE-ID overrides, a cancelled meeting as METHOD:CANCEL + STATUS:CANCELLED,
 * and the organiser's VTIMEZONE. UIDs are stable: the meeting id.
 */
export function meetingsCalendar(meetings: IcsMeeting[], name = 'SIMASHE Workspace'): string {
  const zones = [...new Set(meetings.map((m) => m.timeZone))];
  const calendar = ical({
    name,
    prodId: { company: 'WHO SIMASHE', product: 'Workspace', language: 'EN' },
    method: meetings.length === 1 && meetings[0].cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    // With several zones (a personal feed) the generator adds one VTIMEZONE per zone used.
    timezone: { name: zones.length === 1 ? zones[0] : null, generator: getVtimezoneComponent },
  });
  for (const meeting of meetings) {
    const zone = meeting.timeZone;
    const uid = `${meeting.id}@simashe-workspace`;
    const start = local(meeting.localStart, zone);
    const lines: string[] = [];
    if (meeting.rrule) lines.push(rruleLine(meeting.rrule, zone));
    const cancelled = meeting.changes.filter((c) => c.cancelled).map((c) => icsLocal(local(c.occurrence, zone)));
    if (meeting.rrule && cancelled.length > 0) lines.push(`EXDATE;TZID=${zone}:${cancelled.join(',')}`);
    calendar.createEvent({
      id: uid,
      start,
      end: start.plus({ minutes: meeting.durationMinutes }),
      timezone: zone,
      summary: meeting.title,
      description: meeting.description || undefined,
      url: meeting.conferencingUrl ?? undefined,
      location: meeting.conferencingUrl ?? undefined,
      status: meeting.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      repeating: lines.length > 0 ? lines.join('\n') : null,
      sequence: meeting.changes.length,
    });
    for (const change of meeting.changes) {
      if (change.cancelled || !change.newLocalStart || !meeting.rrule) continue;
      const moved = local(change.newLocalStart, zone);
      calendar.createEvent({
        id: uid,
        recurrenceId: local(change.occurrence, zone),
        start: moved,
        end: moved.plus({ minutes: change.newDurationMinutes ?? meeting.durationMinutes }),
        timezone: zone,
        summary: meeting.title,
        url: meeting.conferencingUrl ?? undefined,
        status: ICalEventStatus.CONFIRMED,
      });
    }
  }
  return calendar.toString();
}
