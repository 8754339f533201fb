import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a report's text last got a version, kept with the report: its list sorts by "last edited" (the later of this
 * and its own last change) without reading api-collaboration's `collab_versions`. Kept up to date by api-reports
 * from the `document.version_saved` event; filled here from the versions already saved.
 */
export class ReportLastVersion1763900000041 implements MigrationInterface {
  name = 'ReportLastVersion1763900000041';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE reports ADD COLUMN last_version_at timestamptz');
    await db.query(`UPDATE reports r SET last_version_at = v.at FROM (SELECT document_id, max(created_at) AS at FROM collab_versions GROUP BY document_id) v
                    WHERE v.document_id = r.id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE reports DROP COLUMN last_version_at');
  }
}
