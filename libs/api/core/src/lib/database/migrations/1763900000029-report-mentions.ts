import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportMentions1763900000029 implements MigrationInterface {
  name = 'ReportMentions1763900000029';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Who has been told they were mentioned in a report's text: each person once per report, however often the
      -- mention is typed, deleted, undone or restored. Only people who could read the report when told are here.
      CREATE TABLE report_mentions (
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        mentioned_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, user_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE report_mentions');
  }
}
