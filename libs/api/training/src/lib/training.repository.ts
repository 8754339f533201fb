import { Injectable } from '@nestjs/common';
import type { CourseInput, CourseModuleKind, Language, QuizQuestionInput } from '@simashe/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** The SQL of training (`courses`, `course_modules`, `course_enrolments`, `course_module_progress`). */
/** A course as this domain's tables hold it: its organisation by id only (its name is api-organisations'). */
export interface CourseRow {
  id: string;
  organisation_id: string;
  title: string;
  summary: string;
  language: Language;
  published: boolean;
  updated_at: Date;
  module_count: number;
  /** The caller is enrolled. */
  enrolled: boolean;
}
export interface EnrolmentRow {
  course_id: string;
  enrolled_at: Date;
  completed_at: Date | null;
  certificate_code: string | null;
  completed_modules: number;
}
export interface ModuleRow {
  id: string;
  course_id: string;
  position: number;
  kind: CourseModuleKind;
  title: string;
  body: string;
  resource_id: string | null;
  url: string | null;
  pass_mark: number | null;
  questions: QuizQuestionInput[];
}
export interface ProgressRow {
  module_id: string;
  completed_at: Date | null;
  score: number | null;
  reflection: string | null;
}
/** Enrolments of a course by the organisation learners enrolled for (null once it is gone); its name and region are api-organisations'. */
export interface CompletionRow {
  organisation_id: string | null;
  enrolled: number;
  completed: number;
}
export interface CertificateRow {
  certificate_code: string;
  /** The learner; their name comes from UsersService. */
  user_id: string;
  course_title: string;
  /** The course's organisation; its name comes from OrganisationsService. */
  organisation_id: string;
  completed_at: Date;
}

type Db = EntityManager | DataSource;

const COURSE_SQL = `SELECT c.id, c.organisation_id, c.title, c.summary, c.language, c.published, c.updated_at,
    (SELECT count(*)::int FROM course_modules m WHERE m.course_id = c.id) AS module_count,
    EXISTS (SELECT 1 FROM course_enrolments e WHERE e.course_id = c.id AND e.user_id = $1) AS enrolled
  FROM courses c`;
const ENROLMENT_SQL = `SELECT e.course_id, e.enrolled_at, e.completed_at, e.certificate_code,
    (SELECT count(*)::int FROM course_module_progress p JOIN course_modules m ON m.id = p.module_id
      WHERE m.course_id = e.course_id AND p.user_id = e.user_id AND p.completed_at IS NOT NULL) AS completed_modules
  FROM course_enrolments e`;

@Injectable()
export class TrainingRepository {
  constructor(private readonly db: DataSource) {}

  /** Published courses, the drafts of `draftOrganisationIds` (where the caller writes), and those `userId` took. */
  list(userId: string, draftOrganisationIds: string[]): Promise<CourseRow[]> {
    return this.db.query(
      `SELECT * FROM (${COURSE_SQL}) c WHERE c.published OR c.enrolled OR c.organisation_id = ANY($2::uuid[]) ORDER BY c.updated_at DESC LIMIT 500`,
      [userId, draftOrganisationIds],
    );
  }

  /** The course, with whether `userId` is enrolled in it. */
  async find(id: string, userId: string | null, db: Db = this.db, lock = false): Promise<CourseRow | undefined> {
    const [row] = await db.query(`${COURSE_SQL} WHERE c.id = $2${lock ? ' FOR UPDATE OF c' : ''}`, [userId, id]);
    return row;
  }

  modules(courseId: string, db: Db = this.db): Promise<ModuleRow[]> {
    return db.query(
      `SELECT id, course_id, position, kind, title, body, resource_id, url, pass_mark, questions FROM course_modules WHERE course_id = $1 ORDER BY position`,
      [courseId],
    );
  }

  /** The caller's enrolments among `courseIds` (all of them when null), each with how many modules they finished. */
  enrolments(userId: string, courseIds: string[] | null, db: Db = this.db): Promise<EnrolmentRow[]> {
    return courseIds === null
      ? db.query(`${ENROLMENT_SQL} WHERE e.user_id = $1`, [userId])
      : db.query(`${ENROLMENT_SQL} WHERE e.user_id = $1 AND e.course_id = ANY($2::uuid[])`, [userId, courseIds]);
  }

