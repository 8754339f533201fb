import { z } from 'zod';
import { displayTextSchema, UuidSchema } from './common.schema';

/**
 * Joint publications: the collaboration's outputs (conference abstracts, articles, briefs), with authors across
 * organisations in order, a venue, a status from idea to published (with a DOI), a draft co-written in the real-time
 * editor, linked lessons, reports, cycles and datasets, and citations in BibTeX and RIS.
 */
export const PUBLICATION_KINDS = ['conference_abstract', 'article', 'brief'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export const PUBLICATION_STATUSES = ['idea', 'drafting', 'submitted', 'under_review', 'published'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
/**
 * Where a publication may move from each status: forward one step, or back to drafting when a submission comes back
 * (rejected, or revise and resubmit). Published is final.
 */
export const PUBLICATION_FLOW: Record<PublicationStatus, readonly PublicationStatus[]> = {
  idea: ['drafting'],
  drafting: ['idea', 'submitted'],
  submitted: ['drafting', 'under_review'],
  under_review: ['drafting', 'published'],
  published: [],
};
export const LINKED_ITEM_KINDS = ['lesson', 'report', 'cycle', 'dataset'] as const;
export type LinkedItemKind = (typeof LINKED_ITEM_KINDS)[number];

/**
 * A DOI as registered: 10.<registrant>/<suffix>, e.g. 10.1186/s12939-026-01234-5 (no https://doi.org/ prefix). Braces
 * and backslashes, which no registered DOI uses, are refused: citation files carry the DOI verbatim.
 */
export const DOI_PATTERN = /^10\.\d{4,9}\/[^\s{}\\]+$/;
export const DoiSchema = z
  .string({ error: 'Give the DOI, such as 10.1186/s12939-026-01234-5' })
  .trim()
  .transform((value) => value.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, ''))
  .pipe(z.string().max(200, 'The DOI is too long').regex(DOI_PATTERN, 'Give the DOI, such as 10.1186/s12939-026-01234-5'));

const text = (field: string, max: number) => z.string().trim().max(max, `${field} must be at most ${max} characters`);

export const PublicationAuthorInputSchema = z.strictObject({
  givenName: text('Given name', 120).default(''),
  familyName: displayTextSchema('Family name', { max: 120 }),
  affiliation: text('Affiliation', 300).default(''),
  /** The workspace organisation the author writes for, when there is one: its editors co-write the draft. */
  organisationId: UuidSchema.nullable().default(null),
});
export type PublicationAuthorInput = z.infer<typeof PublicationAuthorInputSchema>;

export const LinkedItemRefSchema = z.strictObject({
  kind: z.enum(LINKED_ITEM_KINDS, { error: () => `Linked item kind must be one of: ${LINKED_ITEM_KINDS.join(', ')}` }),
  id: UuidSchema,
});
export type LinkedItemRef = z.infer<typeof LinkedItemRefSchema>;

export const PublicationInputSchema = z
  .strictObject({
    /** The lead organisation: its admins may delete the publication. */
    organisationId: UuidSchema,
    kind: z.enum(PUBLICATION_KINDS, { error: () => `Kind must be one of: ${PUBLICATION_KINDS.join(', ')}` }),
    title: displayTextSchema('Title', { min: 3, max: 300 }),
    abstract: text('Abstract', 5000).default(''),
    /** The conference, journal or series. */
    venue: text('Venue', 300).default(''),
    year: z.number({ error: 'Year must be a number' }).int('Year must be a whole number').min(1950, 'Year must be 1950 or later').max(2100, 'Year must be 2100 or earlier').nullable().default(null),
    /** In the order they are credited. */
    authors: z.array(PublicationAuthorInputSchema).min(1, 'Name at least one author').max(50, 'At most 50 authors'),
    links: z.array(LinkedItemRefSchema).max(30, 'At most 30 linked items').default([]),
  })
  .refine((input) => new Set(input.links.map((link) => `${link.kind}:${link.id}`)).size === input.links.length, { message: 'Link each item once', path: ['links'] });
export type PublicationInput = z.infer<typeof PublicationInputSchema>;

export const PublicationStatusChangeSchema = z
  .strictObject({
    status: z.enum(PUBLICATION_STATUSES, { error: () => `Status must be one of: ${PUBLICATION_STATUSES.join(', ')}` }),
    /** Required to publish. */
    doi: DoiSchema.optional(),
  })
  .refine((change) => change.status !== 'published' || change.doi !== undefined, { message: 'A published output needs its DOI', path: ['doi'] });
export type PublicationStatusChange = z.infer<typeof PublicationStatusChangeSchema>;

export const PublicationAuthorSchema = z.object({
  givenName: z.string(),
  familyName: z.string(),
  affiliation: z.string(),
  organisationId: UuidSchema.nullable(),
  organisationName: z.string().nullable(),
});
export const LinkedItemSchema = z.object({
  kind: z.enum(LINKED_ITEM_KINDS),
  id: UuidSchema,
  /** Null when the item was deleted or the caller may not read it: only its kind is shown. */
  title: z.string().nullable(),
  /** Where the web shows it (/reports/…, /lessons/…, /initiatives/…, /monitoring/datasets/…); null when unreadable. */
  href: z.string().nullable(),
});
export type LinkedItem = z.infer<typeof LinkedItemSchema>;

const publicationHeader = {
  id: UuidSchema,
  organisationId: UuidSchema,
  organisationName: z.string(),
  kind: z.enum(PUBLICATION_KINDS),
  title: z.string(),
  venue: z.string(),
  year: z.number().int().nullable(),
  status: z.enum(PUBLICATION_STATUSES),
  doi: z.string().nullable(),
  /** "Otieno A, Dupont J, et al." */
  authorLine: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
};
export const PublicationSummarySchema = z.object(publicationHeader);
export type PublicationSummary = z.infer<typeof PublicationSummarySchema>;
export const PublicationListSchema = z.object({ items: z.array(PublicationSummarySchema) });
export type PublicationList = z.infer<typeof PublicationListSchema>;
export const PublicationSchema = z.object({
  ...publicationHeader,
  abstract: z.string(),
  publishedAt: z.string().nullable(),
  authors: z.array(PublicationAuthorSchema),
  links: z.array(LinkedItemSchema),
  /** The draft's real-time document: { kind: 'publication', documentId }. Read-only once published. */
  documentId: UuidSchema,
  /** Where the status may move next, for this caller (empty when they may not change it). */
  nextStatuses: z.array(z.enum(PUBLICATION_STATUSES)),
  canDelete: z.boolean(),
  createdAt: z.string(),
});
export type Publication = z.infer<typeof PublicationSchema>;

export const ListPublicationsQuerySchema = z.strictObject({
  q: z.string().trim().max(200, 'The search text must be at most 200 characters').optional(),
  status: z.enum(PUBLICATION_STATUSES, { error: () => `Status must be one of: ${PUBLICATION_STATUSES.join(', ')}` }).optional(),
  kind: z.enum(PUBLICATION_KINDS, { error: () => `Kind must be one of: ${PUBLICATION_KINDS.join(', ')}` }).optional(),
});
export type ListPublicationsQuery = z.infer<typeof ListPublicationsQuerySchema>;
export const CitationQuerySchema = z.strictObject({ format: z.enum(['bibtex', 'ris'], { error: () => 'Format must be bibtex or ris' }) });
