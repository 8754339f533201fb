import { z } from 'zod';
import { displayTextSchema, StoredFileSchema, UuidSchema } from './common.schema';
import { SUPPORTED_LANGUAGES, WHO_REGION_CODES } from './constants';
import { DETERMINANTS } from './lessons.schema';

/** The knowledge hub's resource library: tools, guidance, datasets, publications, slide decks, training material. */
export const RESOURCE_KINDS = ['tool', 'guidance', 'dataset', 'publication', 'slides', 'training'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
/** public: anyone, signed in or not (the public page); network: every member; organisation: its own members. */
export const RESOURCE_VISIBILITIES = ['public', 'network', 'organisation'] as const;
export type ResourceVisibility = (typeof RESOURCE_VISIBILITIES)[number];
export const RESOURCE_TOPICS = ['inequality_monitoring', 'action_learning', 'determinants', 'data_and_methods', 'policy', 'community_engagement'] as const;
export type ResourceTopic = (typeof RESOURCE_TOPICS)[number];

const text = (field: string, max: number) => z.string().trim().max(max, `${field} must be at most ${max} characters`);

/** A resource's fields as a change names them: none has a default, so a field left out is left as it is. */
const resourceFields = {
  kind: z.enum(RESOURCE_KINDS, { error: () => `Kind must be one of: ${RESOURCE_KINDS.join(', ')}` }),
  title: displayTextSchema('Title', { min: 3, max: 200 }),
  summary: text('Summary', 4000),
  /** People, in order, as they are credited. */
  authors: z.array(displayTextSchema('Author', { max: 120 })).max(30, 'At most 30 authors'),
  language: z.enum(SUPPORTED_LANGUAGES, { error: () => `Language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` }),
  topic: z.enum(RESOURCE_TOPICS, { error: () => `Topic must be one of: ${RESOURCE_TOPICS.join(', ')}` }),
  determinant: z.enum(DETERMINANTS, { error: () => `Determinant must be one of: ${DETERMINANTS.join(', ')}` }).nullable(),
  regionCode: z.enum(WHO_REGION_CODES, { error: () => `Region must be one of: ${WHO_REGION_CODES.join(', ')}` }).nullable(),
  year: z.number({ error: 'Year must be a number' }).int('Year must be a whole number').min(1950, 'Year must be 1950 or later').max(2100, 'Year must be 2100 or earlier').nullable(),
  /** Where the resource lives when it is not an uploaded file. */
  url: z.url({ protocol: /^https?$/, message: 'The link must be an http(s) address' }).max(2000, 'The link is too long').nullable(),
  visibility: z.enum(RESOURCE_VISIBILITIES, { error: () => `Visibility must be one of: ${RESOURCE_VISIBILITIES.join(', ')}` }),
};

export const ResourceInputSchema = z.strictObject({
  organisationId: UuidSchema,
  ...resourceFields,
  summary: resourceFields.summary.default(''),
  authors: resourceFields.authors.default([]),
  determinant: resourceFields.determinant.default(null),
  regionCode: resourceFields.regionCode.default(null),
  year: resourceFields.year.default(null),
  url: resourceFields.url.default(null),
  visibility: resourceFields.visibility.default('network'),
});
export type ResourceInput = z.infer<typeof ResourceInputSchema>;

/** A new resource with its file, as one multipart request: the fields as JSON in `resource`, the file in `file`. */
export const ResourceFormSchema = z.strictObject({ resource: z.string({ error: 'The resource’s fields are missing (form field "resource")' }).max(20_000) });
/** PATCH: only the fields sent change (a resource never widens its audience, or loses its authors, by omission). */
export const UpdateResourceRequestSchema = z.strictObject(resourceFields).partial();
export type UpdateResourceRequest = z.infer<typeof UpdateResourceRequestSchema>;

export const ResourceSchema = z.object({
  id: UuidSchema,
  organisationId: UuidSchema,
  organisationName: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  title: z.string(),
  summary: z.string(),
  authors: z.array(z.string()),
  language: z.enum(SUPPORTED_LANGUAGES),
  topic: z.enum(RESOURCE_TOPICS),
  determinant: z.enum(DETERMINANTS).nullable(),
  regionCode: z.string().nullable(),
  year: z.number().int().nullable(),
  url: z.string().nullable(),
  visibility: z.enum(RESOURCE_VISIBILITIES),
  /** The uploaded file, if any (one per resource). */
  file: StoredFileSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do with it (false for everyone signed out). */
  canEdit: z.boolean(),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const ListResourcesQuerySchema = z.strictObject({
  q: z.string().trim().max(200, 'The search text must be at most 200 characters').optional(),
  kind: z.enum(RESOURCE_KINDS, { error: () => `Kind must be one of: ${RESOURCE_KINDS.join(', ')}` }).optional(),
  topic: z.enum(RESOURCE_TOPICS, { error: () => `Topic must be one of: ${RESOURCE_TOPICS.join(', ')}` }).optional(),
  language: z.enum(SUPPORTED_LANGUAGES, { error: () => `Language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` }).optional(),
  regionCode: z.enum(WHO_REGION_CODES, { error: () => `Region must be one of: ${WHO_REGION_CODES.join(', ')}` }).optional(),
});
export type ListResourcesQuery = z.infer<typeof ListResourcesQuerySchema>;
export const ResourceListSchema = z.object({ items: z.array(ResourceSchema) });
export type ResourceList = z.infer<typeof ResourceListSchema>;

/** A curated, ordered set of resources, e.g. "Getting started with inequality monitoring". */
export const CollectionSchema = z.object({
  id: UuidSchema,
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  /** Only the resources the caller may read, in the curated order. */
  items: z.array(ResourceSchema),
});
export type Collection = z.infer<typeof CollectionSchema>;
export const CollectionListSchema = z.object({ items: z.array(CollectionSchema) });
export type CollectionList = z.infer<typeof CollectionListSchema>;

export const CollectionInputSchema = z.strictObject({
  title: displayTextSchema('Title', { min: 3, max: 200 }),
  description: text('Description', 2000).default(''),
  resourceIds: z.array(UuidSchema).max(100, 'At most 100 resources in a collection').refine((ids) => new Set(ids).size === ids.length, 'Each resource once'),
});
export type CollectionInput = z.infer<typeof CollectionInputSchema>;

/** Resource files: the evidence types, up to 25 MB. */
export const MAX_RESOURCE_FILE_BYTES = 25 * 1024 * 1024;
