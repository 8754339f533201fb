import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training: courses of an organisation, their ordered modules (a library resource, a recorded webinar, a reflection
 * or a quiz), enrolments (with the learner's organisation at the time, for completion by organisation and region, and
 * the certificate's verification code once every module is done) and each learner's progress per module.
 */
export class Training1763900000036 implements MigrationInterface {
  name = 'Training1763900000036';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        language varchar(2) NOT NULL,
        published boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX courses_organisation ON courses (organisation_id);

      CREATE TABLE course_modules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        position int NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('resource', 'webinar', 'reflection', 'quiz')),
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        resource_id uuid REFERENCES resources(id) ON DELETE SET NULL,
        url text CHECK (url IS NULL OR url ~* '^https?://'),
        pass_mark int CHECK (pass_mark IS NULL OR pass_mark BETWEEN 1 AND 100),
        -- [{ prompt, options: [..], correct: index }]
        questions jsonb NOT NULL DEFAULT '[]'
      );
      CREATE INDEX course_modules_course ON course_modules (course_id, position);

      CREATE TABLE course_enrolments (
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        certificate_code varchar(14) UNIQUE,
        PRIMARY KEY (course_id, user_id),
        CHECK ((completed_at IS NULL) = (certificate_code IS NULL))
      );
      CREATE INDEX course_enrolments_user ON course_enrolments (user_id);

      CREATE TABLE course_module_progress (
        module_id uuid NOT NULL REFERENCES course_modules(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        completed_at timestamptz,
        score int,
        reflection text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (module_id, user_id)
      );
      CREATE INDEX course_module_progress_user ON course_module_progress (user_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE course_module_progress; DROP TABLE course_enrolments; DROP TABLE course_modules; DROP TABLE courses;');
  }
}
