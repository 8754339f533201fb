import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { byCodePointNullsLast, ConflictError, NotFoundError, ValidationError, type AuthContext } from '@simashe/api-core';
import { AccessPolicy, OrganisationsService, type AccessScope } from '@simashe/api-organisations';
import { ResourcesService } from '@simashe/api-resources';
import { SearchIndexer } from '@simashe/api-search';
import type { Certificate, Course, CourseCompletion, CourseInput, CourseSummary, ModuleProgressInput, ModuleProgressResult, QuizResult } from '@simashe/contracts';
import { DataSource } from 'typeorm';
import { type CourseRow, type EnrolmentRow, type ModuleRow, type ProgressRow, TrainingRepository } from './training.repository';

type CourseResource = { kind: 'course'; organisationId: string; published: boolean; enrolled: boolean };
const courseOf = (row: Pick<CourseRow, 'organisation_id' | 'published' | 'enrolled'>): CourseResource => ({ kind: 'course', organisationId: row.organisation_id, published: row.published, enrolled: row.enrolled });

/** Code-point order, as PostgreSQL's C.UTF-8 collation sorts text here (UTF-8 bytes compare so; UTF-16 units not always). */
/** `ORDER BY … NULLS LAST`, in code-point order. */

/** Crockford's base32 without I, L, O and U: codes read aloud or typed from paper stay unambiguous. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newCertificateCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** A quiz's score in percent (rounded down, so a pass is never rounded into being), and which answers were right. */
export function scoreQuiz(questions: Array<{ correct: number }>, answers: number[], passMark: number): QuizResult {
  const correct = questions.map((question, index) => answers[index] === question.correct);
  const score = questions.length === 0 ? 0 : Math.floor((correct.filter(Boolean).length * 100) / questions.length);
  return { score, passed: score >= passMark, passMark, correct };
}

/**
 * Training: courses of ordered modules, enrolment, progress per module, certificates and completion figures. Every
 * decision is the AccessPolicy's (`course:*`); library resources are read through ResourcesService.
 */
