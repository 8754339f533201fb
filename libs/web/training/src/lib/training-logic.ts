import {
  CERTIFICATE_CODE_PATTERN,
  type Course,
  type CourseCompletion,
  type CourseInput,
  type CourseModule,
  type CourseModuleInput,
  type CourseModuleKind,
  type CourseSummary,
  type Language,
} from '@simashe/contracts';

/**
 * Training's screen logic, apart from React so it is unit-tested: progress shares, the course list split, the
 * editor's draft and its payload, module ordering, quiz answers, completion shares and certificate codes.
 */

export const MAX_MODULES = 30;
export const MAX_QUESTIONS = 20;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
export const DEFAULT_PASS_MARK = 70;
export const REFLECTION_MIN = 20;

/** A whole percentage of modules done, 0 for a course with no module (never NaN). */
export function progressPercent(completed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((completed / total) * 100)));
}

/** "My courses" are those the person is enrolled in; the catalogue is everything else they may see. */
export function splitCourses(items: readonly CourseSummary[]): { mine: CourseSummary[]; catalogue: CourseSummary[] } {
  return { mine: items.filter((course) => course.enrolment !== null), catalogue: items.filter((course) => course.enrolment === null) };
}

/** A copy of the list with the item at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const copy = [...items];
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return copy;
  [copy[index], copy[target]] = [copy[target], copy[index]];
  return copy;
}

export interface QuestionDraft {
  key: string;
  prompt: string;
  options: string[];
  /** The right answer's index; null until the author marks one. */
  correct: number | null;
}

/** One module as the editor holds it: every kind's fields, so switching nothing loses typing; `key` is React's. */
export interface ModuleDraft {
  key: string;
  id?: string;
  kind: CourseModuleKind;
  title: string;
  body: string;
  resourceId: string;
  /** The resource's title as the course last knew it, for a resource the picker does not list. */
  resourceTitle: string | null;
  url: string;
  passMark: string;
  questions: QuestionDraft[];
}

export interface CourseDraft {
  organisationId: string;
  title: string;
  summary: string;
  language: Language;
  published: boolean;
  modules: ModuleDraft[];
}

let nextKey = 0;
/** A key for a new row, unique in the page's life. */
export const newKey = (prefix = 'row') => `${prefix}-${++nextKey}`;

export function emptyQuestion(): QuestionDraft {
  return { key: newKey('question'), prompt: '', options: ['', ''], correct: null };
}

export function emptyModule(kind: CourseModuleKind): ModuleDraft {
  return {
    key: newKey('module'),
    kind,
    title: '',
    body: '',
    resourceId: '',
    resourceTitle: null,
    url: '',
    passMark: String(DEFAULT_PASS_MARK),
    questions: kind === 'quiz' ? [emptyQuestion()] : [],
  };
}

export function emptyCourse(organisationId: string, language: Language): CourseDraft {
  return { organisationId, title: '', summary: '', language, published: false, modules: [] };
}

function moduleDraft(module: CourseModule): ModuleDraft {
  return {
    key: newKey('module'),
    id: module.id,
    kind: module.kind,
    title: module.title,
    body: module.body,
    resourceId: module.resourceId ?? '',
    resourceTitle: module.resourceTitle,
    url: module.url ?? '',
    passMark: String(module.passMark ?? DEFAULT_PASS_MARK),
    questions: module.questions.map((question) => ({ key: newKey('question'), prompt: question.prompt, options: [...question.options], correct: question.correct })),
  };
}

/** The editor's starting point for an existing course (its modules in order, each keeping its id). */
export function draftFromCourse(course: Course): CourseDraft {
  return {
    organisationId: course.organisationId,
    title: course.title,
    summary: course.summary,
    language: course.language,
    published: course.published,
    modules: [...course.modules].sort((a, b) => a.position - b.position).map(moduleDraft),
  };
}

