import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingRsvpReminders1763900000020 implements MigrationInterface {
  name = 'MeetingRsvpReminders1763900000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- An organiser's "remind who has not answered", one per session and day (the unique key makes a second
      -- press that day a no-op). Who sent it and to whom stays, so the inbox messages can be accounted for.
      CREATE TABLE meeting_rsvp_reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        occurrence_local_start timestamp NOT NULL,
        sent_on date NOT NULL,
        sent_by uuid REFERENCES users(id) ON DELETE SET NULL,
        sent_by_name text NOT NULL,
        recipients uuid[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (meeting_id, occurrence_local_start, sent_on)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE meeting_rsvp_reminders');
  }
}
