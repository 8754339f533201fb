// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');
import { DateTime } from 'luxon';
import { meetingsCalendar, type IcsMeeting } from './meetings.ics';

/** Parsed back with ical.js, an independent implementation, and expanded as a calendar app would. */
function expand(ics: string, zone: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const events = component.getAllSubcomponents('vevent').map((vevent: unknown) => new ICAL.Event(vevent));
  const master = events.find((event: { isRecurrenceException(): boolean }) => !event.isRecurrenceException());
  for (const exception of events.filter((event: { isRecurrenceException(): boolean }) => event.isRecurrenceException())) master.relateException(exception);
  const iterator = master.iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next && starts.length < 100; next = iterator.next()) {
    const details = master.getOccurrenceDetails(next);
    // ical.js resolves the instant (TZID + VTIMEZONE); luxon only prints it in the viewer's zone.
    starts.push(DateTime.fromJSDate(details.startDate.toJSDate()).setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm"));
  }
  return { component, master, starts };
}

describe('meeting calendar files', () => {
  const weekly: IcsMeeting = {
    id: '7e0b0f3e-4d7a-4d39-9d55-2a2a3c1c7d11',
    title: 'Action-learning session',
    description: 'Cycle 2 reflection',
    localStart: '2026-03-17T14:00',
    durationMinutes: 90,
    timeZone: 'Europe/Zurich',
    rrule: 'FREQ=WEEKLY;COUNT=4',
    conferencingUrl: 'https://meet.example.org/simashe',
    cancelled: false,
    changes: [
      { occurrence: '2026-03-24T14:00', cancelled: true, newLocalStart: null, newDurationMinutes: null },
      { occurrence: '2026-03-31T14:00', cancelled: false, newLocalStart: '2026-04-01T10:00', newDurationMinutes: 60 },
    ],
  };

  it('is valid iCalendar with a stable UID, RRULE, EXDATE, RECURRENCE-ID and VTIMEZONE', () => {
    const ics = meetingsCalendar([weekly]);
    expect(ics).toContain('UID:7e0b0f3e-4d7a-4d39-9d55-2a2a3c1c7d11@simashe-workspace');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Zurich:20260317T140000/);
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;COUNT=4/);
    expect(ics).toMatch(/EXDATE;TZID=Europe\/Zurich:20260324T140000/);
    expect(ics).toMatch(/RECURRENCE-ID;TZID=Europe\/Zurich:20260331T140000/);
    const withoutStamp = (text: string) => text.replace(/DTSTAMP[^\r\n]*/g, '');
    expect(withoutStamp(meetingsCalendar([weekly]))).toBe(withoutStamp(ics));
  });

  it('expands in an independent parser to the right local times, across the DST change, without the cancelled one', () => {
    const { starts } = expand(meetingsCalendar([weekly]), 'Europe/Zurich');
    expect(starts).toEqual(['2026-03-17T14:00', '2026-04-01T10:00', '2026-04-07T14:00']);
    const nairobi = expand(meetingsCalendar([weekly]), 'Africa/Nairobi').starts;
    expect(nairobi).toEqual(['2026-03-17T16:00', '2026-04-01T11:00', '2026-04-07T15:00']);
  });

  it('marks a cancelled meeting with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const ics = meetingsCalendar([{ ...weekly, cancelled: true, changes: [] }]);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
  });
});
