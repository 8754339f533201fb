import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A resource file's bytes live either in PostgreSQL (`data`, the default) or in S3-compatible storage under
 * `storage_key` (when `S3_BUCKET` is set): exactly one of the two.
 */
export class ResourceFileStorage1763900000038 implements MigrationInterface {
  name = 'ResourceFileStorage1763900000038';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE resource_files ADD COLUMN storage_key text, ALTER COLUMN data DROP NOT NULL;
      ALTER TABLE resource_files ADD CONSTRAINT resource_files_one_place CHECK ((data IS NULL) <> (storage_key IS NULL));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM resource_files WHERE data IS NULL; ALTER TABLE resource_files DROP CONSTRAINT resource_files_one_place, DROP COLUMN storage_key, ALTER COLUMN data SET NOT NULL;`);
  }
}