@Injectable()
export class TrainingService {
  constructor(
    private readonly repo: TrainingRepository,
    private readonly policy: AccessPolicy,
    private readonly resources: ResourcesService,
    private readonly indexer: SearchIndexer,
    private readonly users: UsersService,
    private readonly db: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async list(auth: AuthContext): Promise<CourseSummary[]> {
    const scope = await this.policy.scope(auth);
    const writable = scope.memberOrganisationIds.filter((id) => scope.writesIn(id));
    const readable = (await this.repo.list(auth.userId, writable)).filter((row) => scope.can('course:read', courseOf(row)));
    // The organisations' names in one batch of api-organisations; a course whose organisation is gone is left out (as the join did).
    const [organisationNames, enrolmentRows] = await Promise.all([
      this.organisations.names(readable.map((row) => row.organisation_id)),
      this.repo.enrolments(auth.userId, readable.map((row) => row.id)),
    ]);
    const enrolments = new Map(enrolmentRows.map((row) => [row.course_id, row]));
    return readable.flatMap((row) => {
      const organisationName = organisationNames.get(row.organisation_id);
      return organisationName === undefined ? [] : [summary(row, organisationName, enrolments.get(row.id) ?? null, scope)];
    });
  }

  async get(auth: AuthContext, id: string): Promise<Course> {
    const { row, scope } = await this.readable(auth, id);
    return this.present(auth, row, scope);
  }

  async create(auth: AuthContext, input: CourseInput): Promise<Course> {
    // Asked as of a published course, so a member of the network learns why (403), not that it does not exist.
    await this.policy.require(auth, 'course:create', { kind: 'course', organisationId: input.organisationId, published: true, enrolled: false }, 'The organisation');
    await this.requireResources(auth, input);
    return this.get(auth, await this.seed(input, auth.userId));
  }

  /** The whole course: its fields, and its modules in their new order (see TrainingRepository.replaceModules). */
  async update(auth: AuthContext, id: string, input: CourseInput): Promise<Course> {
    const row = await this.writable(auth, id);
    if (input.organisationId !== row.organisation_id) throw new ValidationError('A course stays with the organisation that created it', [{ path: 'organisationId', message: 'A course stays with the organisation that created it' }]);
    await this.requireResources(auth, input);
    await this.db.transaction(async (manager) => {
      // Locked: two trainers saving at once are applied one after the other, never interleaved.
      await this.repo.find(id, null, manager, true);
      const replaced = await this.repo.replaceModules(manager, id, input.modules);
      if (replaced.outcome === 'unknown_module') throw new ValidationError('A module you sent is not one of this course’s (it may have been removed meanwhile); reload the course and save again');
      if (replaced.outcome === 'kind_changed') {
        const message = 'A module keeps its kind: remove it and add a new module of the other kind';
        throw new ValidationError(message, [{ path: `modules.${replaced.index}.kind`, message }]);
      }
      await this.repo.update(manager, id, input);
      // Learners whose only open modules were removed have now done the course: they get their certificate.
      for (const userId of await this.repo.doneButOpen(manager, id)) await this.repo.completeIfDone(manager, id, userId, newCertificateCode());
    });
    await this.index(id);
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.writable(auth, id);
    // Certificates point at the course: once someone has one, the course is unpublished rather than deleted.
    if ((await this.repo.completedCount(id)) > 0) throw new ConflictError('People have completed this course and hold its certificates; unpublish it instead of deleting it');
    await this.repo.remove(id);
    await this.indexer.remove('course', id);
  }

  async enrol(auth: AuthContext, id: string): Promise<Course> {
    const { row, scope } = await this.readable(auth, id);
    scope.require('course:enrol', courseOf(row), 'The course');
    // Counted under the organisation they belong to (the first, when several), as it is at enrolment.
    await this.repo.enrol(id, auth.userId, scope.memberOrganisationIds[0] ?? null);
    return this.present(auth, row, scope);
  }

  /**
   * One module's progress: "done" for a resource or a recording, a reflection, or quiz answers (scored here; passing
   * completes the module, and the best score is kept). Completing the last module completes the course and gives its
   * certificate code, in the same transaction.
   */
  async progress(auth: AuthContext, courseId: string, moduleId: string, input: ModuleProgressInput): Promise<ModuleProgressResult> {
    const { row, scope } = await this.readable(auth, courseId);
    const modules = await this.repo.modules(courseId);
    const module = modules.find((candidate) => candidate.id === moduleId);
    if (!module) throw new NotFoundError('The module');
    const recorded = recordFor(module, input);
    await this.db.transaction(async (manager) => {
      if (!(await this.repo.lockEnrolment(manager, courseId, auth.userId))) throw new ConflictError('Enrol in the course before recording your progress');
      await this.repo.saveProgress(manager, moduleId, auth.userId, recorded.progress);
      if (recorded.progress.completed) await this.repo.completeIfDone(manager, courseId, auth.userId, newCertificateCode());
    });
    return { course: await this.present(auth, row, scope, modules), quiz: recorded.quiz };
  }

  /** The caller's certificate of the course, once completed. */
  async certificateOf(auth: AuthContext, courseId: string): Promise<Certificate> {
    await this.readable(auth, courseId);
    const [enrolment] = await this.repo.enrolments(auth.userId, [courseId]);
    if (!enrolment?.certificate_code) throw new ConflictError('The certificate comes once every module of the course is done');
    return this.verify(enrolment.certificate_code);
  }

  /** Anyone, signed out too, checks a certificate by its code. */
  async verify(code: string): Promise<Certificate> {
    const row = await this.repo.certificate(code);
    // An enrolment goes with its learner's account, so a certificate always has its learner's name; the course's
    // organisation is named by api-organisations (a certificate of an organisation that is gone is not found, as the join had it).
    const [learnerNames, organisationNames] = await Promise.all([this.users.names([row?.user_id]), this.organisations.names([row?.organisation_id])]);
    const learnerName = row && learnerNames.get(row.user_id);
    const organisationName = row && organisationNames.get(row.organisation_id);
    if (!row || learnerName === undefined || organisationName === undefined) {
      throw new NotFoundError('The certificate', 'No certificate has this verification code; check it against the printed certificate');
    }
    return { code: row.certificate_code, learnerName, courseTitle: row.course_title, organisationName, completedAt: row.completed_at.toISOString() };
  }

  async completion(auth: AuthContext, id: string): Promise<CourseCompletion> {
    const { row, scope } = await this.readable(auth, id);
    scope.require('course:track', courseOf(row), 'The course');
    const stored = await this.repo.completion(id);
    // Each organisation's name and region from api-organisations (one batch); none for learners whose organisation is
    // gone. By name in code-point order (as PostgreSQL sorted them), those without a name last.
    const organisations = await this.organisations.summaries(stored.map((group) => group.organisation_id));
    const groups = stored
      .map((group) => {
        const organisation = group.organisation_id === null ? undefined : organisations.get(group.organisation_id);
        return { ...group, organisation_name: organisation?.name ?? null, region_code: organisation?.regionCode ?? null };
      })
      .sort((a, b) => byCodePointNullsLast(a.organisation_name, b.organisation_name) || byCodePointNullsLast(a.organisation_id, b.organisation_id));
    const regions = new Map<string | null, { regionCode: string | null; enrolled: number; completed: number }>();
    for (const group of groups) {
      const region = regions.get(group.region_code) ?? { regionCode: group.region_code, enrolled: 0, completed: 0 };
      region.enrolled += group.enrolled;
      region.completed += group.completed;
      regions.set(group.region_code, region);
    }
    return {
      courseId: id,
      enrolled: groups.reduce((sum, group) => sum + group.enrolled, 0),
      completed: groups.reduce((sum, group) => sum + group.completed, 0),
      byOrganisation: groups.map((group) => ({ organisationId: group.organisation_id, organisationName: group.organisation_name, regionCode: group.region_code, enrolled: group.enrolled, completed: group.completed })),
      byRegion: [...regions.values()].sort((a, b) => (a.regionCode ?? '~').localeCompare(b.regionCode ?? '~')),
    };
  }

  /**
   * A new course and its modules, in one transaction (the demo's too). Module ids sent with a new course (a copied
   * course's JSON) are ignored: every module is new.
   */
  async seed(input: CourseInput, userId: string): Promise<string> {
    const id = await this.db.transaction(async (manager) => {
      const created = await this.repo.create(manager, input, userId);
      await this.repo.replaceModules(manager, created, input.modules.map(({ id: _ignored, ...module }) => module));
      return created;
    });
    await this.index(id);
    return id;
  }

  /** A published course is in the workspace search for every member; a draft is not. */
  private async index(id: string): Promise<void> {
    const row = await this.repo.find(id, null);
    if (!row?.published) return this.indexer.remove('course', id);
    // The organisation's name is api-organisations'; a course whose organisation is gone is not indexed (as the join had it).
    const organisationName = await this.organisations.name(row.organisation_id);
    if (organisationName === null) return this.indexer.remove('course', id);
    await this.indexer.upsert({
      kind: 'course',
      refId: row.id,
      title: row.title,
      body: [row.summary, organisationName].filter(Boolean).join('\n'),
      language: row.language,
      link: `/training/${row.id}`,
      organisationId: row.organisation_id,
      audience: 'network',
      occurredAt: row.updated_at,
    });
  }

  /** Every resource a module points at exists and is readable by the trainer (a learner may still not read it). */
  private async requireResources(auth: AuthContext, input: CourseInput): Promise<void> {
    const ids = input.modules.flatMap((module) => (module.kind === 'resource' ? [module.resourceId] : []));
    const titles = await this.resources.readableTitles(auth, ids);
    const missing = input.modules.flatMap((module, index) => (module.kind === 'resource' && !titles.has(module.resourceId) ? [index] : []));
    if (missing.length) {
      throw new ValidationError('A module points at a resource that does not exist or that you cannot read', missing.map((index) => ({ path: `modules.${index}.resourceId`, message: 'Choose a resource of the library' })));
    }
  }

  private async readable(auth: AuthContext, id: string): Promise<{ row: CourseRow; scope: AccessScope }> {
    const row = await this.repo.find(id, auth.userId);
    if (!row) throw new NotFoundError('The course');
    return { row, scope: await this.policy.require(auth, 'course:read', courseOf(row), 'The course') };
  }

  private async writable(auth: AuthContext, id: string): Promise<CourseRow> {
    const row = await this.repo.find(id, auth.userId);
    if (!row) throw new NotFoundError('The course');
    await this.policy.require(auth, 'course:write', courseOf(row), 'The course');
    return row;
  }

  /** `known`: the course's modules when the caller has just read them (progress), so they are not read twice. */
  private async present(auth: AuthContext, row: CourseRow, scope: AccessScope, known?: ModuleRow[]): Promise<Course> {
    const [modules, [enrolment], progress, organisationNames] = await Promise.all([
      known ?? this.repo.modules(row.id),
      this.repo.enrolments(auth.userId, [row.id]),
      this.repo.progress(row.id, auth.userId),
      this.organisations.names([row.organisation_id]),
    ]);
    // The organisation's name is api-organisations'; a course whose organisation is gone is not found (as the join had it).
    const organisationName = organisationNames.get(row.organisation_id);
    if (organisationName === undefined) throw new NotFoundError('The course');
    const titles = await this.resources.readableTitles(auth, modules.flatMap((module) => (module.resource_id ? [module.resource_id] : [])));
    const mine = new Map(progress.map((entry) => [entry.module_id, entry]));
    const canEdit = scope.can('course:write', courseOf(row));
    return {
      ...summary({ ...row, module_count: modules.length }, organisationName, enrolment ?? null, scope),
      modules: modules.map((module) => presentModule(module, titles, enrolment ? (mine.get(module.id) ?? null) : null, canEdit)),
    };
  }
}

/** What a learner's answer records, checked against the module's kind. */
function recordFor(module: ModuleRow, input: ModuleProgressInput): { progress: { completed: boolean; score: number | null; reflection: string | null }; quiz: QuizResult | null } {
  if (input.done) {
    if (module.kind !== 'resource' && module.kind !== 'webinar') throw new ValidationError(module.kind === 'quiz' ? 'A quiz is done by answering it' : 'A reflection is done by writing it');
    return { progress: { completed: true, score: null, reflection: null }, quiz: null };
  }
  if (input.reflection !== undefined) {
    if (module.kind !== 'reflection') throw new ValidationError('This module asks for no reflection');
    return { progress: { completed: true, score: null, reflection: input.reflection }, quiz: null };
  }
  const answers = input.answers ?? [];
  if (module.kind !== 'quiz') throw new ValidationError('This module is not a quiz');
  if (answers.length !== module.questions.length) throw new ValidationError(`Answer every question of the quiz (${module.questions.length})`);
  if (answers.some((answer, index) => answer >= module.questions[index].options.length)) throw new ValidationError('Each answer must be the number of an option');
  const quiz = scoreQuiz(module.questions, answers, module.pass_mark ?? 100);
  return { progress: { completed: quiz.passed, score: quiz.score, reflection: null }, quiz };
}

function summary(row: CourseRow, organisationName: string, enrolment: EnrolmentRow | null, scope: AccessScope): CourseSummary {
  const resource = courseOf(row);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName,
    title: row.title,
    summary: row.summary,
    language: row.language,
    published: row.published,
    moduleCount: row.module_count,
    updatedAt: row.updated_at.toISOString(),
    enrolment: enrolment
      ? { enrolledAt: enrolment.enrolled_at.toISOString(), completedAt: enrolment.completed_at?.toISOString() ?? null, completedModules: enrolment.completed_modules, certificateCode: enrolment.certificate_code }
      : null,
    canEdit: scope.can('course:write', resource),
    canEnrol: scope.can('course:enrol', resource),
    canTrack: scope.can('course:track', resource),
  };
}

function presentModule(module: ModuleRow, titles: Map<string, string>, progress: ProgressRow | null, canEdit: boolean): Course['modules'][number] {
  return {
    id: module.id,
    position: module.position,
    kind: module.kind,
    title: module.title,
    body: module.body,
    resourceId: module.resource_id,
    resourceTitle: module.resource_id ? (titles.get(module.resource_id) ?? null) : null,
    url: module.url,
    passMark: module.pass_mark,
    // The right answers only for those who write the course: a learner finds them by passing.
    questions: module.questions.map((question) => ({ prompt: question.prompt, options: question.options, correct: canEdit ? question.correct : null })),
    progress: progress ? { completedAt: progress.completed_at?.toISOString() ?? null, score: progress.score, reflection: progress.reflection } : null,
  };
}
