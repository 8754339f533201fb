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

/** Columns a file may leave out or empty; every other column is one HEAT Plus makes mandatory. */
const OPTIONAL_DATASET_COLUMNS: readonly DatasetColumn[] = ['se', 'ci_lb', 'ci_ub', 'population', 'flag', 'setting_average', 'iso3'];
export const REQUIRED_DATASET_COLUMNS: readonly DatasetColumn[] = DATASET_COLUMNS.filter((column) => !OPTIONAL_DATASET_COLUMNS.includes(column));

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
  'number_too_large',
  'outside_scale',
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
const VersionQuery = z.coerce
  .number({ error: 'The version must be a number' })
  .int('The version must be a whole number')
  .min(1, 'Versions are numbered from 1')
  .max(1_000_000, 'There is no such version')
  .optional();
const YearQuery = z.coerce.number({ error: 'The year must be a number' }).int('The year must be a whole number').min(1900, 'The year must be 1900 or later').max(2100, 'The year must be 2100 or earlier').optional();
const FilterText = z.string().max(200, 'Filter values are at most 200 characters').optional();

export const DatasetDataQuerySchema = z.strictObject({
  version: VersionQuery,
  indicator: FilterText,
  dimension: FilterText,
  setting: FilterText,
  date: YearQuery,
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

/**
 * HEAT's summary measures of inequality (see @simashe/inequality for definitions): difference, ratio, population
 * attributable risk and fraction, slope and relative index of inequality, absolute and relative concentration index,
 * between-group variance and standard deviation, coefficient of variation, mean difference from the best, the mean
 * or the reference (unweighted / weighted), index of disparity (unweighted / weighted), Theil index, mean log deviation.
 */
export const MEASURE_IDS = ['d', 'r', 'par', 'paf', 'sii', 'rii', 'aci', 'rci', 'bgv', 'bgsd', 'cov', 'mdbu', 'mdbw', 'mdmu', 'mdmw', 'mdru', 'mdrw', 'idisu', 'idisw', 'ti', 'mld'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];
export const MeasureIdSchema = z.enum(MEASURE_IDS, { error: `The measure must be one of: ${MEASURE_IDS.join(', ')}` });

/** One measure of one group (setting × year × indicator × dimension). */
export const SummaryMeasureSchema = z.object({
  setting: z.string(),
  date: z.number().int(),
  indicatorAbbr: z.string(),
  dimension: z.string(),
  measure: MeasureIdSchema,
  /** Null when the measure does not apply to this group (`reason` says why). */
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  /** How the interval was found (analytic formula, simulation, regression), when there is one. */
  ciMethod: z.enum(['analytic', 'simulation', 'regression']).nullable(),
  /** Why there is no value (or no interval): a stable code the web words, and the English sentence. */
  reasonCode: z.string().nullable(),
  reason: z.string().nullable(),
});
export type SummaryMeasure = z.infer<typeof SummaryMeasureSchema>;

export const MeasuresQuerySchema = z.strictObject({
  version: VersionQuery,
  indicator: z.string({ error: 'Choose an indicator' }).min(1, 'Choose an indicator').max(200, 'Filter values are at most 200 characters'),
  dimension: z.string({ error: 'Choose a dimension' }).min(1, 'Choose a dimension').max(200, 'Filter values are at most 200 characters'),
  setting: FilterText,
  /** Only these measures (comma-separated ids); all by default. */
  measures: z
    .string()
    .max(200)
    .optional()
    .transform((value) => (value ? value.split(',').map((part) => part.trim()) : undefined))
    .pipe(z.array(MeasureIdSchema).optional()),
});
export type MeasuresQuery = z.infer<typeof MeasuresQuerySchema>;
export const SummaryMeasuresSchema = z.object({ version: z.number().int(), items: z.array(SummaryMeasureSchema) });
export type SummaryMeasures = z.infer<typeof SummaryMeasuresSchema>;

/** Compare: every setting's average against its inequality (one measure, one year), as a scatter. */
export const CompareQuerySchema = z.strictObject({
  version: VersionQuery,
  indicator: z.string({ error: 'Choose an indicator' }).min(1, 'Choose an indicator').max(200, 'Filter values are at most 200 characters'),
  dimension: z.string({ error: 'Choose a dimension' }).min(1, 'Choose a dimension').max(200, 'Filter values are at most 200 characters'),
  date: YearQuery,
  measure: MeasureIdSchema,
});
export type CompareQuery = z.infer<typeof CompareQuerySchema>;
export const ComparisonSchema = z.object({
  version: z.number().int(),
  measure: MeasureIdSchema,
  items: z.array(
    z.object({
      setting: z.string(),
      iso3: z.string().nullable(),
      date: z.number().int(),
      /** The setting's average (from the file, else the population-weighted mean of its subgroups). */
      settingAverage: z.number().nullable(),
      value: z.number().nullable(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      reasonCode: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** A chart or table of a dataset that a report embeds (`chartEmbed` node, source "monitoring"). */
export const MONITORING_CHART_KINDS = ['disaggregated', 'trend', 'measures'] as const;
export const MonitoringChartRequestSchema = z.strictObject({
  kind: z.enum(MONITORING_CHART_KINDS, { error: 'The kind must be disaggregated, trend or measures' }),
  indicator: z.string({ error: 'Choose an indicator' }).min(1, 'Choose an indicator').max(200, 'Filter values are at most 200 characters'),
  dimension: z.string({ error: 'Choose a dimension' }).min(1, 'Choose a dimension').max(200, 'Filter values are at most 200 characters'),
  setting: z.string({ error: 'Choose a setting' }).min(1, 'Choose a setting').max(200, 'Filter values are at most 200 characters'),
  /** Disaggregated charts and measure tables show one year (the latest when absent). */
  date: z.number({ error: 'The year must be a number' }).int('The year must be a whole number').min(1900, 'The year must be 1900 or later').max(2100, 'The year must be 2100 or earlier').nullable().default(null),
  /** Trend charts follow one measure over the years. */
  measure: MeasureIdSchema.nullable().default(null),
  /** Pinned to this version; null follows the dataset's current version. */
  pinnedVersion: z.number({ error: 'The version must be a number' }).int('The version must be a whole number').min(1, 'Versions are numbered from 1')
    // As for ?version= (a number beyond PostgreSQL's integer was a 500).
    .max(1_000_000, 'There is no such version')
    .nullable()
    .default(null),
});
export type MonitoringChartRequest = z.infer<typeof MonitoringChartRequestSchema>;
export const MonitoringChartSchema = MonitoringChartRequestSchema.extend({
  id: UuidSchema,
  datasetId: UuidSchema,
  datasetName: z.string(),
  /** The version drawn now (the pinned one, or the current one). */
  version: z.number().int(),
  title: z.string(),
});
export type MonitoringChart = z.infer<typeof MonitoringChartSchema>;
/** A saved chart with what it draws: one year's subgroups (disaggregated), a measure over the years (trend), or one year's measures (table). */
export const MonitoringChartViewSchema = MonitoringChartSchema.extend({
  rows: z.array(DatasetRowSchema),
  measures: z.array(SummaryMeasureSchema),
});
export type MonitoringChartView = z.infer<typeof MonitoringChartViewSchema>;
