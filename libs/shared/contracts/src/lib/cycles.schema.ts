import { z } from 'zod';
import { ChartResultSchema, CHART_TYPES, MEASURE_DIRECTIONS } from './charts.schema';
import { displayTextSchema, isCalendarDate, isStorableDate, LanguageQuerySchema, UuidSchema } from './common.schema';
import { DETERMINANTS, SECTORS } from './lessons.schema';
import { RegionCodeSchema } from './reference.schema';

/** Action-learning cycles: plan → act → observe → reflect (PDSA: plan → do → study → act), then closed. */
export const CYCLE_STAGES_FLOW = ['plan', 'act', 'observe', 'reflect', 'closed'] as const;
export type CycleStage = (typeof CYCLE_STAGES_FLOW)[number];
export const DRIVER_KINDS = ['primary', 'secondary', 'change_idea'] as const;
export type DriverKind = (typeof DRIVER_KINDS)[number];
export const MILESTONE_STATUSES = ['todo', 'doing', 'done', 'blocked'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const REFLECTION_DECISIONS = ['adopt', 'adapt', 'abandon'] as const;
export const MEASURE_KINDS = ['outcome', 'process', 'balancing'] as const;
export const MEASURE_FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;

// Control characters (NUL above all) never reach these schemas: the API refuses them at the edge for every route.
const nonEmpty = (field: string, max: number) => z.string().trim().min(1, `${field} is required`).max(max, `${field} must be at most ${max} characters`);
/** Names and titles shown in lists: bidi overrides stripped, never only zero-width characters. */
const displayed = (field: string, max: number) => displayTextSchema(field, { max });
const text = (field: string, max: number) => z.string().trim().max(max, `${field} must be at most ${max} characters`);
const tags = <T extends readonly [string, ...string[]]>(values: T, field: string) =>
  z
    .array(z.enum(values, { error: () => `Unknown ${field}; use: ${values.join(', ')}` }))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, `Each ${field} once`);

