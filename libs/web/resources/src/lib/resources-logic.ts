import { MAX_RESOURCE_FILE_BYTES, RESOURCE_KINDS, RESOURCE_TOPICS, SUPPORTED_LANGUAGES, WHO_REGION_CODES, type ListResourcesQuery } from '@simashe/contracts';

/**
 * The resource library's screen logic, apart from React so it is unit-tested: the filters kept in the address bar,
 * the file check before an upload, and file sizes.
 */

export const FILTER_KEYS = ['q', 'kind', 'topic', 'language', 'regionCode'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * The filters in a page address. Values the API would refuse (a hand-edited or stale link) are dropped rather than
 * turned into an error page, so the library still shows.
 */
export function filtersFromParams(params: URLSearchParams): ListResourcesQuery {
  const q = params.get('q')?.trim().slice(0, 200);
  const filters: ListResourcesQuery = {
    q: q || undefined,
    kind: pick(RESOURCE_KINDS, params.get('kind')),
    topic: pick(RESOURCE_TOPICS, params.get('topic')),
    language: pick(SUPPORTED_LANGUAGES, params.get('language')),
    regionCode: pick(WHO_REGION_CODES, params.get('regionCode')),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as ListResourcesQuery;
}

/** The address's query for some filters: empty ones are left out, keys in a fixed order so equal filters give equal links. */
export function paramsFromFilters(filters: ListResourcesQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** One filter changed ('' clears it), the others kept. */
export function withFilter(filters: ListResourcesQuery, key: FilterKey, value: string): ListResourcesQuery {
  return filtersFromParams(paramsFromFilters({ ...filters, [key]: value || undefined } as ListResourcesQuery));
}

export const hasFilters = (filters: ListResourcesQuery): boolean => FILTER_KEYS.some((key) => !!filters[key]);

/** The file types the server accepts (it also sniffs the content, which the browser cannot do). */
export const RESOURCE_FILE_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'pptx', 'csv', 'txt', 'png', 'jpg', 'jpeg'] as const;
export const RESOURCE_FILE_ACCEPT = RESOURCE_FILE_EXTENSIONS.map((extension) => `.${extension}`).join(',');

export type FileCheck = 'ok' | 'wrongType' | 'tooBig' | 'empty';

/** Whether a chosen file is worth sending: by its name's extension (browsers disagree on media types), not empty, at most 25 MB. */
export function checkResourceFile(file: Pick<File, 'name' | 'size'>): FileCheck {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!(RESOURCE_FILE_EXTENSIONS as readonly string[]).includes(extension)) return 'wrongType';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_RESOURCE_FILE_BYTES) return 'tooBig';
  return 'ok';
}

/** A file size for people: kB below a megabyte (rounded up, so a tiny file is never "0 kB"), MB with one decimal above. */
export function formatFileSize(bytes: number, language: string): string {
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(language).format(Math.max(1, Math.ceil(bytes / 1024)))} kB`;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** Authors typed one by one: trimmed, blanks and repeats left out, in the order given. */
export function addAuthor(authors: readonly string[], name: string): string[] {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean || authors.some((author) => author.toLocaleLowerCase() === clean.toLocaleLowerCase())) return [...authors];
  return [...authors, clean];
}

/** A year field's text as the API wants it: a whole number, or null when empty (a wrong number is left for the API to word). */
export function parseYear(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** The catalogue key of an upload error: a refused file (4xx, the server's sentence says why) is not a failed upload. */
export function uploadErrorKey(status: number): 'resources.file.refused' | 'resources.file.failed' {
  return status >= 400 && status < 500 ? 'resources.file.refused' : 'resources.file.failed';
}
