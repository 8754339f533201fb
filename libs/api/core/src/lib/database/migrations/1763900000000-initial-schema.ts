import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE who_regions (
        code varchar(5) PRIMARY KEY,
        name text NOT NULL,
        office_name text NOT NULL
      );
      CREATE TABLE countries (
        iso3 char(3) PRIMARY KEY,
        iso2 char(2) NOT NULL UNIQUE,
        name text NOT NULL,
        region_code varchar(5) NOT NULL REFERENCES who_regions(code)
      );
      CREATE INDEX countries_region_idx ON countries(region_code);

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        preferred_language varchar(5) NOT NULL DEFAULT 'en',
        time_zone text NOT NULL DEFAULT 'UTC',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user_idx ON sessions(user_id);

      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind varchar(32) NOT NULL
          CHECK (kind IN ('country_pathfinder', 'who_regional_office', 'core_partner', 'secretariat')),
        region_code varchar(5) REFERENCES who_regions(code),
        country_iso3 char(3) REFERENCES countries(iso3),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisations_region_required
          CHECK (kind NOT IN ('country_pathfinder', 'who_regional_office') OR region_code IS NOT NULL),
        CONSTRAINT organisations_country_required
          CHECK (kind <> 'country_pathfinder' OR country_iso3 IS NOT NULL)
      );
      CREATE UNIQUE INDEX organisations_name_unique ON organisations (lower(name));
      CREATE INDEX organisations_region_idx ON organisations(region_code);

      CREATE TABLE memberships (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role varchar(10) NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, user_id)
      );
      CREATE INDEX memberships_user_idx ON memberships(user_id);

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        email text NOT NULL,
        role varchar(10) NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
        token_hash char(64) NOT NULL UNIQUE,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz
      );
      CREATE INDEX invitations_organisation_idx ON invitations(organisation_id);

      -- Explicit read grants: how a core partner (or any organisation) gets to see something it is not a member of.
      CREATE TABLE access_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grantee_organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        resource_type varchar(32) NOT NULL,
        resource_id uuid NOT NULL,
        granted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (grantee_organisation_id, resource_type, resource_id)
      );
      CREATE INDEX access_grants_resource_idx ON access_grants(resource_type, resource_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE access_grants; DROP TABLE invitations; DROP TABLE memberships; DROP TABLE organisations;
      DROP TABLE sessions; DROP TABLE users; DROP TABLE countries; DROP TABLE who_regions;
    `);
  }
}