/** A calendar date that exists (2027-02-30 does not), between 1900 and 2200. */
export const CalendarDateSchema = z
  .string({ error: 'Date is required (YYYY-MM-DD)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be written YYYY-MM-DD')
  .refine(isCalendarDate, 'This date does not exist on the calendar')
  .refine((value) => !isCalendarDate(value) || isStorableDate(value), 'Use a date between 1900 and 2200');

// ---------- initiatives ----------
export const InitiativeInputSchema = z.strictObject({
  organisationId: UuidSchema,
  title: displayTextSchema('Title', { min: 3, max: 200 }),
  aimWhat: nonEmpty('The aim (what)', 1000),
  aimHowMuch: text('The aim (how much)', 500).default(''),
  aimByWhen: CalendarDateSchema.nullable().default(null),
  determinants: tags(DETERMINANTS, 'determinant').default([]),
  sectors: tags(SECTORS, 'sector').default([]),
  partnerOrganisationIds: z
    .array(UuidSchema)
    .max(50, 'At most 50 partner organisations')
    .refine((list) => new Set(list).size === list.length, 'Each partner organisation once')
    .default([]),
});
export type InitiativeInput = z.infer<typeof InitiativeInputSchema>;
export const UpdateInitiativeRequestSchema = InitiativeInputSchema.omit({ organisationId: true });
export type UpdateInitiativeRequest = z.infer<typeof UpdateInitiativeRequestSchema>;

export const CycleSummarySchema = z.object({
  id: UuidSchema,
  number: z.number().int(),
  title: z.string(),
  stage: z.enum(CYCLE_STAGES_FLOW),
  stageChangedAt: z.string(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
});

export const InitiativeSchema = z.object({
  id: UuidSchema,
  organisationId: UuidSchema,
  organisationName: z.string(),
  countryIso2: z.string().nullable(),
  regionCode: z.string().nullable(),
  title: z.string(),
  aimWhat: z.string(),
  aimHowMuch: z.string(),
  aimByWhen: z.string().nullable(),
  determinants: z.array(z.enum(DETERMINANTS)),
  sectors: z.array(z.enum(SECTORS)),
  partners: z.array(z.object({ organisationId: UuidSchema, name: z.string() })),
  activeCycle: CycleSummarySchema.nullable(),
  cycleCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  canManage: z.boolean(),
});
export type Initiative = z.infer<typeof InitiativeSchema>;
export const InitiativeListSchema = z.object({ items: z.array(InitiativeSchema) });
export const InitiativeFiltersSchema = z.strictObject({
  organisationId: UuidSchema.optional(),
  region: RegionCodeSchema.optional(),
  determinant: z.enum(DETERMINANTS).optional(),
  sector: z.enum(SECTORS).optional(),
});
export type InitiativeFilters = z.infer<typeof InitiativeFiltersSchema>;

// ---------- driver diagram ----------
export const DriverNodeSchema = z.object({
  id: UuidSchema,
  parentId: UuidSchema.nullable(),
  kind: z.enum(DRIVER_KINDS),
  label: z.string(),
  position: z.number().int(),
  /** Change ideas: the cycles that test them. */
  cycleIds: z.array(UuidSchema),
});
export type DriverNode = z.infer<typeof DriverNodeSchema>;
export const DriverNodeInputSchema = z.strictObject({
  parentId: UuidSchema.nullable().default(null),
  label: displayed('Label', 300),
});
export type DriverNodeInput = z.infer<typeof DriverNodeInputSchema>;
/** Rename and/or move (new parent, new place among its siblings). */
export const UpdateDriverNodeRequestSchema = z
  .strictObject({
    label: displayed('Label', 300).optional(),
    parentId: UuidSchema.nullable().optional(),
    position: z.number().int('Position must be a whole number').min(0, 'Position cannot be negative').max(1000, 'Position is too large').optional(),
  })
  .refine((value) => value.label !== undefined || value.parentId !== undefined || value.position !== undefined, 'Nothing to change');
export type UpdateDriverNodeRequest = z.infer<typeof UpdateDriverNodeRequestSchema>;

// ---------- cycles ----------
export const CyclePlanSchema = z.strictObject({
  objective: text('Objective', 2000).default(''),
  prediction: text('Prediction', 2000).default(''),
  measurement: text('What will be measured', 2000).default(''),
  who: text('Who', 500).default(''),
  when: text('When', 500).default(''),
  where: text('Where', 500).default(''),
});
export type CyclePlan = z.infer<typeof CyclePlanSchema>;
export const ReflectionSchema = z.strictObject({
  whatChanged: nonEmpty('What changed', 4000),
  learned: nonEmpty('What was learned', 4000),
  decision: z.enum(REFLECTION_DECISIONS, { error: () => `Decision must be one of: ${REFLECTION_DECISIONS.join(', ')}` }),
});
export type Reflection = z.infer<typeof ReflectionSchema>;

export const StartCycleRequestSchema = z.strictObject({
  title: displayTextSchema('Title', { min: 3, max: 200 }),
  changeIdeaIds: z.array(UuidSchema).max(20, 'At most 20 change ideas').default([]),
  plan: CyclePlanSchema.default({ objective: '', prediction: '', measurement: '', who: '', when: '', where: '' }),
});
export type StartCycleRequest = z.infer<typeof StartCycleRequestSchema>;
export const UpdateCycleRequestSchema = StartCycleRequestSchema;
export type UpdateCycleRequest = z.infer<typeof UpdateCycleRequestSchema>;
export const CycleTransitionRequestSchema = z.strictObject({
  to: z.enum(CYCLE_STAGES_FLOW, { error: () => `Stage must be one of: ${CYCLE_STAGES_FLOW.join(', ')}` }),
});

export const EVIDENCE_KINDS = ['report', 'meeting', 'action_item', 'lesson', 'file', 'link'] as const;
export const ObservationEvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('report'), id: UuidSchema, label: text('Label', 200).default('') }),
  z.strictObject({ kind: z.literal('meeting'), id: UuidSchema, label: text('Label', 200).default('') }),
  /** One action item of a meeting's minutes: `id` is the meeting (what access is checked against), `itemId` the item. */
  z.strictObject({ kind: z.literal('action_item'), id: UuidSchema, itemId: UuidSchema, label: text('Label', 200).default('') }),
  z.strictObject({ kind: z.literal('lesson'), id: UuidSchema, label: text('Label', 200).default('') }),
  /** A file uploaded to the initiative (POST /initiatives/:id/files) for this observation. */
  z.strictObject({ kind: z.literal('file'), id: UuidSchema, label: text('Label', 200).default('') }),
  z.strictObject({
    kind: z.literal('link'),
    url: z
      .url({ protocol: /^https?$/, message: 'Evidence links must be http(s) addresses' })
      .max(2000, 'Link is too long'),
    label: text('Label', 200).default(''),
  }),
]);
export type ObservationEvidence = z.infer<typeof ObservationEvidenceSchema>;
export const ObservationInputSchema = z.strictObject({
  observedOn: CalendarDateSchema,
  note: nonEmpty('Note', 4000),
  evidence: z.array(ObservationEvidenceSchema).max(20, 'At most 20 pieces of evidence').default([]),
});
export type ObservationInput = z.infer<typeof ObservationInputSchema>;
export const ObservationSchema = z.object({
  id: UuidSchema,
  observedOn: z.string(),
  note: z.string(),
  evidence: z.array(ObservationEvidenceSchema),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type Observation = z.infer<typeof ObservationSchema>;

export const MilestoneInputSchema = z.strictObject({
  title: displayed('Title', 300),
  ownerId: UuidSchema.nullable().default(null),
  dueOn: CalendarDateSchema.nullable().default(null),
  status: z.enum(MILESTONE_STATUSES, { error: () => `Status must be one of: ${MILESTONE_STATUSES.join(', ')}` }).default('todo'),
});
export type MilestoneInput = z.infer<typeof MilestoneInputSchema>;
export const UpdateMilestoneRequestSchema = z
  .strictObject({
    title: displayed('Title', 300).optional(),
    ownerId: UuidSchema.nullable().optional(),
    dueOn: CalendarDateSchema.nullable().optional(),
    status: z.enum(MILESTONE_STATUSES, { error: () => `Status must be one of: ${MILESTONE_STATUSES.join(', ')}` }).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'Nothing to change');
export type UpdateMilestoneRequest = z.infer<typeof UpdateMilestoneRequestSchema>;
export const MilestoneSchema = z.object({
  id: UuidSchema,
  cycleId: UuidSchema,
  title: z.string(),
  ownerId: UuidSchema.nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(MILESTONE_STATUSES),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

/** The caller's own open milestones ("my work" on the home page), with the initiative they belong to. */
export const MyMilestoneSchema = MilestoneSchema.extend({ initiativeId: UuidSchema, initiativeTitle: z.string(), cycleTitle: z.string() });
export type MyMilestone = z.infer<typeof MyMilestoneSchema>;
export const MyMilestoneListSchema = z.object({ items: z.array(MyMilestoneSchema) });
export const MyMilestonesQuerySchema = z.strictObject({ overdue: z.enum(['true', 'false'], { error: () => 'overdue is true or false' }).optional() });
export type MyMilestonesQuery = z.infer<typeof MyMilestonesQuerySchema>;

export const StageEventSchema = z.object({
  from: z.enum(CYCLE_STAGES_FLOW).nullable(),
  to: z.enum(CYCLE_STAGES_FLOW),
  byName: z.string().nullable(),
  at: z.string(),
  backwards: z.boolean(),
});
export const CycleSchema = CycleSummarySchema.extend({
  initiativeId: UuidSchema,
  changeIdeaIds: z.array(UuidSchema),
  plan: z.object({ objective: z.string(), prediction: z.string(), measurement: z.string(), who: z.string(), when: z.string(), where: z.string() }),
  reflection: z.object({ whatChanged: z.string(), learned: z.string(), decision: z.enum(REFLECTION_DECISIONS) }).nullable(),
  lessonId: UuidSchema.nullable(),
  /** When the act stage began and ended (end null while acting): the band drawn on measure charts. */
  actStartedAt: z.string().nullable(),
  actEndedAt: z.string().nullable(),
  events: z.array(StageEventSchema),
  milestones: z.array(MilestoneSchema),
  observations: z.array(ObservationSchema),
});
export type Cycle = z.infer<typeof CycleSchema>;

// ---------- measures ----------
export const MeasureInputSchema = z.strictObject({
  name: displayed('Name', 200),
  kind: z.enum(MEASURE_KINDS, { error: () => `Kind must be one of: ${MEASURE_KINDS.join(', ')}` }),
  definition: text('Definition', 2000).default(''),
  unit: text('Unit', 50).default(''),
  direction: z.enum(MEASURE_DIRECTIONS, { error: () => `Direction must be one of: ${MEASURE_DIRECTIONS.join(', ')}` }),
  target: z.number({ error: 'Target must be a number' }).finite('Target must be a finite number').min(-1e12, 'Target is too small').max(1e12, 'Target is too large').nullable().default(null),
  frequency: z.enum(MEASURE_FREQUENCIES, { error: () => `Frequency must be one of: ${MEASURE_FREQUENCIES.join(', ')}` }).default('monthly'),
  chartType: z.enum(CHART_TYPES, { error: () => `Chart must be one of: ${CHART_TYPES.join(', ')}` }).default('run'),
  baselineLength: z.number().int('Baseline must be a whole number of points').min(2, 'A baseline needs at least 2 points').max(1000, 'Baseline is too long').nullable().default(null),
  changePoints: z.array(CalendarDateSchema).max(10, 'At most 10 change points').default([]),
});
export type MeasureInput = z.infer<typeof MeasureInputSchema>;
export const MeasureSchema = z.object({
  id: UuidSchema,
  initiativeId: UuidSchema,
  name: z.string(),
  kind: z.enum(MEASURE_KINDS),
  definition: z.string(),
  unit: z.string(),
  direction: z.enum(MEASURE_DIRECTIONS),
  target: z.number().nullable(),
  frequency: z.enum(MEASURE_FREQUENCIES),
  chartType: z.enum(CHART_TYPES),
  baselineLength: z.number().int().nullable(),
  changePoints: z.array(z.string()),
  pointCount: z.number().int(),
  /** Special-cause signals touching the latest six points, by assessment. */
  latestSignal: z.enum(['improvement', 'concern', 'both', 'none']),
});
export type Measure = z.infer<typeof MeasureSchema>;

const finite = (field: string) =>
  z.number({ error: `${field} must be a number` }).finite(`${field} must be a finite number`).min(-1e12, `${field} is too small`).max(1e12, `${field} is too large`);
export const DataPointInputSchema = z
  .strictObject({
    date: CalendarDateSchema,
    value: finite('Value').nullable().default(null),
    numerator: finite('Numerator').int('Numerator must be a whole number').min(0, 'Numerator cannot be negative').nullable().default(null),
    denominator: finite('Denominator').int('Denominator must be a whole number').min(1, 'Denominator must be at least 1').nullable().default(null),
  })
  .superRefine((point, context) => {
    const proportion = point.numerator !== null || point.denominator !== null;
    if (proportion) {
      if (point.numerator === null) context.addIssue({ code: 'custom', path: ['numerator'], message: 'Numerator is required with a denominator' });
      if (point.denominator === null) context.addIssue({ code: 'custom', path: ['denominator'], message: 'Denominator is required with a numerator' });
      if (point.numerator !== null && point.denominator !== null && point.numerator > point.denominator) {
        context.addIssue({ code: 'custom', path: ['numerator'], message: 'Numerator cannot be greater than the denominator' });
      }
    } else if (point.value === null) {
      context.addIssue({ code: 'custom', path: ['value'], message: 'Value is required' });
    }
  });
export type DataPointInput = z.infer<typeof DataPointInputSchema>;
export const DataPointSchema = z.object({ date: z.string(), value: z.number(), numerator: z.number().nullable(), denominator: z.number().nullable() });
export type DataPoint = z.infer<typeof DataPointSchema>;
export const DataPointsRequestSchema = z.strictObject({ points: z.array(DataPointInputSchema).min(1, 'Add at least one data point').max(1000, 'At most 1000 data points at once') });
export const CsvImportRequestSchema = z.strictObject({ csv: z.string().min(1, 'The CSV file is empty').max(200_000, 'The CSV file is too large (200 kB at most)') });
export const CsvImportErrorSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export const DataPointParamsSchema = z.strictObject({ id: UuidSchema, date: CalendarDateSchema });

export const CycleBandSchema = z.object({ cycleId: UuidSchema, number: z.number().int(), title: z.string(), start: z.string(), end: z.string().nullable() });
export const MeasureChartSchema = z.object({
  measure: MeasureSchema,
  points: z.array(DataPointSchema),
  chart: ChartResultSchema,
  bands: z.array(CycleBandSchema),
});
export type MeasureChart = z.infer<typeof MeasureChartSchema>;

export const InitiativeDetailSchema = z.object({
  initiative: InitiativeSchema,
  drivers: z.array(DriverNodeSchema),
  cycles: z.array(CycleSchema),
  measures: z.array(MeasureSchema),
  /** People who may own milestones: members of the owning organisation. */
  people: z.array(z.object({ id: UuidSchema, name: z.string() })),
});
export type InitiativeDetail = z.infer<typeof InitiativeDetailSchema>;

// ---------- dashboard ----------
export const DashboardFiltersSchema = z.strictObject({
  region: RegionCodeSchema.optional(),
  determinant: z.enum(DETERMINANTS).optional(),
  sector: z.enum(SECTORS).optional(),
  organisationId: UuidSchema.optional(),
});
export type DashboardFilters = z.infer<typeof DashboardFiltersSchema>;
export const DashboardRowSchema = z.object({
  organisationId: UuidSchema,
  organisationName: z.string(),
  countryIso2: z.string().nullable(),
  countryIso3: z.string().nullable(),
  regionCode: z.string().nullable(),
  initiatives: z.number().int(),
  /** The most recently changed active cycle's stage ('none' when no cycle is running). */
  stage: z.enum([...CYCLE_STAGES_FLOW, 'none']),
  daysInStage: z.number().int().nullable(),
  overdueMilestones: z.number().int(),
  lastReport: z.object({ id: UuidSchema, title: z.string(), status: z.string(), updatedAt: z.string() }).nullable(),
  meetingsHeld90: z.number().int(),
  attendanceRate90: z.number().nullable(),
  lessonsPublished: z.number().int(),
  measuresImproving: z.number().int(),
  measuresConcerning: z.number().int(),
});
export type DashboardRow = z.infer<typeof DashboardRowSchema>;
export const DashboardSchema = z.object({
  generatedAt: z.string(),
  rows: z.array(DashboardRowSchema),
  stageDistribution: z.array(z.object({ stage: z.enum([...CYCLE_STAGES_FLOW, 'none']), count: z.number().int() })),
  /** Open milestones at the end of each week (past 12 weeks; null for weeks still to come), and how many are planned to be open (next 4 weeks too). */
  burndown: z.array(z.object({ week: z.string(), open: z.number().int().nullable(), due: z.number().int() })),
  /** Stage changes, milestones completed and observations per week over the past 12 weeks. */
  activity: z.array(z.object({ week: z.string(), stageChanges: z.number().int(), milestonesDone: z.number().int(), observations: z.number().int() })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
export const DashboardExportQuerySchema = DashboardFiltersSchema.extend({
  format: z.enum(['csv', 'pdf'], { error: () => 'Format must be csv or pdf' }),
  ...LanguageQuerySchema.shape,
});

export const ACTIVITY_KINDS = ['initiative_created', 'cycle_started', 'stage_changed', 'milestone_done', 'observation_added', 'data_added', 'lesson_drafted'] as const;
export const ActivityItemSchema = z.object({
  id: UuidSchema,
  kind: z.enum(ACTIVITY_KINDS),
  at: z.string(),
  actorName: z.string().nullable(),
  organisationName: z.string(),
  initiativeId: UuidSchema,
  initiativeTitle: z.string(),
  detail: z.string(),
  /** Stage moves: from and to which stage. */
  fromStage: z.enum(CYCLE_STAGES_FLOW).nullable(),
  toStage: z.enum(CYCLE_STAGES_FLOW).nullable(),
});
export type ActivityItem = z.infer<typeof ActivityItemSchema>;
export const ActivityListSchema = z.object({ items: z.array(ActivityItemSchema) });
export const ActivityQuerySchema = z.strictObject({
  organisationId: UuidSchema.optional(),
  region: RegionCodeSchema.optional(),
  limit: z.coerce.number().int('Limit must be a whole number').min(1, 'Limit must be at least 1').max(100, 'Limit must be at most 100').default(30) });

/** A measure one may read, as offered when embedding a chart in a report. */
export const MeasureOptionSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  chartType: z.enum(CHART_TYPES),
  initiativeId: UuidSchema,
  initiativeTitle: z.string(),
  organisationName: z.string(),
});
export type MeasureOption = z.infer<typeof MeasureOptionSchema>;
export const MeasureOptionListSchema = z.object({ items: z.array(MeasureOptionSchema) });
