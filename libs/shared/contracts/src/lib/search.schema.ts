import { z } from 'zod';
import { isCalendarDate, isStorableDate, UuidSchema } from './common.schema';
import { CYCLE_STAGES, DETERMINANTS, SECTORS } from './lessons.schema';
import { RegionCodeSchema } from './reference.schema';

export const SEARCH_KINDS = ['lesson', 'report', 'meeting', 'discussion', 'resource', 'course', 'publication'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-03-31')
  .refine(isCalendarDate, 'Not a real date')
  // Year 0 exists for JavaScript but not for PostgreSQL (it was a 500).
  .refine((value) => !isCalendarDate(value) || isStorableDate(value), 'Use a date between 1900 and 2200');

export const SearchQuerySchema = z
  .strictObject({
    q: z.string().trim().max(200, 'Search for at most 200 characters').default(''),
    kind: z.enum(SEARCH_KINDS, { error: () => `Kind must be one of: ${SEARCH_KINDS.join(', ')}` }).optional(),
    region: RegionCodeSchema.optional(),
    country: z.string().regex(/^[A-Z]{3}$/, 'Country must be an ISO 3166-1 alpha-3 code such as KEN').optional(),
    determinant: z.enum(DETERMINANTS, { error: () => `Unknown determinant; use: ${DETERMINANTS.join(', ')}` }).optional(),
    sector: z.enum(SECTORS, { error: () => `Unknown sector; use: ${SECTORS.join(', ')}` }).optional(),
    stage: z.enum(CYCLE_STAGES, { error: () => `Unknown stage; use: ${CYCLE_STAGES.join(', ')}` }).optional(),
    from: DateSchema.optional(),
    to: DateSchema.optional(),
    sort: z.enum(['relevance', 'date'], { error: () => 'Sort by relevance or date' }).default('relevance'),
    page: z.coerce.number().int('Page is a whole number').min(1, 'Pages start at 1').max(500, 'Page is too far').default(1),
    pageSize: z.coerce.number().int().min(1).max(50, 'At most 50 results per page').default(20),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ['to'], message: 'The date range must end after it starts' });
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: UuidSchema,
  title: z.string(),
  /**
   * Plain-text excerpt; the matched words are wrapped in U+0001 … U+0002 so the client can highlight them
   * without ever interpreting the text as HTML.
   */
  snippet: z.string(),
  link: z.string(),
  organisationName: z.string().nullable(),
  regionCode: z.string().nullable(),
  language: z.string(),
  date: z.string(),
  rank: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;
/**
 * Search ranks and counts the newest matches up to this many: beyond it the total is a lower bound ("1,000+") and
 * relevance is decided among those, which keeps a search of 100,000 lessons fast.
 */
export const SEARCH_CANDIDATES = 1000;
export const SearchResultsSchema = z.object({
  items: z.array(SearchHitSchema),
  /** Exact when `totalExact`; otherwise at least this many (SEARCH_CANDIDATES). */
  total: z.number().int(),
  totalExact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SearchResults = z.infer<typeof SearchResultsSchema>;

export const HIGHLIGHT_START = '\u0001';
export const HIGHLIGHT_END = '\u0002';
