import type { MeetingOccurrence } from '@simashe/contracts';
import { layoutDay, monthCell, nowMinute } from './calendar-layout';

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
