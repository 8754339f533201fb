import { z } from 'zod';
import { displayTextSchema, UuidSchema } from './common.schema';
import { SUPPORTED_LANGUAGES } from './constants';

/**
 * Training: courses made of ordered modules (a resource of the library, a recorded webinar, a reflection, or a short
 * quiz with scoring); people enrol, progress is kept per module, and completing every module gives a certificate
 * with a verification code that a public page checks.
 */
export const COURSE_MODULE_KINDS = ['resource', 'webinar', 'reflection', 'quiz'] as const;
export type CourseModuleKind = (typeof COURSE_MODULE_KINDS)[number];

const text = (field: string, max: number) => z.string().trim().max(max, `${field} must be at most ${max} characters`);

export const QuizQuestionInputSchema = z
  .strictObject({
    prompt: displayTextSchema('Question', { max: 500 }),
    options: z.array(displayTextSchema('Answer', { max: 300 })).min(2, 'Give each question at least 2 answers').max(6, 'Give each question at most 6 answers'),
    /** The index of the right answer among `options`. */
    correct: z.number({ error: 'Mark the right answer of each question' }).int('Mark the right answer of each question').min(0, 'Mark the right answer of each question'),
  })
  .refine((question) => question.correct < question.options.length, { message: 'Mark the right answer of each question', path: ['correct'] });
export type QuizQuestionInput = z.infer<typeof QuizQuestionInputSchema>;

const moduleBase = {
  /** Absent for a new module; an existing module keeps its learners' progress when the course is saved. */
  id: UuidSchema.optional(),
  title: displayTextSchema('Module title', { min: 3, max: 200 }),
  /** What to do, or the reflection's prompt. */
  body: text('Instructions', 4000).default(''),
};

export const CourseModuleInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...moduleBase, kind: z.literal('resource'), resourceId: UuidSchema }),
    z.strictObject({ ...moduleBase, kind: z.literal('webinar'), url: z.url({ protocol: /^https?$/, message: 'The recording must be an http(s) link' }).max(2000, 'The link is too long') }),
    z.strictObject({ ...moduleBase, kind: z.literal('reflection') }),
    z.strictObject({
      ...moduleBase,
      kind: z.literal('quiz'),
      /** The share of right answers needed to pass, in percent. */
      passMark: z.number({ error: 'The pass mark must be a number' }).int('The pass mark must be a whole number').min(1, 'The pass mark must be from 1 to 100').max(100, 'The pass mark must be from 1 to 100').default(70),
      questions: z.array(QuizQuestionInputSchema).min(1, 'Give a quiz at least one question').max(20, 'Give a quiz at most 20 questions'),
    }),
  ],
  { error: () => `Module kind must be one of: ${COURSE_MODULE_KINDS.join(', ')}` },
);
export type CourseModuleInput = z.infer<typeof CourseModuleInputSchema>;

export const CourseInputSchema = z
  .strictObject({
    organisationId: UuidSchema,
    title: displayTextSchema('Title', { min: 3, max: 200 }),
    summary: text('Summary', 4000).default(''),
    language: z.enum(SUPPORTED_LANGUAGES, { error: () => `Language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` }),
    /** Only a published course is seen, and taken, by the network. */
    published: z.boolean({ error: 'Published must be true or false' }).default(false),
    /** In order; saving a course replaces the order, and removes the modules left out (with their progress). */
    modules: z.array(CourseModuleInputSchema).max(30, 'A course can have at most 30 modules').default([]),
  })
  .refine((course) => !course.published || course.modules.length > 0, { message: 'A course needs at least one module before it is published', path: ['published'] })
  .refine((course) => {
    const ids = course.modules.map((module) => module.id).filter(Boolean);
    return new Set(ids).size === ids.length;
  }, { message: 'Each module once', path: ['modules'] });
export type CourseInput = z.infer<typeof CourseInputSchema>;

/** A question as a learner sees it: the right answer only for those who write the course. */
export const QuizQuestionSchema = z.object({ prompt: z.string(), options: z.array(z.string()), correct: z.number().int().nullable() });

export const ModuleProgressSchema = z.object({
  completedAt: z.string().nullable(),
  /** Quiz: the best score so far, in percent. */
  score: z.number().int().nullable(),
  reflection: z.string().nullable(),
});
export type ModuleProgress = z.infer<typeof ModuleProgressSchema>;

