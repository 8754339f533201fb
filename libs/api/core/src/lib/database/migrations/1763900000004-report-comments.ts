import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportComments1763900000004 implements MigrationInterface {
  name = 'ReportComments1763900000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Comments anchored to a text range by Yjs relative positions, which follow the text through
      -- concurrent edits. A thread is a root comment (thread_id = its own id) and its replies.
      CREATE TABLE report_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        thread_id uuid REFERENCES report_comments(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        anchor_start bytea,
        anchor_end bytea,
        quote text,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX report_comments_report_idx ON report_comments(report_id, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE report_comments');
  }
}
