import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebinarRegistrations1763900000007 implements MigrationInterface {
  name = 'WebinarRegistrations1763900000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Registration for webinars with a capacity: beyond it, people wait in line in arrival order.
      CREATE TABLE webinar_registrations (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status varchar(10) NOT NULL CHECK (status IN ('registered', 'waitlisted')),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (meeting_id, user_id)
      );
      CREATE INDEX webinar_registrations_queue_idx ON webinar_registrations(meeting_id, status, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE webinar_registrations');
  }
}