export const CourseModuleSchema = z.object({
  id: UuidSchema,
  position: z.number().int(),
  kind: z.enum(COURSE_MODULE_KINDS),
  title: z.string(),
  body: z.string(),
  resourceId: UuidSchema.nullable(),
  /** Null when the resource was deleted, or the caller may not read it. */
  resourceTitle: z.string().nullable(),
  url: z.string().nullable(),
  passMark: z.number().int().nullable(),
  questions: z.array(QuizQuestionSchema),
  /** The caller's own progress, when enrolled. */
  progress: ModuleProgressSchema.nullable(),
});
export type CourseModule = z.infer<typeof CourseModuleSchema>;

export const EnrolmentSchema = z.object({
  enrolledAt: z.string(),
  completedAt: z.string().nullable(),
  completedModules: z.number().int(),
  /** Given on completion; checked at /verify/<code>. */
  certificateCode: z.string().nullable(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

const courseHeader = {
  id: UuidSchema,
  organisationId: UuidSchema,
  organisationName: z.string(),
  title: z.string(),
  summary: z.string(),
  language: z.enum(SUPPORTED_LANGUAGES),
  published: z.boolean(),
  moduleCount: z.number().int(),
  updatedAt: z.string(),
  enrolment: EnrolmentSchema.nullable(),
  /** The caller writes the course and sees who completed it (editors and admins of the owning organisation). */
  canEdit: z.boolean(),
  canEnrol: z.boolean(),
  canTrack: z.boolean(),
};
export const CourseSummarySchema = z.object(courseHeader);
export type CourseSummary = z.infer<typeof CourseSummarySchema>;
export const CourseListSchema = z.object({ items: z.array(CourseSummarySchema) });
export type CourseList = z.infer<typeof CourseListSchema>;
export const CourseSchema = z.object({ ...courseHeader, modules: z.array(CourseModuleSchema) });
export type Course = z.infer<typeof CourseSchema>;

/** What a learner sends for one module: "done" (a resource read, a recording watched), a reflection, or quiz answers. */
export const ModuleProgressInputSchema = z
  .strictObject({
    done: z.literal(true, { error: 'Send done: true' }).optional(),
    reflection: displayTextSchema('Reflection', { min: 20, max: 5000, requiredMessage: 'Write your reflection (at least 20 characters)' }).optional(),
    answers: z.array(z.number({ error: 'Each answer must be the number of an option' }).int('Each answer must be the number of an option').min(0, 'Each answer must be the number of an option').max(5, 'Each answer must be the number of an option')).max(20, 'At most 20 answers').optional(),
  })
  .refine((input) => [input.done, input.reflection, input.answers].filter((value) => value !== undefined).length === 1, 'Send done: true, a reflection, or the quiz answers (one of them)');
export type ModuleProgressInput = z.infer<typeof ModuleProgressInputSchema>;
export const ModuleParamsSchema = z.strictObject({ id: UuidSchema, moduleId: UuidSchema });

export const QuizResultSchema = z.object({ score: z.number().int(), passed: z.boolean(), passMark: z.number().int(), correct: z.array(z.boolean()) });
export type QuizResult = z.infer<typeof QuizResultSchema>;
export const ModuleProgressResultSchema = z.object({ course: CourseSchema, quiz: QuizResultSchema.nullable() });
export type ModuleProgressResult = z.infer<typeof ModuleProgressResultSchema>;

/** Completion for a trainer: enrolled and completed learners, by the learner's organisation and by its region. */
export const CompletionGroupSchema = z.object({ enrolled: z.number().int(), completed: z.number().int() });
export const CourseCompletionSchema = z.object({
  courseId: UuidSchema,
  enrolled: z.number().int(),
  completed: z.number().int(),
  byOrganisation: z.array(CompletionGroupSchema.extend({ organisationId: UuidSchema.nullable(), organisationName: z.string().nullable(), regionCode: z.string().nullable() })),
  byRegion: z.array(CompletionGroupSchema.extend({ regionCode: z.string().nullable() })),
});
export type CourseCompletion = z.infer<typeof CourseCompletionSchema>;

/** Certificate codes: 12 letters and digits (no I, L, O or U), shown in groups of four: 7K2M-Q9XD-4HZA. */
export const CERTIFICATE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$/;
export const CertificateCodeParamsSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(CERTIFICATE_CODE_PATTERN, 'A verification code has 12 letters and digits, like 7K2M-Q9XD-4HZA')
    .transform((code) => code.replace(/-/g, '').replace(/(.{4})(?=.)/g, '$1-')),
});
/** What the public verification page shows about a certificate. */
export const CertificateSchema = z.object({
  code: z.string(),
  learnerName: z.string(),
  courseTitle: z.string(),
  /** Who offers the course. */
  organisationName: z.string(),
  completedAt: z.string(),
});
export type Certificate = z.infer<typeof CertificateSchema>;
