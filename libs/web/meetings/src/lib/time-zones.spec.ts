import { canonicalZone, filterTimeZones, offsetLabel, stepZone, timeZoneOptions, zoneForSearch } from './time-zones';

const JANUARY = new Date('2027-01-15T12:00:00Z');
const JULY = new Date('2027-07-15T12:00:00Z');
const ZONES = ['Africa/Nairobi', 'America/Sao_Paulo', 'Asia/Calcutta', 'Asia/Kolkata', 'Europe/Kiev', 'Europe/Zurich', 'UTC', 'America/New_York'];

describe('time-zone options', () => {
  it('uses current names only, each place once', () => {
    const ids = timeZoneOptions(ZONES, 'UTC', JANUARY).map((o) => o.id);
    expect(ids).toContain('Asia/Kolkata');
    expect(ids).toContain('Europe/Kyiv');
    expect(ids).not.toContain('Asia/Calcutta');
    expect(ids).not.toContain('Europe/Kiev');
    expect(ids.filter((id) => id === 'Asia/Kolkata')).toHaveLength(1);
    expect(canonicalZone('Europe/Zurich')).toBe('Europe/Zurich');
  });

  it('puts the person’s own zone first (under its current name), then west to east', () => {
    const options = timeZoneOptions(ZONES, 'Asia/Calcutta', JANUARY);
    expect(options[0].id).toBe('Asia/Kolkata');
    const rest = options.slice(1).map((o) => o.offsetMinutes);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
  });

  it('shows the offset of the day, with daylight saving time', () => {
    const zurich = (now: Date) => timeZoneOptions(ZONES, 'UTC', now).find((o) => o.id === 'Europe/Zurich')!;
    expect(zurich(JANUARY).offset).toBe('UTC+01:00');
    expect(zurich(JULY).offset).toBe('UTC+02:00');
    expect(timeZoneOptions(ZONES, 'UTC', JANUARY).find((o) => o.id === 'Asia/Kolkata')!.label).toBe('(UTC+05:30) Kolkata · Asia/Kolkata');
    expect(offsetLabel(-180)).toBe('UTC−03:00');
    expect(offsetLabel(0)).toBe('UTC');
  });

  it('finds zones by city, id, old name or offset, ignoring case and accents', () => {
    const options = timeZoneOptions(ZONES, 'UTC', JANUARY);
    const find = (query: string) => filterTimeZones(options, query).map((o) => o.id);
    expect(find('são paulo')).toEqual(['America/Sao_Paulo']);
    expect(find('SAO')).toEqual(['America/Sao_Paulo']);
    expect(find('calcutta')).toEqual(['Asia/Kolkata']);
    expect(find('kiev')).toEqual(['Europe/Kyiv']);
    expect(find('+5:30')).toEqual(['Asia/Kolkata']);
    expect(find('utc+03')).toEqual(['Africa/Nairobi']);
    expect(find('america new')).toEqual(['America/New_York']);
    expect(find('')).toHaveLength(options.length);
    expect(find('nowhere')).toEqual([]);
  });

  it('keeps the chosen zone in the list whatever the search', () => {
    const options = timeZoneOptions(ZONES, 'UTC', JANUARY);
    expect(filterTimeZones(options, 'nairobi', 'Europe/Zurich').map((o) => o.id)).toEqual(['Europe/Zurich', 'Africa/Nairobi']);
  });
});

describe('searching selects', () => {
  const options = timeZoneOptions(ZONES, 'UTC', JANUARY);

  it('selects the first match as one types, even through an old name', () => {
    expect(zoneForSearch(options, 'nairobi', 'UTC')).toBe('Africa/Nairobi');
    expect(zoneForSearch(options, 'calcutta', 'UTC')).toBe('Asia/Kolkata');
    expect(zoneForSearch(options, '+5:30', 'Europe/Zurich')).toBe('Asia/Kolkata');
  });

  it('keeps the chosen zone while it still matches, and when nothing matches or the box is empty', () => {
    expect(zoneForSearch(options, 'europe', 'Europe/Zurich')).toBe('Europe/Zurich');
    expect(zoneForSearch(options, 'atlantis', 'Europe/Zurich')).toBe('Europe/Zurich');
    expect(zoneForSearch(options, '  ', 'Europe/Zurich')).toBe('Europe/Zurich');
  });

  it('steps through the shown zones with the arrow keys, stopping at either end', () => {
    const europe = filterTimeZones(options, 'europe');
    expect(europe.map((o) => o.id)).toEqual(['Europe/Zurich', 'Europe/Kyiv']);
    expect(stepZone(europe, 'Europe/Zurich', 1)).toBe('Europe/Kyiv');
    expect(stepZone(europe, 'Europe/Kyiv', 1)).toBe('Europe/Kyiv');
    expect(stepZone(europe, 'Europe/Kyiv', -1)).toBe('Europe/Zurich');
    expect(stepZone(europe, 'UTC', 1)).toBe('Europe/Zurich');
    expect(stepZone(europe, 'UTC', -1)).toBe('Europe/Kyiv');
    expect(stepZone([], 'UTC', 1)).toBe('UTC');
  });
});
