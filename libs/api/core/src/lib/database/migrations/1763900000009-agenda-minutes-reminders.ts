import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgendaMinutesReminders1763900000009 implements MigrationInterface {
  name = 'AgendaMinutesReminders1763900000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE meeting_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position int NOT NULL,
        title text NOT NULL,
        presenter text NOT NULL DEFAULT '',
        minutes int NOT NULL CHECK (minutes BETWEEN 1 AND 600),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX meeting_agenda_items_meeting_idx ON meeting_agenda_items(meeting_id, position);

      -- One co-edited minutes document per occurrence; its Yjs state lives in collab_snapshots/collab_updates.
      CREATE TABLE meeting_minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        occurrence_local_start timestamp NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (meeting_id, occurrence_local_start)
      );

      -- Working hours for "find a time": each organisation's own zone and day.
      ALTER TABLE organisations
        ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
        ADD COLUMN work_day_start time NOT NULL DEFAULT '09:00',
        ADD COLUMN work_day_end time NOT NULL DEFAULT '17:00',
        ADD CONSTRAINT organisations_work_day_order CHECK (work_day_end > work_day_start);
      -- Existing organisations start from the zone most of their members live in.
      UPDATE organisations o SET time_zone = z.time_zone FROM (
        SELECT DISTINCT ON (m.organisation_id) m.organisation_id, u.time_zone
        FROM memberships m JOIN users u ON u.id = m.user_id
        GROUP BY m.organisation_id, u.time_zone ORDER BY m.organisation_id, count(*) DESC, u.time_zone
      ) z WHERE z.organisation_id = o.id;

      ALTER TABLE users
        ADD COLUMN reminder_minutes int[] NOT NULL DEFAULT '{1440,15}',
        ADD COLUMN email_reminders boolean NOT NULL DEFAULT true;

      -- The in-app inbox. dedupe_key makes a reminder (or any event) land once per person, even if two jobs race.
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text,
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (user_id, dedupe_key)
      );
      CREATE INDEX notifications_inbox_idx ON notifications(user_id, created_at DESC);
      CREATE INDEX notifications_unread_idx ON notifications(user_id) WHERE read_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE notifications;
      ALTER TABLE users DROP COLUMN reminder_minutes, DROP COLUMN email_reminders;
      ALTER TABLE organisations DROP CONSTRAINT organisations_work_day_order, DROP COLUMN time_zone, DROP COLUMN work_day_start, DROP COLUMN work_day_end;
      DROP TABLE meeting_minutes;
      DROP TABLE meeting_agenda_items;
    `);
  }
}
