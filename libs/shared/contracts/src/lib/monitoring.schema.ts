import { z } from 'zod';
import { displayTextSchema, UuidSchema } from './common.schema';

/**
 * Health inequality monitoring: datasets in the layout of WHO's HEAT Plus upload template (and the WHO Health
 * Inequality Data Repository), one row per setting × year × indicator × dimension × subgroup.
 */

/** The template's columns, in its order. Headers are matched without regard to case, spaces or dashes. */
export const DATASET_COLUMNS = [
  'setting',
  'date',
  'source',
  'indicator_abbr',
  'indicator_name',
  'dimension',
  'subgroup',
  'estimate',
  'se',
  'ci_lb',
  'ci_ub',
  'population',
  'flag',
  'setting_average',
  'iso3',
  'favourable_indicator',
  'indicator_scale',
  'ordered_dimension',
  'subgroup_order',
  'reference_subgroup',
] as const;
export type DatasetColumn = (typeof DATASET_COLUMNS)[number];

/** Columns every file must have (HEAT Plus's mandatory variables); the others may be absent or empty. */
export const REQUIRED_DATASET_COLUMNS: readonly DatasetColumn[] = [
  'setting',
  'date',
  'source',
  'indicator_abbr',
  'indicator_name',
  'dimension',
  'subgroup',
  'estimate',
  'favourable_indicator',
  'indicator_scale',
  'ordered_dimension',
  'subgroup_order',
  'reference_subgroup',
];

/** Other names the same columns go by in older templates and the Data Repository's exports. */
export const DATASET_COLUMN_ALIASES: Record<string, DatasetColumn> = {
  year: 'date',
  country: 'setting',
  indicator: 'indicator_name',
  lower_95ci: 'ci_lb',
  upper_95ci: 'ci_ub',
  ci_lower: 'ci_lb',
  ci_upper: 'ci_ub',
  iso3_code: 'iso3',
  favourable: 'favourable_indicator',
  ordered: 'ordered_dimension',
  reference: 'reference_subgroup',
  national_average: 'setting_average',
};

/** Why a line (or the file) was refused; the web words each code in the reader's language. */
export const DATASET_PROBLEM_CODES = [
  'unreadable_file',
  'empty_file',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'required',
  'too_long',
  'not_a_number',
  'not_a_year',
  'not_zero_or_one',
  'not_a_positive_number',
  'negative',
  'not_an_order',
  'not_iso3',
  'bounds_exclude_estimate',
  'bounds_reversed',
  'duplicate_subgroup',
  'incomplete_order',
  'duplicate_order',
  'missing_reference',
  'duplicate_reference',
  'mixed_scale',
  'mixed_favourable',
  'mixed_ordered',
  'too_many_rows',
] as const;
export type DatasetProblemCode = (typeof DATASET_PROBLEM_CODES)[number];

export const DatasetProblemSchema = z.object({
  /** 1-based line of the file (the header is line 1); 0 for the whole file. */
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.enum(DATASET_PROBLEM_CODES),
  /** What the line held (cut to 80 characters), or what the problem is about (e.g. the group). */
  value: z.string().nullable(),
  /** The same problem in English, for logs and the API's readers. */
  message: z.string(),
});
export type DatasetProblem = z.infer<typeof DatasetProblemSchema>;

/** At most this many problems are listed; the count says how many there were. */
export const MAX_LISTED_PROBLEMS = 500;
/** Biggest upload accepted for a dataset (CSV or XLSX). */
export const MAX_DATASET_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_DATASET_ROWS = 2_000_000;

