import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1763900000005 implements MigrationInterface {
  name = 'Meetings1763900000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Times are kept as the organiser's wall clock plus IANA zone: a weekly 14:00 stays 14:00 across DST.
      -- Occurrences are identified by their original local start, which never changes.
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        kind varchar(32) NOT NULL CHECK (kind IN ('action_learning_session', 'webinar', 'intercountry_workshop', 'steering_meeting')),
        local_start timestamp NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
        time_zone text NOT NULL,
        rrule text,
        conferencing_url text,
        capacity int CHECK (capacity >= 0),
        network_wide boolean NOT NULL DEFAULT false,
        cancelled_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX meetings_organiser_idx ON meetings(organiser_organisation_id);

      CREATE TABLE meeting_invitees (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        region_code varchar(5) REFERENCES who_regions(code),
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        CONSTRAINT meeting_invitees_one_target CHECK (num_nonnulls(organisation_id, region_code, user_id) = 1)
      );
      CREATE INDEX meeting_invitees_meeting_idx ON meeting_invitees(meeting_id);

      CREATE TABLE meeting_occurrence_changes (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        occurrence_local_start timestamp NOT NULL,
        cancelled boolean NOT NULL DEFAULT false,
        new_local_start timestamp,
        new_duration_minutes int CHECK (new_duration_minutes BETWEEN 1 AND 1440),
        PRIMARY KEY (meeting_id, occurrence_local_start)
      );

      CREATE TABLE meeting_rsvps (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        occurrence_local_start timestamp NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        response varchar(5) NOT NULL CHECK (response IN ('yes', 'no', 'maybe')),
        responded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, occurrence_local_start, user_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE meeting_rsvps; DROP TABLE meeting_occurrence_changes; DROP TABLE meeting_invitees; DROP TABLE meetings;');
  }
}
