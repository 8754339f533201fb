import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LessonFiles1763900000011 implements MigrationInterface {
  name = 'LessonFiles1763900000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Evidence files attached to a lesson; kept in PostgreSQL (small documents, same backups and access rules).
      CREATE TABLE lesson_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lesson_id uuid NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
        name text NOT NULL,
        content_type text NOT NULL,
        size int NOT NULL CHECK (size > 0),
        data bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX lesson_files_lesson_idx ON lesson_files(lesson_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE lesson_files');
  }
}