/** A pass mark field as the API reads it: a whole number, or NaN (sent as null) for the API to word the refusal. */
export function parsePassMark(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function moduleInput(module: ModuleDraft): CourseModuleInput {
  const base = { ...(module.id ? { id: module.id } : {}), title: module.title.trim(), body: module.body.trim() };
  switch (module.kind) {
    case 'resource':
      return { ...base, kind: 'resource', resourceId: module.resourceId };
    case 'webinar':
      return { ...base, kind: 'webinar', url: module.url.trim() };
    case 'reflection':
      return { ...base, kind: 'reflection' };
    case 'quiz':
      return {
        ...base,
        kind: 'quiz',
        passMark: parsePassMark(module.passMark),
        // An unmarked question is sent as -1: the API then says "Mark the right answer" at that question.
        questions: module.questions.map((question) => ({ prompt: question.prompt.trim(), options: question.options.map((option) => option.trim()), correct: question.correct ?? -1 })),
      };
  }
}

/** The whole course as the API reads it (POST and PUT): texts trimmed, modules in the editor's order. Checking is the API's. */
export function courseInput(draft: CourseDraft): CourseInput {
  return {
    organisationId: draft.organisationId,
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    language: draft.language,
    published: draft.published,
    modules: draft.modules.map(moduleInput),
  };
}

/** Removes an answer and keeps the right-answer mark on the same answer (or clears it when that answer goes). */
export function removeOption(question: QuestionDraft, index: number): QuestionDraft {
  if (question.options.length <= MIN_OPTIONS) return question;
  const correct = question.correct === null || question.correct === index ? null : question.correct > index ? question.correct - 1 : question.correct;
  return { ...question, options: question.options.filter((_, at) => at !== index), correct };
}

export function addOption(question: QuestionDraft): QuestionDraft {
  return question.options.length >= MAX_OPTIONS ? question : { ...question, options: [...question.options, ''] };
}

/**
 * A learner's choices (question index → option index) as the API's `answers` array, or the questions still
 * unanswered (by index) when some are.
 */
export function quizAnswers(questionCount: number, chosen: Readonly<Record<number, number | undefined>>): { answers: number[] } | { unanswered: number[] } {
  const unanswered = Array.from({ length: questionCount }, (_, index) => index).filter((index) => chosen[index] === undefined);
  if (unanswered.length) return { unanswered };
  return { answers: Array.from({ length: questionCount }, (_, index) => chosen[index] as number) };
}

/** The modules in the course's order, each with whether the learner has done it. */
export function orderedModules(course: Pick<Course, 'modules'>): Array<CourseModule & { done: boolean }> {
  return [...course.modules].sort((a, b) => a.position - b.position).map((module) => ({ ...module, done: !!module.progress?.completedAt }));
}

/** A reflection's length as the API counts it (trimmed), and whether it is long enough. */
export function reflectionLength(text: string): { length: number; ok: boolean } {
  const length = text.trim().length;
  return { length, ok: length >= REFLECTION_MIN };
}

/** The share completed (0 to 1), or null when nobody is enrolled (no share to speak of). */
export function completionShare(completed: number, enrolled: number): number | null {
  return enrolled > 0 ? completed / enrolled : null;
}

export interface CompletionRow {
  key: string;
  organisationName: string | null;
  regionCode: string | null;
  enrolled: number;
  completed: number;
  share: number | null;
}

/** The trainer's tables: by organisation (most enrolled first, then by name) and by region (by code, unknown last). */
export function completionTables(completion: CourseCompletion, collator: Intl.Collator = new Intl.Collator()): { byOrganisation: CompletionRow[]; byRegion: CompletionRow[] } {
  const byOrganisation = completion.byOrganisation
    .map((group, index) => ({
      key: group.organisationId ?? `none-${index}`,
      organisationName: group.organisationName,
      regionCode: group.regionCode,
      enrolled: group.enrolled,
      completed: group.completed,
      share: completionShare(group.completed, group.enrolled),
    }))
    .sort((a, b) => b.enrolled - a.enrolled || collator.compare(a.organisationName ?? '\uffff', b.organisationName ?? '\uffff'));
  const byRegion = completion.byRegion
    .map((group) => ({ key: group.regionCode ?? 'none', organisationName: null, regionCode: group.regionCode, enrolled: group.enrolled, completed: group.completed, share: completionShare(group.completed, group.enrolled) }))
    .sort((a, b) => (a.regionCode === null ? 1 : b.regionCode === null ? -1 : a.regionCode.localeCompare(b.regionCode)));
  return { byOrganisation, byRegion };
}

/**
 * A typed verification code in the form the API keeps ("7k2m q9xd 4hza" → "7K2M-Q9XD-4HZA"), or null when it cannot
 * be one (the page then says so without asking the server).
 */
export function normaliseCertificateCode(text: string): string | null {
  const compact = text.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!CERTIFICATE_CODE_PATTERN.test(compact)) return null;
  return compact.replace(/(.{4})(?=.)/g, '$1-');
}

/** Where the certificate of a completed course is downloaded from: a plain link, so the session cookie goes along. */
export const certificateHref = (courseId: string) => `/api/training/courses/${courseId}/certificate`;

/** The reader's own zone when signed out: the browser's. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
