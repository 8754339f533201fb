import { DateTime } from 'luxon';

/**
 * Old IANA names that browsers still list (ICU keeps them as its canonical ids) mapped to the current ones, so a
 * person never picks "Asia/Calcutta" or "Europe/Kiev" and the same place is never listed twice.
 */
export const ZONE_ALIASES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ujung_Pandang': 'Asia/Makassar',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Europe/Uzhgorod': 'Europe/Kyiv',
  'Europe/Zaporozhye': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Etc/UTC': 'UTC',
  'Etc/GMT': 'UTC',
  GMT: 'UTC',
};

export function canonicalZone(zone: string): string {
  return ZONE_ALIASES[zone] ?? zone;
}

export interface TimeZoneOption {
  id: string;
  /** "Sao Paulo", "Kolkata", "Buenos Aires"; "UTC" for UTC. */
  city: string;
  /** Minutes from UTC now (changes with daylight saving time). */
  offsetMinutes: number;
  /** "UTC+05:30", "UTC−03:00", "UTC". */
  offset: string;
  /** "(UTC+05:30) Kolkata · Asia/Kolkata". */
  label: string;
}

export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Every zone once under its current name, with its offset now and city; the person's own zone first, then from
 * west to east and by city.
 */
export function timeZoneOptions(zones: readonly string[], ownZone: string, now: Date = new Date()): TimeZoneOption[] {
  const own = canonicalZone(ownZone);
  const ids = [...new Set([...zones, own].map(canonicalZone))].filter((id) => DateTime.fromJSDate(now, { zone: id }).isValid);
  const options = ids.map((id) => {
    const offsetMinutes = DateTime.fromJSDate(now, { zone: id }).offset;
    const city = id === 'UTC' ? 'UTC' : id.split('/').pop()!.replaceAll('_', ' ');
    const offset = offsetLabel(offsetMinutes);
    return { id, city, offsetMinutes, offset, label: id === 'UTC' ? offset : `(${offset}) ${city} · ${id.replaceAll('_', ' ')}` };
  });
  return options.sort((a, b) => Number(b.id === own) - Number(a.id === own) || a.offsetMinutes - b.offsetMinutes || a.city.localeCompare(b.city));
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[−_/]/g, (c) => (c === '−' ? '-' : ' '))
    .toLowerCase();

/**
 * The options a search matches, on city, IANA id or offset ("sao paulo", "kolkata", "calcutta" through its old
 * name, "+5:30", "utc-3"); the chosen zone always stays in the list so the select never loses its value.
 */
export function filterTimeZones(options: readonly TimeZoneOption[], query: string, keep?: string): TimeZoneOption[] {
  const words = fold(query).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  const oldNames = new Map<string, string[]>();
  for (const [old, current] of Object.entries(ZONE_ALIASES)) oldNames.set(current, [...(oldNames.get(current) ?? []), old]);
  return options.filter((option) => {
    if (option.id === keep) return true;
    const hours = option.offset.replace(/^UTC/, '').replace('−', '-');
    const haystack = fold([option.city, option.id, option.offset, hours, hours.replace(/^([+-])0/, '$1').replace(/:00$/, ''), ...(oldNames.get(option.id) ?? [])].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * The zone a search selects: the current one while it still matches, else the first match; the current one when the
 * search is empty or matches nothing (the select never jumps to nothing). So typing "nairobi" selects Africa/Nairobi.
 */
export function zoneForSearch(options: readonly TimeZoneOption[], query: string, current: string): string {
  if (query.trim() === '') return current;
  const matches = filterTimeZones(options, query);
  if (matches.length === 0 || matches.some((option) => option.id === current)) return current;
  return matches[0].id;
}

/** The next (1) or previous (-1) zone among those shown, from the current one; arrow keys in the search box. */
export function stepZone(shown: readonly TimeZoneOption[], current: string, direction: 1 | -1): string {
  if (shown.length === 0) return current;
  const index = shown.findIndex((option) => option.id === current);
  if (index === -1) return shown[direction === 1 ? 0 : shown.length - 1].id;
  return shown[Math.min(shown.length - 1, Math.max(0, index + direction))].id;
}
