import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarFeeds1763900000006 implements MigrationInterface {
  name = 'CalendarFeeds1763900000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- One secret feed link per person (calendar apps cannot sign in); only its hash is kept, resetting revokes it.
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE calendar_feeds');
  }
}