  progress(courseId: string, userId: string, db: Db = this.db): Promise<ProgressRow[]> {
    return db.query(
      `SELECT p.module_id, p.completed_at, p.score, p.reflection FROM course_module_progress p JOIN course_modules m ON m.id = p.module_id
       WHERE m.course_id = $1 AND p.user_id = $2`,
      [courseId, userId],
    );
  }

  async create(manager: EntityManager, input: CourseInput, userId: string): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO courses (organisation_id, title, summary, language, published, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.organisationId, input.title, input.summary, input.language, input.published, userId],
    );
    return row.id;
  }

  async update(manager: EntityManager, id: string, input: CourseInput): Promise<void> {
    await manager.query(`UPDATE courses SET title = $2, summary = $3, language = $4, published = $5, updated_at = now() WHERE id = $1`, [
      id,
      input.title,
      input.summary,
      input.language,
      input.published,
    ]);
  }

  /**
   * The course's modules become `modules`, in that order: those with an id of this course are updated in place (their
   * learners' progress stays), the others are added, and the modules left out are removed. Changes nothing and says
   * why when an id is not one of this course's modules, or a kept module would change its kind (what its learners
   * did, a reflection written or a quiz answered, would then stand for something they never did).
   */
  async replaceModules(
    manager: EntityManager,
    courseId: string,
    modules: CourseInput['modules'],
  ): Promise<{ outcome: 'replaced' } | { outcome: 'unknown_module' } | { outcome: 'kind_changed'; index: number }> {
    const rows: Array<{ id: string; kind: string }> = await manager.query(`SELECT id, kind FROM course_modules WHERE course_id = $1`, [courseId]);
    const existing = new Map(rows.map((row) => [row.id, row.kind]));
    if (modules.some((module) => module.id && !existing.has(module.id))) return { outcome: 'unknown_module' };
    const turned = modules.findIndex((module) => module.id && existing.get(module.id) !== module.kind);
    if (turned >= 0) return { outcome: 'kind_changed', index: turned };
    const kept = modules.map((module) => module.id).filter((id): id is string => !!id);
    await manager.query(`DELETE FROM course_modules WHERE course_id = $1 AND NOT (id = ANY($2::uuid[]))`, [courseId, kept]);
    // One statement: every module's fields, in order, as parallel arrays.
    const column = <T>(pick: (module: CourseInput['modules'][number]) => T) => modules.map(pick);
    await manager.query(
      `WITH given AS (
         SELECT * FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::int[], $10::jsonb[])
           AS g(id, position, kind, title, body, resource_id, url, pass_mark, questions)
       ),
       updated AS (
         UPDATE course_modules m SET position = g.position, kind = g.kind, title = g.title, body = g.body, resource_id = g.resource_id,
           url = g.url, pass_mark = g.pass_mark, questions = g.questions
         FROM given g WHERE g.id IS NOT NULL AND m.id = g.id AND m.course_id = $1
       )
       INSERT INTO course_modules (course_id, position, kind, title, body, resource_id, url, pass_mark, questions)
       SELECT $1, position, kind, title, body, resource_id, url, pass_mark, questions FROM given WHERE id IS NULL`,
      [
        courseId,
        column((module) => module.id ?? null),
        modules.map((_, index) => index),
        column((module) => module.kind),
        column((module) => module.title),
        column((module) => module.body),
        column((module) => (module.kind === 'resource' ? module.resourceId : null)),
        column((module) => (module.kind === 'webinar' ? module.url : null)),
        column((module) => (module.kind === 'quiz' ? module.passMark : null)),
        column((module) => JSON.stringify(module.kind === 'quiz' ? module.questions : [])),
      ],
    );
    return { outcome: 'replaced' };
  }

  async remove(id: string): Promise<void> {
    await this.db.query('DELETE FROM courses WHERE id = $1', [id]);
  }

  async completedCount(courseId: string, db: Db = this.db): Promise<number> {
    const [row] = await db.query(`SELECT count(*)::int AS n FROM course_enrolments WHERE course_id = $1 AND completed_at IS NOT NULL`, [courseId]);
    return row.n;
  }

  /** Enrols the learner (once); `organisationId` is the organisation they learn for, kept for completion figures. */
  async enrol(courseId: string, userId: string, organisationId: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO course_enrolments (course_id, user_id, organisation_id) VALUES ($1, $2, $3) ON CONFLICT (course_id, user_id) DO NOTHING`,
      [courseId, userId, organisationId],
    );
  }

  /** Whether the learner is enrolled, locking the enrolment for the rest of the transaction. */
  async lockEnrolment(manager: EntityManager, courseId: string, userId: string): Promise<{ completed_at: Date | null } | undefined> {
    const [row] = await manager.query(`SELECT completed_at FROM course_enrolments WHERE course_id = $1 AND user_id = $2 FOR UPDATE`, [courseId, userId]);
    return row;
  }

  /** Records one module's progress: completion is never taken back, a quiz keeps its best score. */
  async saveProgress(manager: EntityManager, moduleId: string, userId: string, progress: { completed: boolean; score: number | null; reflection: string | null }): Promise<void> {
    await manager.query(
      `INSERT INTO course_module_progress (module_id, user_id, completed_at, score, reflection) VALUES ($1, $2, CASE WHEN $3 THEN now() END, $4, $5)
       ON CONFLICT (module_id, user_id) DO UPDATE SET
         completed_at = COALESCE(course_module_progress.completed_at, EXCLUDED.completed_at),
         score = GREATEST(course_module_progress.score, EXCLUDED.score),
         reflection = COALESCE(EXCLUDED.reflection, course_module_progress.reflection),
         updated_at = now()`,
      [moduleId, userId, progress.completed, progress.score, progress.reflection],
    );
  }

  /** Learners of the course who have done every module but are not marked completed (after its modules changed). */
  async doneButOpen(manager: EntityManager, courseId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT e.user_id FROM course_enrolments e
       WHERE e.course_id = $1 AND e.completed_at IS NULL
         AND EXISTS (SELECT 1 FROM course_modules m WHERE m.course_id = $1)
         AND NOT EXISTS (
           SELECT 1 FROM course_modules m LEFT JOIN course_module_progress p ON p.module_id = m.id AND p.user_id = e.user_id
           WHERE m.course_id = $1 AND p.completed_at IS NULL)`,
      [courseId],
    );
    return rows.map((row) => row.user_id);
  }

  /** Marks the enrolment completed with its certificate code when every module of the course is done; true if it did. */
  async completeIfDone(manager: EntityManager, courseId: string, userId: string, code: string): Promise<boolean> {
    const [rows] = await manager.query(
      `UPDATE course_enrolments e SET completed_at = now(), certificate_code = $3
       WHERE e.course_id = $1 AND e.user_id = $2 AND e.completed_at IS NULL
         AND EXISTS (SELECT 1 FROM course_modules m WHERE m.course_id = $1)
         AND NOT EXISTS (
           SELECT 1 FROM course_modules m LEFT JOIN course_module_progress p ON p.module_id = m.id AND p.user_id = $2
           WHERE m.course_id = $1 AND p.completed_at IS NULL)
       RETURNING e.course_id`,
      [courseId, userId, code],
    );
    return rows.length > 0;
  }

  /** Enrolled and completed learners by the organisation they enrolled for, in no particular order (the service sorts by name). */
  completion(courseId: string): Promise<CompletionRow[]> {
    return this.db.query(
      `SELECT e.organisation_id, count(*)::int AS enrolled, count(e.completed_at)::int AS completed
       FROM course_enrolments e WHERE e.course_id = $1 GROUP BY e.organisation_id`,
      [courseId],
    );
  }

  async certificate(code: string): Promise<CertificateRow | undefined> {
    const [row] = await this.db.query(
      `SELECT e.certificate_code, e.user_id, c.title AS course_title, c.organisation_id, e.completed_at
       FROM course_enrolments e JOIN courses c ON c.id = e.course_id
       WHERE e.certificate_code = $1`,
      [code],
    );
    return row;
  }
}
