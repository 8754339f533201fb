import { z } from 'zod';
import { displayTextSchema, StoredFileSchema, UuidSchema, type StoredFile } from './common.schema';
import { SUPPORTED_LANGUAGES } from './constants';

export const DETERMINANTS = ['social', 'economic', 'environmental'] as const;
export const SECTORS = [
  'health',
  'labour',
  'housing',
  'education',
  'social_protection',
  'environment',
  'finance',
  'local_government',
  'transport',
  'agriculture',
] as const;
export const LEVELS = ['national', 'subnational', 'local'] as const;
export const CYCLE_STAGES = ['plan', 'act', 'observe', 'reflect'] as const;
export const LESSON_VISIBILITIES = ['organisation', 'region', 'network'] as const;
export const LESSON_STATUSES = ['draft', 'published'] as const;

const text = (field: string, max: number) => z.string().trim().max(max, `${field} must be at most ${max} characters`);
const tags = <T extends readonly [string, ...string[]]>(values: T, field: string) =>
  z
    .array(z.enum(values, { error: () => `Unknown ${field}; use: ${values.join(', ')}` }))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, `Each ${field} once`);

export const EvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('report'), id: UuidSchema, label: text('Label', 200).default('') }),
  z.strictObject({ kind: z.literal('meeting'), id: UuidSchema, label: text('Label', 200).default('') }),
  z.strictObject({
    kind: z.literal('link'),
    url: z.url({ protocol: /^https?$/, message: 'Evidence links must be http(s) addresses' }).max(2000, 'Link is too long'),
    label: text('Label', 200).default(''),
  }),
]);
export type Evidence = z.infer<typeof EvidenceSchema>;

export const LessonInputSchema = z.strictObject({
  organisationId: UuidSchema,
  title: displayTextSchema('Title', { min: 3, max: 200 }),
  context: text('Context', 10_000).default(''),
  actions: text('What was done', 10_000).default(''),
  worked: text('What worked', 10_000).default(''),
  didNotWork: text('What did not work', 10_000).default(''),
  recommendation: text('Recommendation', 10_000).default(''),
  determinants: tags(DETERMINANTS, 'determinant').default([]),
  sectors: tags(SECTORS, 'sector').default([]),
  levels: tags(LEVELS, 'level').default([]),
  initiative: text('Initiative', 200).default(''),
  cycleStage: z.enum(CYCLE_STAGES, { error: () => `Stage must be one of: ${CYCLE_STAGES.join(', ')}` }).nullable().default(null),
  language: z.enum(SUPPORTED_LANGUAGES, { error: () => `Language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` }),
  visibility: z.enum(LESSON_VISIBILITIES, { error: () => `Visibility must be one of: ${LESSON_VISIBILITIES.join(', ')}` }).default('organisation'),
  evidence: z.array(EvidenceSchema).max(20, 'At most 20 pieces of evidence').default([]),
});
export type LessonInput = z.infer<typeof LessonInputSchema>;
export const UpdateLessonRequestSchema = LessonInputSchema.omit({ organisationId: true });
export type UpdateLessonRequest = z.infer<typeof UpdateLessonRequestSchema>;

export const MAX_FILES_PER_LESSON = 10;

export const LessonFileSchema = StoredFileSchema;
export type LessonFile = StoredFile;

export const LessonSchema = z.object({
  id: UuidSchema,
  organisationId: UuidSchema,
  organisationName: z.string(),
  regionCode: z.string().nullable(),
  countryName: z.string().nullable(),
  /** ISO 3166 two-letter code of that country, for its name in the reader's language. */
  countryIso2: z.string().nullable(),
  authorName: z.string().nullable(),
  title: z.string(),
  context: z.string(),
  actions: z.string(),
  worked: z.string(),
  didNotWork: z.string(),
  recommendation: z.string(),
  determinants: z.array(z.enum(DETERMINANTS)),
  sectors: z.array(z.enum(SECTORS)),
  levels: z.array(z.enum(LEVELS)),
  initiative: z.string(),
  cycleStage: z.enum(CYCLE_STAGES).nullable(),
  language: z.enum(SUPPORTED_LANGUAGES),
  status: z.enum(LESSON_STATUSES),
  visibility: z.enum(LESSON_VISIBILITIES),
  evidence: z.array(EvidenceSchema),
  files: z.array(LessonFileSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type Lesson = z.infer<typeof LessonSchema>;

export const LessonFiltersSchema = z.strictObject({
  organisationId: UuidSchema.optional(),
  status: z.enum(LESSON_STATUSES).optional(),
  determinant: z.enum(DETERMINANTS).optional(),
  sector: z.enum(SECTORS).optional(),
  stage: z.enum(CYCLE_STAGES).optional(),
  region: z.string().regex(/^[A-Z]{3,5}$/, 'Unknown region').optional(),
});
export type LessonFilters = z.infer<typeof LessonFiltersSchema>;
export const LessonListSchema = z.object({ items: z.array(LessonSchema) });
export const LessonParamsSchema = z.strictObject({ id: UuidSchema });
export const LessonStatusRequestSchema = z.strictObject({ status: z.enum(LESSON_STATUSES) });
export const ExportLessonsQuerySchema = LessonFiltersSchema.extend({ format: z.enum(['csv', 'xlsx'], { error: () => 'Format must be csv or xlsx' }) });
