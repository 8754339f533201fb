import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text the server used to write in English becomes a key the web translates: a notification keeps a message key and
 * its values beside the English title and body (which stay for older rows and for email), and the built-in report
 * templates get a stable key ("progress", "blank"), so the web names them in the reader's language and the API can
 * write a new report's headings in its creator's.
 */
export class MessageKeys1763900000030 implements MigrationInterface {
  name = 'MessageKeys1763900000030';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notifications ADD COLUMN message jsonb;
      ALTER TABLE report_templates ADD COLUMN key varchar(32);
      CREATE UNIQUE INDEX report_templates_key_idx ON report_templates(key) WHERE key IS NOT NULL;
      UPDATE report_templates SET key = 'progress' WHERE built_in AND name = 'SIMASHE progress report';
      UPDATE report_templates SET key = 'blank' WHERE built_in AND name = 'Blank report';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE report_templates DROP COLUMN key; ALTER TABLE notifications DROP COLUMN message;');
  }
}
