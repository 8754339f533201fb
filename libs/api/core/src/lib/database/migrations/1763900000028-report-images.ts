import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportImages1763900000028 implements MigrationInterface {
  name = 'ReportImages1763900000028';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Images in a report's text, kept in PostgreSQL like lesson files (same backups, same access rules: the report's).
      -- content_type is what the bytes are (sniffed on upload), never what the browser claimed.
      CREATE TABLE report_images (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        name text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
        size int NOT NULL CHECK (size > 0),
        width int NOT NULL CHECK (width > 0),
        height int NOT NULL CHECK (height > 0),
        data bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX report_images_report_idx ON report_images(report_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE report_images');
  }
}
