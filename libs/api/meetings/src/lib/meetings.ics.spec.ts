import { occurrences } from '@simashe/scheduling';
import { asSeenIn, readCalendar } from './ical-reader.testing';
import { meetingsCalendar, type IcsMeeting } from './meetings.ics';

const VIEWERS = ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];

/** What the API lists (MeetingsService.scheduled): the series, cancelled occurrences left out, moved ones at their new time. */
function scheduledOf(meeting: IcsMeeting): Array<{ start: string; end: string }> {
  const { durationMinutes, timeZone } = meeting;
  return occurrences(meeting).flatMap((original) => {
    const change = meeting.changes.find((c) => c.occurrence === original.localStart);
    if (change?.cancelled) return [];
    if (!change?.newLocalStart) return [original];
    return occurrences({ localStart: change.newLocalStart, durationMinutes: change.newDurationMinutes ?? durationMinutes, timeZone });
  });
}

/** Every occurrence the file holds for the meeting, as each viewer sees it, equals what the API says. */
function expectSameAsApi(ics: string, meeting: IcsMeeting): void {
  const read = readCalendar(ics).get(`${meeting.id}@simashe-workspace`);
  expect(read).toBeDefined();
  const api = scheduledOf(meeting).sort((a, b) => a.start.localeCompare(b.start));
  for (const viewer of VIEWERS) expect(asSeenIn(viewer, read?.occurrences ?? [])).toEqual(asSeenIn(viewer, api));
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
  const inZone = (timeZone: string, id: string, overrides: Partial<IcsMeeting> = {}): IcsMeeting => ({ ...weekly, id, timeZone, ...overrides });
  const starts = (ics: string, meeting: IcsMeeting, viewer: string) =>
    asSeenIn(viewer, readCalendar(ics).get(`${meeting.id}@simashe-workspace`)?.occurrences ?? []).map((o) => o.slice(0, 16));

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
    const ics = meetingsCalendar([weekly]);
    expect(starts(ics, weekly, 'Europe/Zurich')).toEqual(['2026-03-17 14:00', '2026-04-01 10:00', '2026-04-07 14:00']);
    expect(starts(ics, weekly, 'Africa/Nairobi')).toEqual(['2026-03-17 16:00', '2026-04-01 11:00', '2026-04-07 15:00']);
    expectSameAsApi(ics, weekly);
  });

  it('writes its VTIMEZONE from the time-zone database: CET, then CEST from 29 March 2026 at 02:00', () => {
    const ics = meetingsCalendar([weekly]);
    expect(ics).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200/);
  });

  it('marks a cancelled meeting with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const ics = meetingsCalendar([{ ...weekly, cancelled: true, changes: [] }]);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
  });

  it('writes DTSTAMP in UTC, whatever the zones of the meetings', () => {
    const now = new Date('2026-02-01T12:34:56Z');
    const files = [
      meetingsCalendar([weekly], 'One', now),
      meetingsCalendar([inZone('UTC', 'a0000000-0000-4000-8000-000000000001')], 'UTC', now),
      meetingsCalendar([weekly, inZone('Asia/Kathmandu', 'a0000000-0000-4000-8000-000000000002')], 'Feed', now),
    ];
    for (const ics of files) {
      const stamps = ics.match(/^DTSTAMP[^\r\n]*/gm) ?? [];
      expect(stamps.length).toBeGreaterThan(0);
      expect(new Set(stamps)).toEqual(new Set(['DTSTAMP:20260201T123456Z']));
    }
  });

  it.each(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'utc'])('writes a meeting in %s as UTC instants (Z), with no TZID and no VTIMEZONE', (zone) => {
    const meeting = inZone(zone, 'b0000000-0000-4000-8000-000000000001');
    const ics = meetingsCalendar([meeting]);
    expect(ics).toContain('DTSTART:20260317T140000Z');
    expect(ics).toContain('DTEND:20260317T153000Z');
    expect(ics).toContain('EXDATE:20260324T140000Z');
    expect(ics).toContain('RECURRENCE-ID:20260331T140000Z');
    expect(ics).toContain('DTSTART:20260401T100000Z');
    expect(ics).not.toContain('TZID');
    expect(ics).not.toContain('BEGIN:VTIMEZONE');
    expect(starts(ics, meeting, 'Asia/Kolkata')).toEqual(['2026-03-17 19:30', '2026-04-01 15:30', '2026-04-07 19:30']);
    expectSameAsApi(ics, meeting);
  });

  it.each([
    // POSIX signs: Etc/GMT-3 is UTC+03:00, Etc/GMT+5 is UTC-05:00.
    ['Etc/GMT-3', '+0300', '2026-03-17 11:00'],
    ['Etc/GMT+5', '-0500', '2026-03-17 19:00'],
    ['Etc/GMT-14', '+1400', '2026-03-17 00:00'],
    ['Etc/GMT+12', '-1200', '2026-03-18 02:00'],
  ])('gives %s a fixed VTIMEZONE at its real offset (%s)', (zone, offset, utcStart) => {
    const meeting = inZone(zone, 'c0000000-0000-4000-8000-000000000001');
    const ics = meetingsCalendar([meeting]);
    expect(ics).toContain(`TZID:${zone}`);
    expect([...new Set(ics.match(/TZOFFSET(FROM|TO):[^\r\n]*/g))]).toEqual([`TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`]);
    expect(ics).not.toContain('BEGIN:DAYLIGHT');
    expect(starts(ics, meeting, 'UTC')[0]).toBe(utcStart);
    expectSameAsApi(ics, meeting);
  });

  it('follows the current rules where a bundled copy was out of date: no daylight-saving time in Brazil since 2019', () => {
    // The bundled VTIMEZONE still moved São Paulo to -02:00 from the first Sunday of November.
    const meeting = inZone('America/Sao_Paulo', 'd0000000-0000-4000-8000-000000000001', {
      localStart: '2026-10-20T10:00',
      rrule: 'FREQ=WEEKLY;COUNT=8',
      changes: [
        { occurrence: '2026-11-03T10:00', cancelled: true, newLocalStart: null, newDurationMinutes: null },
        { occurrence: '2026-11-10T10:00', cancelled: false, newLocalStart: '2026-11-11T09:00', newDurationMinutes: null },
      ],
    });
    const ics = meetingsCalendar([meeting]);
    expect(ics).not.toContain('BEGIN:DAYLIGHT');
    expect(ics).not.toContain('-0200');
    expect(starts(ics, meeting, 'UTC')).toEqual([
      '2026-10-20 13:00', '2026-10-27 13:00', '2026-11-11 12:00', '2026-11-17 13:00', '2026-11-24 13:00', '2026-12-01 13:00', '2026-12-08 13:00',
    ]);
    expectSameAsApi(ics, meeting);
  });

  it('keeps a quarter-hour offset: Asia/Kathmandu (+05:45)', () => {
    const meeting = inZone('Asia/Kathmandu', 'e0000000-0000-4000-8000-000000000001', { localStart: '2026-03-17T09:00', rrule: 'FREQ=WEEKLY;COUNT=4', changes: [] });
    const ics = meetingsCalendar([meeting]);
    expect(ics).toContain('TZOFFSETTO:+0545');
    expect(starts(ics, meeting, 'Asia/Kolkata')).toEqual(['2026-03-17 08:45', '2026-03-24 08:45', '2026-03-31 08:45', '2026-04-07 08:45']);
    expectSameAsApi(ics, meeting);
  });

  it('puts a single meeting that was moved or cancelled where the API says, not at its original time', () => {
    const moved = inZone('Europe/Zurich', 'f0000000-0000-4000-8000-000000000001', {
      rrule: null,
      changes: [{ occurrence: '2026-03-17T14:00', cancelled: false, newLocalStart: '2026-03-18T09:00', newDurationMinutes: 30 }],
    });
    const ics = meetingsCalendar([moved]);
    expect(ics).toContain('DTSTART;TZID=Europe/Zurich:20260318T090000');
    expectSameAsApi(ics, moved);
    const dropped = { ...moved, changes: [{ occurrence: '2026-03-17T14:00', cancelled: true, newLocalStart: null, newDurationMinutes: null }] };
    expect(readCalendar(meetingsCalendar([dropped])).get(`${dropped.id}@simashe-workspace`)?.status).toBe('CANCELLED');
  });

  it('agrees with the API in a personal feed holding meetings in several zones, one VTIMEZONE per zone', () => {
    const meetings = [
      weekly,
      inZone('UTC', '10000000-0000-4000-8000-000000000001'),
      inZone('Etc/GMT-3', '10000000-0000-4000-8000-000000000002'),
      inZone('Etc/GMT+5', '10000000-0000-4000-8000-000000000003'),
      inZone('America/Sao_Paulo', '10000000-0000-4000-8000-000000000004'),
      inZone('Asia/Kathmandu', '10000000-0000-4000-8000-000000000005'),
      inZone('Europe/Zurich', '10000000-0000-4000-8000-000000000006', { localStart: '2026-10-13T09:00', rrule: 'FREQ=WEEKLY;UNTIL=20261110T235959Z', changes: [] }),
    ];
    const ics = meetingsCalendar(meetings, 'SIMASHE meetings');
    expect((ics.match(/^TZID:[^\r\n]*/gm) ?? []).sort()).toEqual(['TZID:America/Sao_Paulo', 'TZID:Asia/Kathmandu', 'TZID:Etc/GMT+5', 'TZID:Etc/GMT-3', 'TZID:Europe/Zurich']);
    for (const meeting of meetings) expectSameAsApi(ics, meeting);
  });

  it.each([
    // Beyond the 50 years the VTIMEZONE describes week by week: still right at every occurrence.
    ['Europe/Zurich', 'FREQ=MONTHLY;BYDAY=-1SU;COUNT=720'], // last Sundays: the days clocks change, 60 years
    ['America/New_York', 'FREQ=YEARLY;COUNT=300'],
    ['Pacific/Auckland', 'FREQ=WEEKLY;INTERVAL=4;COUNT=800'],
  ])('agrees with the API in %s for a series running for decades or centuries (%s)', (zone, rrule) => {
    const meeting = inZone(zone, '30000000-0000-4000-8000-000000000001', { localStart: '2026-03-29T09:00', rrule, changes: [] });
    expectSameAsApi(meetingsCalendar([meeting]), meeting);
  });

  it('agrees with the API for every time zone the API accepts, over a year of fortnightly meetings', () => {
    const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/GMT-3', 'Etc/GMT+5', 'Etc/GMT-14', 'Etc/GMT+12', 'Asia/Saigon', 'America/Buenos_Aires'];
    const disagreements: string[] = [];
    for (const zone of zones) {
      const meeting = inZone(zone, '20000000-0000-4000-8000-000000000001', { localStart: '2026-01-06T12:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=28', changes: [] });
      const read = readCalendar(meetingsCalendar([meeting])).get(`${meeting.id}@simashe-workspace`)?.occurrences ?? [];
      const file = read.map((o) => new Date(o.start).toISOString().replace('.000Z', 'Z'));
      const api = scheduledOf(meeting).map((o) => o.start);
      if (file.join() !== api.join()) disagreements.push(zone);
    }
    expect(disagreements).toEqual([]);
  });
});