export const DATASET_FILE_TYPES = {
  'text/csv': 'csv',
  'application/vnd.ms-excel': 'csv',
  'text/plain': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;

export const DatasetVersionSchema = z.object({
  version: z.number().int(),
  fileName: z.string(),
  rows: z.number().int(),
  importedAt: z.string(),
  importedByName: z.string().nullable(),
});
export type DatasetVersion = z.infer<typeof DatasetVersionSchema>;

export const DatasetSchema = z.object({
  id: UuidSchema,
  organisationId: UuidSchema,
  organisationName: z.string(),
  name: z.string(),
  description: z.string(),
  /** Published to the network by the secretariat: every member of the network reads it. */
  publishedAt: z.string().nullable(),
  currentVersion: z.number().int().nullable(),
  rows: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(DatasetVersionSchema),
  permissions: z.object({ write: z.boolean(), publish: z.boolean(), delete: z.boolean() }),
});
export type Dataset = z.infer<typeof DatasetSchema>;

export const DatasetListSchema = z.object({ items: z.array(DatasetSchema.omit({ versions: true })) });
export type DatasetList = z.infer<typeof DatasetListSchema>;

export const CreateDatasetRequestSchema = z.strictObject({
  organisationId: UuidSchema,
  name: displayTextSchema('Name', { min: 3, max: 200 }),
  description: z.string().max(2000, 'Description must be at most 2000 characters').trim().default(''),
});
export type CreateDatasetRequest = z.infer<typeof CreateDatasetRequestSchema>;
export const UpdateDatasetRequestSchema = CreateDatasetRequestSchema.omit({ organisationId: true }).partial();
export type UpdateDatasetRequest = z.infer<typeof UpdateDatasetRequestSchema>;
export const PublishDatasetRequestSchema = z.strictObject({ published: z.boolean() });

/** The outcome of an import: saved as a new version, or refused with every problem found (nothing saved). */
export const DatasetImportResultSchema = z.object({
  saved: z.boolean(),
  version: z.number().int().nullable(),
  rows: z.number().int(),
  problemCount: z.number().int(),
  problems: z.array(DatasetProblemSchema),
});
export type DatasetImportResult = z.infer<typeof DatasetImportResultSchema>;

/** `?version=`: a dataset's version (the current one when absent). */
const VersionQuery = z.coerce.number({ error: 'The version must be a number' }).int('The version must be a whole number').min(1).max(1_000_000).optional();
const FilterText = z.string().max(200, 'Filter values are at most 200 characters').optional();

export const DatasetDataQuerySchema = z.strictObject({
  version: VersionQuery,
  indicator: FilterText,
  dimension: FilterText,
  setting: FilterText,
  date: z.coerce.number().int().min(1900).max(2100).optional(),
});
export type DatasetDataQuery = z.infer<typeof DatasetDataQuerySchema>;

/** What a version holds, for the pickers of the Explore and Compare views. */
export const DatasetCatalogueSchema = z.object({
  version: z.number().int(),
  settings: z.array(z.object({ name: z.string(), iso3: z.string().nullable() })),
  dates: z.array(z.number().int()),
  indicators: z.array(z.object({ abbr: z.string(), name: z.string(), scale: z.number(), favourable: z.boolean() })),
  dimensions: z.array(z.object({ name: z.string(), ordered: z.boolean(), subgroups: z.number().int() })),
});
export type DatasetCatalogue = z.infer<typeof DatasetCatalogueSchema>;

export const DatasetRowSchema = z.object({
  setting: z.string(),
  date: z.number().int(),
  source: z.string(),
  indicatorAbbr: z.string(),
  indicatorName: z.string(),
  dimension: z.string(),
  subgroup: z.string(),
  estimate: z.number(),
  se: z.number().nullable(),
  ciLb: z.number().nullable(),
  ciUb: z.number().nullable(),
  population: z.number().nullable(),
  flag: z.string().nullable(),
  settingAverage: z.number().nullable(),
  iso3: z.string().nullable(),
  favourable: z.boolean(),
  scale: z.number(),
  ordered: z.boolean(),
  subgroupOrder: z.number().int().nullable(),
  reference: z.boolean(),
});
export type DatasetRow = z.infer<typeof DatasetRowSchema>;
export const DatasetRowsSchema = z.object({ version: z.number().int(), items: z.array(DatasetRowSchema), truncated: z.boolean() });
export type DatasetRows = z.infer<typeof DatasetRowsSchema>;
/** At most this many rows are served at once (the export streams them all). */
export const MAX_SERVED_ROWS = 5000;

export const DatasetExportQuerySchema = z.strictObject({
  version: VersionQuery,
  format: z.enum(['csv', 'xlsx'], { error: 'The format must be csv or xlsx' }).default('csv'),
  table: z.enum(['data', 'measures'], { error: 'The table must be data or measures' }).default('data'),
  indicator: FilterText,
  dimension: FilterText,
  setting: FilterText,
});
export type DatasetExportQuery = z.infer<typeof DatasetExportQuerySchema>;
