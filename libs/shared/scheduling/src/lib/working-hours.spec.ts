import { commonWindows, workingWindows } from './working-hours';

// The week of Monday 2026-03-23 (Europe changes to summer time on Sunday 29 March) seen from UTC.
const week = { start: '2026-03-23T00:00:00Z', end: '2026-03-30T00:00:00Z' };
const nairobi = { id: 'ke', timeZone: 'Africa/Nairobi', workDayStart: '08:00', workDayEnd: '17:00' };
const geneva = { id: 'ch', timeZone: 'Europe/Zurich', workDayStart: '09:00', workDayEnd: '17:30' };
const manila = { id: 'ph', timeZone: 'Asia/Manila', workDayStart: '09:00', workDayEnd: '18:00' };
const newYork = { id: 'us', timeZone: 'America/New_York', workDayStart: '09:00', workDayEnd: '17:00' };

describe('working hours', () => {
  it('gives Monday to Friday in the organisation’s own zone, as instants', () => {
    const windows = workingWindows(nairobi, week);
    expect(windows).toHaveLength(5);
    expect(windows[0]).toEqual({ start: '2026-03-23T05:00:00.000Z', end: '2026-03-23T14:00:00.000Z' });
    expect(windows[4]).toEqual({ start: '2026-03-27T05:00:00.000Z', end: '2026-03-27T14:00:00.000Z' });
  });

  it('follows daylight saving: New York is already on summer time in late March, Geneva is not yet', () => {
    expect(workingWindows(newYork, week)[0]).toEqual({ start: '2026-03-23T13:00:00.000Z', end: '2026-03-23T21:00:00.000Z' });
    expect(workingWindows(geneva, week)[0]).toEqual({ start: '2026-03-23T08:00:00.000Z', end: '2026-03-23T16:30:00.000Z' });
    const afterChange = workingWindows(geneva, { start: '2026-03-30T00:00:00Z', end: '2026-03-31T00:00:00Z' });
    expect(afterChange).toEqual([{ start: '2026-03-30T07:00:00.000Z', end: '2026-03-30T15:30:00.000Z' }]);
  });

  it('clips to the week asked for, including a Friday that is already Saturday elsewhere', () => {
    const windows = workingWindows(manila, { start: '2026-03-27T00:00:00-04:00', end: '2026-03-28T00:00:00-04:00' });
    // Friday 27 March in New York starts at 04:00Z; Manila's Friday ends at 10:00Z, and Manila's Saturday is not a working day.
    expect(windows).toEqual([{ start: '2026-03-27T04:00:00.000Z', end: '2026-03-27T10:00:00.000Z' }]);
  });

  it('finds the overlap of everyone’s working hours', () => {
    const overlap = commonWindows([workingWindows(nairobi, week), workingWindows(geneva, week)]);
    expect(overlap).toHaveLength(5);
    expect(overlap[0]).toEqual({ start: '2026-03-23T08:00:00.000Z', end: '2026-03-23T14:00:00.000Z' });
  });

  it('finds no overlap when the working days never meet', () => {
    expect(commonWindows([workingWindows(manila, week), workingWindows(newYork, week)])).toEqual([]);
    expect(commonWindows([])).toEqual([]);
  });
});
