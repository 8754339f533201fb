import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A restore's version is named by what it restored ("Before review"), no longer with English around it
 * ("Restored: Before review"): the history and exports say "Restored from …" in the reader's language.
 */
export class RestoreVersionNames1763900000040 implements MigrationInterface {
  name = 'RestoreVersionNames1763900000040';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE collab_versions SET name = substring(name FROM 11) WHERE kind = 'restore' AND name LIKE 'Restored: %' AND length(name) > 10`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE collab_versions SET name = 'Restored: ' || name WHERE kind = 'restore' AND name IS NOT NULL`);
  }
}
