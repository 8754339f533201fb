import { z } from 'zod';
import { displayTextSchema, hasVisibleText, isStorableDate, UuidSchema } from './common.schema';
import { REPORT_STATUSES } from './constants';
import { RegionCodeSchema } from './reference.schema';

export const ReportStatusSchema = z.enum(REPORT_STATUSES, {
  error: () => `Status must be one of: ${REPORT_STATUSES.join(', ')}`,
});

/** A date PostgreSQL can store: it has no year 0000 ("0000-01-01" was a 500, found by the fuzz). */
const IsoDateSchema = z.iso
  .date({ message: 'Use a date in the form YYYY-MM-DD' })
  .refine(isStorableDate, 'Use a date between 1900 and 2200');

export const ReportTitleSchema = displayTextSchema('Title', { max: 200 });

export const ReportSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  organisationId: UuidSchema,
  organisationName: z.string(),
  regionCode: RegionCodeSchema.nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: ReportStatusSchema,
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do with the text: edit only when a member editor/admin and not submitted or archived. */
  access: z.enum(['edit', 'read']),
  canManage: z.boolean(),
  /** Who started it (null once that account is gone). */
  createdBy: z.object({ id: UuidSchema, name: z.string() }).nullable(),
  /** The last change to its details or its text (its newest version). */
  lastEditedAt: z.string(),
  /** Who was asked to review it, while it is in review; `done` once it left review. */
  reviewers: z.array(z.object({ id: UuidSchema, name: z.string(), done: z.boolean() })),
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportListSchema = z.object({ items: z.array(ReportSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type ReportList = z.infer<typeof ReportListSchema>;

export const ListReportsQuerySchema = z.strictObject({
  organisationId: UuidSchema.optional(),
  region: RegionCodeSchema.optional(),
  status: ReportStatusSchema.optional(),
  /** Reports whose period overlaps this year. */
  year: z.coerce.number().int().min(2000, 'Year must be 2000 or later').max(2100, 'Year must be 2100 or earlier').optional(),
  archived: z.enum(['true', 'false']).optional(),
  /** Only reports in review that the caller was asked to review. */
  toReview: z.enum(['true', 'false']).optional(),
  sort: z.enum(['period', 'lastEdited', 'title', 'status', 'organisation', 'author'], { error: () => 'Sort by period, lastEdited, title, status, organisation or author' }).default('period'),
  order: z.enum(['asc', 'desc'], { error: () => 'Order is asc or desc' }).default('desc'),
  page: z.coerce.number({ error: () => 'Page must be a number' }).int('Page must be a whole number').min(1, 'Pages start at 1').max(10_000, 'Page must be 10000 or less').default(1),
  pageSize: z.coerce.number({ error: () => 'Page size must be a number' }).int('Page size must be a whole number').min(1, 'Page size must be at least 1').max(100, 'Page size must be 100 or less').default(50),
});
export type ListReportsQuery = z.infer<typeof ListReportsQuerySchema>;
/** The list's filters as a client sends them (paging and order have defaults). */
export type ReportListFilters = Partial<ListReportsQuery>;

export const CreateReportRequestSchema = z
  .strictObject({
    organisationId: UuidSchema,
    title: ReportTitleSchema,
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    templateId: UuidSchema,
  })
  .refine((value) => value.periodEnd >= value.periodStart, { path: ['periodEnd'], message: 'The period must end on or after its start' });
export type CreateReportRequest = z.infer<typeof CreateReportRequestSchema>;

export const UpdateReportRequestSchema = z
  .strictObject({
    title: ReportTitleSchema.optional(),
    periodStart: IsoDateSchema.optional(),
    periodEnd: IsoDateSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Provide at least one field to change' });
export type UpdateReportRequest = z.infer<typeof UpdateReportRequestSchema>;

export const ChangeReportStatusRequestSchema = z.strictObject({
  status: ReportStatusSchema,
  /** With "in_review": the people asked to review it (they are notified). */
  reviewerIds: z.array(UuidSchema).max(20, 'Ask at most 20 reviewers').optional(),
});

/** Someone who may be asked to review a report: they can read it. */
export const ReviewerCandidateSchema = z.object({ id: UuidSchema, name: z.string(), organisationName: z.string() });
export const ReviewerCandidateListSchema = z.object({ items: z.array(ReviewerCandidateSchema) });
export type ReviewerCandidate = z.infer<typeof ReviewerCandidateSchema>;
export type ReviewerCandidateList = z.infer<typeof ReviewerCandidateListSchema>;

/** Who hears of a submission: each organisation told, with how many of its people. */
export const SubmissionNoticeSchema = z.object({ recipients: z.array(z.object({ organisationName: z.string(), people: z.number().int() })) });
export type SubmissionNotice = z.infer<typeof SubmissionNoticeSchema>;
export type ChangeReportStatusRequest = z.infer<typeof ChangeReportStatusRequestSchema>;

export const ArchiveReportRequestSchema = z.strictObject({ archived: z.boolean() });

/** The built-in report templates, by stable key. */
export const BUILT_IN_TEMPLATE_KEYS = ['progress', 'blank'] as const;
export type BuiltInTemplateKey = (typeof BUILT_IN_TEMPLATE_KEYS)[number];
export const ReportTemplateSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  description: z.string(),
  organisationId: UuidSchema.nullable(),
  builtIn: z.boolean(),
  /** A built-in template's stable key, which the web names in the reader's language; null for organisations' own. */
  key: z.enum(BUILT_IN_TEMPLATE_KEYS).nullable(),
});
export type ReportTemplate = z.infer<typeof ReportTemplateSchema>;
export const ReportTemplateListSchema = z.object({ items: z.array(ReportTemplateSchema) });

export const SaveAsTemplateRequestSchema = z.strictObject({
  name: displayTextSchema('Name', { min: 2, max: 120 }),
  description: z.string().trim().max(500, 'Description must be at most 500 characters').default(''),
});
export type SaveAsTemplateRequest = z.infer<typeof SaveAsTemplateRequestSchema>;

export const VersionSchema = z.object({
  id: UuidSchema,
  kind: z.enum(['auto', 'named', 'restore']),
  name: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: UuidSchema, name: z.string() }).nullable(),
  /** Who changed the report since the previous version, and how many changes each made. */
  contributions: z.array(z.object({ userId: UuidSchema, name: z.string(), changes: z.number().int() })),
});
export type Version = z.infer<typeof VersionSchema>;
export const VersionListSchema = z.object({ items: z.array(VersionSchema) });

export const VersionContentSchema = VersionSchema.extend({
  /** ProseMirror JSON of the report at that version, for read-only display. */
  content: z.record(z.string(), z.unknown()),
});
export type VersionContent = z.infer<typeof VersionContentSchema>;

export const CreateVersionRequestSchema = z.strictObject({
  name: displayTextSchema('Name', { max: 120, requiredMessage: 'Name the version' }),
});
export const VersionParamsSchema = z.strictObject({ id: UuidSchema, versionId: UuidSchema });

export const ExportQuerySchema = z.strictObject({
  format: z.enum(['md', 'html', 'docx', 'pdf'], { error: () => 'Format must be one of: md, html, docx, pdf' }),
  versionId: UuidSchema.optional(),
});

const Base64Schema = z
  .string()
  .max(2000, 'Anchor is too long')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Anchor must be base64 (an encoded Yjs relative position)');

/** The longest comment, in characters (the table's check says the same). */
export const MAX_COMMENT_LENGTH = 5000;
export const CommentBodySchema = z
  .string()
  .trim()
  .min(1, { message: 'Write a comment', abort: true })
  .max(MAX_COMMENT_LENGTH, 'Comments are at most 5000 characters')
  // Zero-width spaces alone show as an empty comment (said once: an empty one has stopped at the check above).
  .refine(hasVisibleText, 'Write a comment');

export const CreateCommentRequestSchema = z.strictObject({
  body: CommentBodySchema,
  /** Yjs relative positions (Y.encodeRelativePosition, base64) of the commented range. */
  anchorStart: Base64Schema,
  anchorEnd: Base64Schema,
  quote: z.string().max(1000, 'The commented text is too long to quote').default(''),
});
export type CreateCommentRequest = z.infer<typeof CreateCommentRequestSchema>;

export const ReplyRequestSchema = z.strictObject({ body: CommentBodySchema });
/** A new text for one's own comment or reply; newly mentioned people hear about it, the others do not again. */
export const EditCommentRequestSchema = z.strictObject({ body: CommentBodySchema });
export const ResolveRequestSchema = z.strictObject({ resolved: z.boolean() });
/** `commentId` names a thread (its first comment) or a reply. */
export const CommentParamsSchema = z.strictObject({ id: UuidSchema, commentId: UuidSchema });

export const CommentSchema = z.object({
  id: UuidSchema,
  author: z.object({ id: UuidSchema, name: z.string() }).nullable(),
  /** Empty once deleted. */
  body: z.string(),
  createdAt: z.string(),
  /** When the author last changed the text, else null. */
  editedAt: z.string().nullable(),
  /**
   * A deleted thread stays, without its text, while replies hang off it; deleted replies and threads left with
   * nothing are not listed.
   */
  deleted: z.boolean(),
  /** What the caller may do with it, as the AccessPolicy decides (`comment:update`, `comment:delete`). */
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type ReportComment = z.infer<typeof CommentSchema>;

export const CommentThreadSchema = CommentSchema.extend({
  anchorStart: z.string(),
  anchorEnd: z.string(),
  quote: z.string(),
  /** The text the anchors cover now, after everyone's edits: empty when it was deleted, null when the range spans several blocks. */
  currentText: z.string().nullable(),
  resolved: z.boolean(),
  resolvedBy: z.object({ id: UuidSchema, name: z.string() }).nullable(),
  replies: z.array(CommentSchema),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;
export const CommentThreadListSchema = z.object({ items: z.array(CommentThreadSchema) });

/** How a report's comments changed: the live push says which thread, the client reloads the list. */
export const REPORT_COMMENT_CHANGES = ['created', 'replied', 'edited', 'deleted', 'resolved', 'reopened'] as const;
export type ReportCommentChange = (typeof REPORT_COMMENT_CHANGES)[number];

/**
 * Live comments on the /report-comments socket.io namespace: a client watches a report it may read and hears
 * every new, edited, deleted, resolved or reopened comment; it then reloads the list over HTTP (read per caller).
 */
export const REPORT_COMMENTS_NAMESPACE = '/report-comments';
export const WatchReportCommentsSchema = z.strictObject({ reportId: UuidSchema });
export interface ReportCommentsChanged {
  reportId: string;
  threadId: string;
  commentId: string;
  change: ReportCommentChange;
}
export interface ReportCommentsServerEvents {
  changed: (payload: ReportCommentsChanged) => void;
}
export interface ReportCommentsClientEvents {
  watch: (payload: { reportId: string }, ack: (result: { ok: true } | { ok: false; error: { id: string; message: string } }) => void) => void;
  unwatch: (payload: { reportId: string }) => void;
}

/**
 * Images in a report's text (`POST /api/reports/:id/images`, multipart field "file"). Only raster formats a browser
 * shows without running anything, recognised by their bytes: SVG (which can carry scripts) and anything else are refused.
 */
export const REPORT_IMAGE_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' } as const;
export type ReportImageType = keyof typeof REPORT_IMAGE_TYPES;
export const MAX_REPORT_IMAGE_BYTES = 5 * 1024 * 1024;
export const ReportImageParamsSchema = z.strictObject({ id: UuidSchema, imageId: UuidSchema });
/** An uploaded image: `src` is the address the document stores (the report's own store, nothing else). */
export const ReportImageSchema = z.object({
  id: UuidSchema,
  reportId: UuidSchema,
  src: z.string(),
  name: z.string(),
  contentType: z.enum(Object.keys(REPORT_IMAGE_TYPES) as [ReportImageType, ...ReportImageType[]]),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  createdAt: z.string(),
});
export type ReportImage = z.infer<typeof ReportImageSchema>;
