import { isUtcZone, nonexistentLocalTime, offsetTransitions } from './zones';

describe('UTC under its names', () => {
  it.each(['UTC', 'utc', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/GMT+0', 'Etc/GMT-0', 'Zulu', 'Etc/Universal', 'UCT'])('%s is UTC', (zone) => {
    expect(isUtcZone(zone)).toBe(true);
  });
  it.each(['Europe/London', 'Africa/Abidjan', 'Etc/GMT-3', 'Etc/GMT+5', 'Atlantic/Reykjavik', 'Mars/Olympus'])('%s is not', (zone) => {
    expect(isUtcZone(zone)).toBe(false);
  });
});

describe('offset changes from the time-zone database', () => {
  const during2026 = (zone: string) =>
    offsetTransitions(zone, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map((t) => [new Date(t.at).toISOString(), t.before, t.after]);

  it('finds both 2026 changes in Zurich, New York and Lord Howe (half an hour), to the minute', () => {
    expect(during2026('Europe/Zurich')).toEqual([
      ['2026-03-29T01:00:00.000Z', 60, 120],
      ['2026-10-25T01:00:00.000Z', 120, 60],
    ]);
    expect(during2026('America/New_York')).toEqual([
      ['2026-03-08T07:00:00.000Z', -300, -240],
      ['2026-11-01T06:00:00.000Z', -240, -300],
    ]);
    expect(during2026('Australia/Lord_Howe')).toEqual([
      ['2026-04-04T15:00:00.000Z', 660, 630],
      ['2026-10-03T15:30:00.000Z', 630, 660],
    ]);
  });

  it.each(['UTC', 'Etc/GMT-3', 'Etc/GMT+5', 'America/Sao_Paulo', 'Asia/Kathmandu', 'Africa/Nairobi'])('finds none in %s', (zone) => {
    expect(during2026(zone)).toEqual([]);
  });

  it('reads a range of decades in a few thousand offsets', () => {
    expect(offsetTransitions('Europe/Zurich', Date.UTC(2026, 0, 1), Date.UTC(2066, 0, 1))).toHaveLength(80);
  });
});

describe('wall-clock times skipped when clocks move forward', () => {
  it.each([
    ['2027-03-28T02:30', 'Europe/Zurich', '02:30 does not exist on 28 March in Europe/Zurich (clocks move forward from 02:00 to 03:00)'],
    ['2026-03-29T02:00', 'Europe/Zurich', '02:00 does not exist on 29 March in Europe/Zurich (clocks move forward from 02:00 to 03:00)'],
    ['2026-03-08T02:15', 'America/New_York', '02:15 does not exist on 8 March in America/New_York (clocks move forward from 02:00 to 03:00)'],
    ['2026-10-04T02:15', 'Australia/Lord_Howe', '02:15 does not exist on 4 October in Australia/Lord_Howe (clocks move forward from 02:00 to 02:30)'],
  ])('%s in %s', (local, zone, message) => {
    expect(nonexistentLocalTime(local, zone)).toBe(message);
  });

  it.each([
    ['2026-03-29T01:59', 'Europe/Zurich'],
    ['2026-03-29T03:00', 'Europe/Zurich'],
    ['2026-10-25T02:30', 'Europe/Zurich'], // happens twice, but happens
    ['2026-03-29T02:30', 'UTC'],
    ['2026-03-29T02:30', 'Etc/GMT-3'],
    ['2026-11-01T00:30', 'America/Sao_Paulo'], // Brazil no longer moves its clocks
  ])('%s exists in %s', (local, zone) => {
    expect(nonexistentLocalTime(local, zone)).toBeNull();
  });
});
