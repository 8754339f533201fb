import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authors edit and delete their own report comments. A deleted comment keeps its row (replies hang off a thread's
 * first comment, and a reply racing the delete must still find its thread) but loses its text: what the author
 * took back is not kept.
 */
export class ReportCommentEdits1763900000018 implements MigrationInterface {
  name = 'ReportCommentEdits1763900000018';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE report_comments ADD COLUMN edited_at timestamptz, ADD COLUMN deleted_at timestamptz;
      ALTER TABLE report_comments DROP CONSTRAINT report_comments_body_check;
      ALTER TABLE report_comments ADD CONSTRAINT report_comments_body_check
        CHECK (CASE WHEN deleted_at IS NULL THEN length(body) BETWEEN 1 AND 5000 ELSE body = '' END);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM report_comments WHERE deleted_at IS NOT NULL AND thread_id <> id;
      UPDATE report_comments SET body = '(deleted)' WHERE deleted_at IS NOT NULL;
      ALTER TABLE report_comments DROP CONSTRAINT report_comments_body_check;
      ALTER TABLE report_comments ADD CONSTRAINT report_comments_body_check CHECK (length(body) BETWEEN 1 AND 5000);
      ALTER TABLE report_comments DROP COLUMN edited_at, DROP COLUMN deleted_at;
    `);
  }
}
