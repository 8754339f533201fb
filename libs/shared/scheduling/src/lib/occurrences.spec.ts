import { FREQUENCY_MESSAGE, inZone, occurrences, RecurrenceError, validateSeries, validateWrittenRule } from './occurrences';

/** A weekly 14:00 meeting organised from Geneva (Europe/Zurich), across both 2026 daylight-saving changes. */
describe('weekly 14:00 Geneva meeting across DST', () => {
  // Zurich: CET (UTC+1) until 29 March 2026, CEST (UTC+2) until 25 October 2026, then CET again.
  const series = occurrences({ localStart: '2026-03-17T14:00', durationMinutes: 90, timeZone: 'Europe/Zurich', rrule: 'FREQ=WEEKLY;UNTIL=20261110T235959Z' });
  const on = (day: string) => series.find((o) => o.localStart.startsWith(day))!;

  it('keeps 14:00 wall-clock in Geneva every week', () => {
    expect(series.length).toBe(35);
    expect(series.every((o) => o.localStart.endsWith('T14:00'))).toBe(true);
    expect(on('2026-03-24').start).toBe('2026-03-24T13:00:00Z'); // CET
    expect(on('2026-03-31').start).toBe('2026-03-31T12:00:00Z'); // CEST
    expect(on('2026-10-20').start).toBe('2026-10-20T12:00:00Z'); // CEST
    expect(on('2026-10-27').start).toBe('2026-10-27T13:00:00Z'); // CET again
    expect(on('2026-10-27').end).toBe('2026-10-27T14:30:00Z');
  });

  it.each([
    // zone, before March change, after March change, after October change
    ['Africa/Nairobi', '16:00', '15:00', '16:00'], // no DST, UTC+3
    ['America/Sao_Paulo', '10:00', '09:00', '10:00'], // no DST since 2019, UTC-3
    ['Asia/Manila', '21:00', '20:00', '21:00'], // no DST, UTC+8
    ['America/New_York', '09:00', '08:00', '09:00'], // US DST 8 March – 1 November: out of step with Europe for weeks
    ['Australia/Sydney', '00:00', '23:00', '00:00'], // southern DST: on until 5 April, on again from 4 October
  ])('as seen from %s', (zone, beforeMarch, afterMarch, afterOctober) => {
    expect(inZone(on('2026-03-24').start, zone).slice(11)).toBe(beforeMarch);
    expect(inZone(on('2026-03-31').start, zone).slice(11)).toBe(afterMarch);
    expect(inZone(on('2026-10-27').start, zone).slice(11)).toBe(afterOctober);
  });

  it('New York sees the meeting move an hour while only the US has changed clocks, and again in the autumn gap', () => {
    expect(inZone(on('2026-03-17').start, 'America/New_York')).toBe('2026-03-17T09:00'); // US already on EDT, Zurich not
    expect(inZone(on('2026-11-03').start, 'America/New_York')).toBe('2026-11-03T08:00'); // both back on standard time
  });

  it('Sydney sees it on the next calendar day before the March change', () => {
    expect(inZone(on('2026-03-24').start, 'Australia/Sydney')).toBe('2026-03-25T00:00');
  });
});

describe('recurrence validation', () => {
  const base = { localStart: '2026-05-04T09:30', durationMinutes: 60, timeZone: 'Africa/Nairobi' };
  it('accepts daily, monthly and custom rules with an end', () => {
    expect(occurrences({ ...base, rrule: 'FREQ=DAILY;COUNT=5' })).toHaveLength(5);
    expect(occurrences({ ...base, rrule: 'FREQ=MONTHLY;BYDAY=1MO;COUNT=6' }).map((o) => o.localStart.slice(0, 10))).toEqual([
      '2026-05-04', '2026-06-01', '2026-07-06', '2026-08-03', '2026-09-07', '2026-10-05',
    ]);
    expect(occurrences({ ...base, rrule: 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4' })).toHaveLength(4);
    expect(occurrences(base)).toHaveLength(1);
  });

  it.each([
    ['FREQ=WEEKLY', /COUNT or UNTIL/],
    ['FREQ=DAILY;COUNT=5000', /At most 2000/],
    ['FREQ=MINUTELY;UNTIL=20300101T000000Z', /At most 2000/],
    ['NONSENSE', /not a valid RRULE|needs a FREQ/],
  ])('rejects %s', (rrule, message) => {
    expect(() => occurrences({ ...base, rrule })).toThrow(RecurrenceError);
    expect(() => occurrences({ ...base, rrule })).toThrow(message);
  });

  it.each(['FREQ=HOURLY;COUNT=5', 'FREQ=MINUTELY;UNTIL=20300101T000000Z', 'RRULE:FREQ=SECONDLY;COUNT=2000', 'FREQ=hourly;INTERVAL=24;COUNT=3'])(
    'refuses %s for a new series: more than once a day, whatever else is wrong with it',
    (rrule) => {
      expect(() => validateSeries({ ...base, rrule })).toThrow(new RecurrenceError(FREQUENCY_MESSAGE));
    },
  );

  it.each([
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20270101T000000Z', 'End a recurring meeting with COUNT or UNTIL, not both'],
    ['FREQ=WEEKLY;COUNT=-5', 'COUNT must be at least 1'],
    ['FREQ=WEEKLY;COUNT=0', 'COUNT must be at least 1'],
  ])('refuses %s as written for a new series, saying why', (rrule, message) => {
    expect(() => validateWrittenRule(rrule)).toThrow(new RecurrenceError(message));
    // A rule derived from one stored before these checks is still read and continued.
    if (message.includes('not both')) expect(() => validateSeries({ ...base, rrule })).not.toThrow();
  });

  it('accepts daily and rarer rules for a new series, and still reads a finer rule saved before the limit', () => {
    for (const rrule of ['FREQ=DAILY;COUNT=3', 'FREQ=WEEKLY;COUNT=3', 'FREQ=MONTHLY;COUNT=3', 'FREQ=YEARLY;COUNT=3', undefined]) {
      expect(() => validateSeries({ ...base, rrule })).not.toThrow();
    }
    expect(() => validateSeries({ ...base, rrule: 'FREQ=DAILY;COUNT=5000' })).toThrow(/At most 2000/);
    expect(occurrences({ ...base, rrule: 'FREQ=HOURLY;COUNT=3' }).map((o) => o.localStart)).toEqual(['2026-05-04T09:30', '2026-05-04T10:30', '2026-05-04T11:30']);
  });

  it('rejects impossible local times', () => {
    expect(() => occurrences({ ...base, localStart: '2026-02-30T10:00' })).toThrow(RecurrenceError);
  });
});
