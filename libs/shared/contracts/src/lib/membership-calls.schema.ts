import { z } from 'zod';
import { displayTextSchema, EmailSchema, TimeZoneSchema, UuidSchema } from './common.schema';
import { EXPERTISE_AREAS } from './constants';
import { ExpertiseAreaSchema, WebsiteSchema } from './organisations.schema';
import { CountrySchema } from './reference.schema';

/**
 * The network's annual open call for new member institutions: the secretariat opens it with criteria and a
 * deadline in its zone; institutions apply through a public form; steering-committee members score each
 * criterion; the secretariat decides, and an accepted institution becomes a member organisation at once.
 */

export const APPLICATION_STATUSES = ['submitted', 'accepted', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Scores per criterion, from 1 (weak) to 5 (strong). */
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
export const MAX_SUPPORTING_DOCUMENTS = 3;
export const MAX_SUPPORTING_DOCUMENT_BYTES = 10 * 1024 * 1024;

const LocalDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Give the deadline as a date and time such as 2027-03-31T17:00');

export const CreateCallRequestSchema = z.strictObject({
  title: displayTextSchema('Title', { min: 3, max: 200 }),
  description: z.string().trim().max(5000, 'The description can be at most 5,000 characters').default(''),
  criteria: z
    .array(z.strictObject({ label: displayTextSchema('Criterion', { min: 2, max: 200 }) }))
    .min(1, 'Give at least one criterion')
    .max(8, 'Give at most 8 criteria'),
  /** Wall-clock time in `timeZone`. */
  deadlineLocal: LocalDateTimeSchema,
  timeZone: TimeZoneSchema,
});
export type CreateCallRequest = z.infer<typeof CreateCallRequestSchema>;

export const CallCriterionSchema = z.object({ key: z.string(), label: z.string() });
export const CallSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  description: z.string(),
  criteria: z.array(CallCriterionSchema),
  deadlineLocal: z.string(),
  timeZone: z.string(),
  deadlineAt: z.string(),
  open: z.boolean(),
  /** Only for those who review or run the call; null on the public page. */
  applicationCount: z.number().int().nullable(),
});
export type Call = z.infer<typeof CallSchema>;
export const CallListSchema = z.object({ items: z.array(CallSchema), canManage: z.boolean() });
export type CallList = z.infer<typeof CallListSchema>;

export const ApplicationInputSchema = z.strictObject({
  institutionName: displayTextSchema('Institution name', { min: 2, max: 200 }),
  // Said as the applicant sees it (a list of countries), not as a code.
  countryIso3: z.string({ error: 'Choose a country' }).regex(/^[A-Z]{3}$/, 'Choose a country'),
  website: WebsiteSchema.nullable().optional(),
  expertise: z
    .array(ExpertiseAreaSchema)
    .min(1, 'Choose at least one area of expertise')
    .max(EXPERTISE_AREAS.length)
    .refine((areas) => new Set(areas).size === areas.length, 'List each area of expertise once'),
  contactName: displayTextSchema('Contact name', { min: 2, max: 120 }),
  contactEmail: EmailSchema,
  motivation: displayTextSchema('Motivation', { min: 50, max: 5000 }),
});
export type ApplicationInput = z.infer<typeof ApplicationInputSchema>;

/** The public form is multipart: the fields as JSON in `application`, and up to three supporting documents in `documents`. */
export const ApplicationFormSchema = z.strictObject({ application: z.string({ error: 'The application form is missing (form field "application")' }).max(30_000) });

export const ApplicationSubmittedSchema = z.object({
  /** The applicant's own link to follow the application (also e-mailed when SMTP is configured). */
  statusUrl: z.string(),
  emailSent: z.boolean(),
});
export type ApplicationSubmitted = z.infer<typeof ApplicationSubmittedSchema>;

export const ApplicationStatusSchema = z.object({
  institutionName: z.string(),
  callTitle: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ApplicationStatusView = z.infer<typeof ApplicationStatusSchema>;
export const ApplicationTokenParamsSchema = z.strictObject({ token: z.string().min(20).max(100) });

export const ReviewSchema = z.object({
  reviewerId: UuidSchema,
  reviewerName: z.string(),
  scores: z.record(z.string(), z.number().int()),
  comment: z.string(),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ApplicationSummarySchema = z.object({
  id: UuidSchema,
  callId: UuidSchema,
  institutionName: z.string(),
  country: CountrySchema.nullable(),
  expertise: z.array(ExpertiseAreaSchema),
  status: z.enum(APPLICATION_STATUSES),
  submittedAt: z.string(),
  reviewCount: z.number().int(),
  /** Mean of every score given, to one decimal; null before any review. */
  averageScore: z.number().nullable(),
  /** The caller may not review it: their own institution, or an organisation in its country. */
  conflict: z.boolean(),
  reviewedByMe: z.boolean(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;
export const ApplicationListSchema = z.object({ items: z.array(ApplicationSummarySchema) });
export type ApplicationList = z.infer<typeof ApplicationListSchema>;

export const ApplicationDetailSchema = ApplicationSummarySchema.extend({
  website: z.string().nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  motivation: z.string(),
  criteria: z.array(CallCriterionSchema),
  documents: z.array(z.object({ id: UuidSchema, name: z.string(), size: z.number().int(), contentType: z.string() })),
  reviews: z.array(ReviewSchema),
  decision: z.object({ decidedAt: z.string(), decidedByName: z.string().nullable(), note: z.string() }).nullable(),
  /** The member organisation an accepted application became. */
  organisationId: UuidSchema.nullable(),
  canReview: z.boolean(),
  canDecide: z.boolean(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>;

export const ReviewRequestSchema = z.strictObject({
  scores: z.record(z.string().max(20), z.number({ error: 'Each score must be a whole number from 1 to 5' }).int('Each score must be a whole number from 1 to 5').min(MIN_SCORE, 'Each score must be a whole number from 1 to 5').max(MAX_SCORE, 'Each score must be a whole number from 1 to 5')),
  comment: z.string().trim().max(2000, 'The comment can be at most 2,000 characters').default(''),
});
export type ReviewRequest = z.infer<typeof ReviewRequestSchema>;

export const DecisionRequestSchema = z.strictObject({
  decision: z.enum(['accept', 'decline'], { error: 'The decision must be accept or decline' }),
  note: z.string().trim().max(2000, 'The note can be at most 2,000 characters').default(''),
  /** Accepting invites this person as the new member organisation's first admin (the applicant's contact by default). */
  adminEmail: EmailSchema.optional(),
});
export type DecisionRequest = z.infer<typeof DecisionRequestSchema>;

export const DecisionResultSchema = z.object({
  application: ApplicationDetailSchema,
  /** When accepted: the first admin's invitation link (shown because no mail server is assumed). */
  invitation: z.object({ email: z.string(), acceptUrl: z.string(), emailSent: z.boolean() }).nullable(),
});
export type DecisionResult = z.infer<typeof DecisionResultSchema>;
