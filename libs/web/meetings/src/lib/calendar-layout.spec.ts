import type { MeetingOccurrence } from '@simashe/contracts';
import { layoutDay, meetingsOn, monthCell, nowIndex, nowMinute, openingHour, dayInZone, todayIn } from './calendar-layout';

const meeting = (title: string, start: string, end: string): MeetingOccurrence => ({
  meetingId: '00000000-0000-4000-8000-000000000000',
  occurrence: start.slice(0, 16),
  title,
  kind: 'steering_meeting',
  organiserOrganisationName: 'Secretariat',
  start,
  end,
  timeZone: 'UTC',
  localStart: start.slice(0, 16),
  modified: false,
  myRsvp: null,
  attended: false,
  attendees: 0,
  registration: null,
});

describe('week view layout', () => {
  it('places a meeting at its start in the viewer’s zone, sized by its length', () => {
    const [placed] = layoutDay([meeting('A', '2027-03-02T13:00:00Z', '2027-03-02T14:30:00Z')], '2027-03-02', 'Europe/Zurich');
    expect(placed).toMatchObject({ startMinute: 14 * 60, minutes: 90, lane: 0, lanes: 1 });
  });

  it('keeps meetings on the day they start in the viewer’s zone, and cuts them at midnight', () => {
    const late = meeting('Late', '2027-03-02T22:30:00Z', '2027-03-03T01:00:00Z');
    expect(layoutDay([late], '2027-03-02', 'UTC')[0].minutes).toBe(90);
    expect(layoutDay([late], '2027-03-02', 'Africa/Nairobi')).toEqual([]);
    expect(layoutDay([late], '2027-03-03', 'Africa/Nairobi')[0].startMinute).toBe(90);
  });

  it('puts overlapping meetings side by side, and gives short ones room to read', () => {
    const day = layoutDay(
      [
        meeting('A', '2027-03-02T09:00:00Z', '2027-03-02T10:00:00Z'),
        meeting('B', '2027-03-02T09:30:00Z', '2027-03-02T10:30:00Z'),
        meeting('C', '2027-03-02T10:00:00Z', '2027-03-02T10:05:00Z'),
        meeting('D', '2027-03-02T12:00:00Z', '2027-03-02T13:00:00Z'),
      ],
      '2027-03-02',
      'UTC',
    );
    const byTitle = Object.fromEntries(day.map((e) => [e.occurrence.title, e]));
    expect(byTitle['A']).toMatchObject({ lane: 0, lanes: 2 });
    expect(byTitle['B']).toMatchObject({ lane: 1, lanes: 2 });
    // C starts when A ends: it takes A's lane back.
    expect(byTitle['C']).toMatchObject({ lane: 0, lanes: 2, minutes: 15 });
    expect(byTitle['D']).toMatchObject({ lane: 0, lanes: 1 });
  });

  it('marks now only on today, in the viewer’s zone', () => {
    const now = new Date('2027-03-02T22:30:00Z');
    expect(nowMinute('2027-03-02', 'UTC', now)).toBe(22 * 60 + 30);
    expect(nowMinute('2027-03-03', 'Africa/Nairobi', now)).toBe(90);
    expect(nowMinute('2027-03-02', 'Africa/Nairobi', now)).toBeNull();
  });
});

describe('month cell', () => {
  it('lists the first three in time order and counts the rest', () => {
    const items = ['12', '08', '15', '09', '17'].map((hour) => ({ start: `2027-03-02T${hour}:00:00Z` }));
    const { shown, more } = monthCell(items);
    expect(shown.map((i) => i.start.slice(11, 13))).toEqual(['08', '09', '12']);
    expect(more).toBe(2);
    expect(monthCell(items.slice(0, 2)).more).toBe(0);
  });
});

