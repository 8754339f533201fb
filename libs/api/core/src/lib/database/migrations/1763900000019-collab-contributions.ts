import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CollabContributions1763900000019 implements MigrationInterface {
  name = 'CollabContributions1763900000019';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Each author's count of changes to a document since its last version ("who changed what" of the next
      -- version). Written with the updates themselves, so it survives a restart; a version takes and clears it.
      CREATE TABLE collab_contributions (
        document_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        changes integer NOT NULL CHECK (changes > 0),
        PRIMARY KEY (document_id, user_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE collab_contributions');
  }
}
