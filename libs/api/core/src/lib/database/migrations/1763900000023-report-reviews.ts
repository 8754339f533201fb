import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportReviews1763900000023 implements MigrationInterface {
  name = 'ReportReviews1763900000023';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Who was asked to review a report in review; completed_at is set when the report leaves review.
      CREATE TABLE report_reviews (
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (report_id, reviewer_id)
      );
      CREATE INDEX report_reviews_pending_idx ON report_reviews(reviewer_id) WHERE completed_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE report_reviews');
  }
}
