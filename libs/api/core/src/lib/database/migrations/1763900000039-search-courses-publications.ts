import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Published courses and published joint publications are searchable with the rest of the workspace. */
export class SearchCoursesPublications1763900000039 implements MigrationInterface {
  name = 'SearchCoursesPublications1763900000039';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE search_entries DROP CONSTRAINT search_entries_kind_check;
      ALTER TABLE search_entries ADD CONSTRAINT search_entries_kind_check CHECK (kind IN ('lesson', 'report', 'meeting', 'discussion', 'resource', 'course', 'publication'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM search_entries WHERE kind IN ('course', 'publication');
      DELETE FROM search_documents WHERE kind IN ('course', 'publication');
      ALTER TABLE search_entries DROP CONSTRAINT search_entries_kind_check;
      ALTER TABLE search_entries ADD CONSTRAINT search_entries_kind_check CHECK (kind IN ('lesson', 'report', 'meeting', 'discussion', 'resource'));
    `);
  }
}
