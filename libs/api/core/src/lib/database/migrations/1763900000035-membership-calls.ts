import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network's annual open call: calls with criteria and a deadline (wall-clock time in a zone, and the instant
 * it falls on), applications from institutions (with their supporting documents, kept in PostgreSQL like lesson
 * files), steering-committee reviews scoring each criterion, and the secretariat's decision.
 */
export class MembershipCalls1763900000035 implements MigrationInterface {
  name = 'MembershipCalls1763900000035';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE membership_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        criteria jsonb NOT NULL,
        deadline_local timestamp NOT NULL,
        time_zone text NOT NULL,
        deadline_at timestamptz NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE membership_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES membership_calls(id) ON DELETE CASCADE,
        status varchar(10) NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'declined')),
        institution_name text NOT NULL,
        country_iso3 char(3) NOT NULL REFERENCES countries(iso3),
        website text CHECK (website IS NULL OR website ~* '^https?://'),
        expertise text[] NOT NULL DEFAULT '{}',
        contact_name text NOT NULL,
        contact_email text NOT NULL,
        motivation text NOT NULL,
        -- The applicant's language (their browser's when applying): what the decision e-mail speaks.
        language varchar(2) NOT NULL DEFAULT 'en',
        status_token_hash text NOT NULL UNIQUE,
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
        decision_note text NOT NULL DEFAULT '',
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- One application per institution, and per contact, in a call.
      CREATE UNIQUE INDEX membership_applications_institution ON membership_applications (call_id, lower(institution_name));
      CREATE UNIQUE INDEX membership_applications_contact ON membership_applications (call_id, lower(contact_email));

      CREATE TABLE membership_application_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES membership_applications(id) ON DELETE CASCADE,
        name text NOT NULL,
        content_type text NOT NULL,
        size int NOT NULL,
        data bytea NOT NULL
      );
      CREATE INDEX membership_application_files_application ON membership_application_files (application_id);

      CREATE TABLE membership_reviews (
        application_id uuid NOT NULL REFERENCES membership_applications(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scores jsonb NOT NULL,
        comment text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, reviewer_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE membership_reviews; DROP TABLE membership_application_files; DROP TABLE membership_applications; DROP TABLE membership_calls;');
  }
}