describe('where the week view opens', () => {
  const week = '2027-03-01'; // a Monday

  it('opens at 08:00 when no meeting of the week starts earlier', () => {
    expect(openingHour([], week, 'UTC')).toBe(8);
    expect(openingHour([meeting('A', '2027-03-02T10:00:00Z', '2027-03-02T11:00:00Z')], week, 'UTC')).toBe(8);
  });

  it('opens an hour before an earlier meeting, in the viewer’s zone, never before midnight', () => {
    const early = meeting('Early', '2027-03-03T04:30:00Z', '2027-03-03T05:30:00Z');
    expect(openingHour([early], week, 'UTC')).toBe(3);
    expect(openingHour([early], week, 'Africa/Nairobi')).toBe(6); // 07:30 in Nairobi
    expect(openingHour([meeting('Midnight', '2027-03-04T00:15:00Z', '2027-03-04T01:00:00Z')], week, 'UTC')).toBe(0);
  });

  it('ignores meetings of other weeks', () => {
    expect(openingHour([meeting('Next week', '2027-03-08T05:00:00Z', '2027-03-08T06:00:00Z')], week, 'UTC')).toBe(8);
    expect(openingHour([meeting('Sunday before', '2027-02-28T05:00:00Z', '2027-02-28T06:00:00Z')], week, 'UTC')).toBe(8);
  });
});

describe('a day’s list (phone week, month counts)', () => {
  const items = [
    meeting('Late', '2027-03-02T15:00:00Z', '2027-03-02T16:00:00Z'),
    meeting('Early', '2027-03-02T07:00:00Z', '2027-03-02T08:00:00Z'),
    meeting('Other day', '2027-03-03T07:00:00Z', '2027-03-03T08:00:00Z'),
  ];

  it('lists a day’s meetings in time order, by the viewer’s day', () => {
    expect(meetingsOn(items, '2027-03-02', 'UTC').map((o) => o.title)).toEqual(['Early', 'Late']);
    expect(meetingsOn(items, '2027-03-02', 'Pacific/Auckland').map((o) => o.title)).toEqual(['Early']); // 20:00 on the 2nd there
  });

  it('puts the now marker before the first meeting yet to start, only on today', () => {
    const day = meetingsOn(items, '2027-03-02', 'UTC');
    expect(nowIndex(day, '2027-03-02', 'UTC', new Date('2027-03-02T06:00:00Z'))).toBe(0);
    expect(nowIndex(day, '2027-03-02', 'UTC', new Date('2027-03-02T12:00:00Z'))).toBe(1);
    expect(nowIndex(day, '2027-03-02', 'UTC', new Date('2027-03-02T18:00:00Z'))).toBe(2);
    expect(nowIndex(day, '2027-03-02', 'UTC', new Date('2027-03-03T12:00:00Z'))).toBeNull();
  });
});

describe('the day the calendar opens on', () => {
  it('is today in the zone the times are shown in, not the viewer’s own', () => {
    // Sunday 22:30 UTC in December: still Sunday in Zurich (UTC+1), already Monday in Nairobi (UTC+3).
    const sundayNight = new Date('2026-12-06T22:30:00Z');
    expect(todayIn('Europe/Zurich', sundayNight)).toBe('2026-12-06');
    expect(todayIn('Africa/Nairobi', sundayNight)).toBe('2026-12-07');
    // West of UTC it is still the day before.
    expect(todayIn('America/New_York', new Date('2026-12-07T03:00:00Z'))).toBe('2026-12-06');
  });

  it('moves with the shown zone when it was today, and stays on any other day', () => {
    const sundayNight = new Date('2026-12-06T22:30:00Z');
    expect(dayInZone('2026-12-06', 'Europe/Zurich', 'Africa/Nairobi', sundayNight)).toBe('2026-12-07');
    expect(dayInZone('2026-12-07', 'Africa/Nairobi', 'Europe/Zurich', sundayNight)).toBe('2026-12-06');
    expect(dayInZone('2026-11-20', 'Europe/Zurich', 'Africa/Nairobi', sundayNight)).toBe('2026-11-20');
  });
});
