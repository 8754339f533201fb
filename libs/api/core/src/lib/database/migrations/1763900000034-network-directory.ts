import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network directory: member institutions of the Health Inequality Monitoring Network become an organisation
 * kind of their own; every organisation can say what it offers (areas of expertise, a website) and name
 * representatives among its members; and the network's steering committee is a role people hold.
 */
export class NetworkDirectory1763900000034 implements MigrationInterface {
  name = 'NetworkDirectory1763900000034';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisations DROP CONSTRAINT organisations_kind_check;
      ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check
        CHECK (kind IN ('country_pathfinder', 'who_regional_office', 'core_partner', 'secretariat', 'member_institution'));
      ALTER TABLE organisations
        ADD COLUMN expertise text[] NOT NULL DEFAULT '{}',
        ADD COLUMN website text CHECK (website IS NULL OR website ~* '^https?://');
      ALTER TABLE memberships ADD COLUMN representative boolean NOT NULL DEFAULT false;

      CREATE TABLE steering_committee (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE steering_committee;
      ALTER TABLE memberships DROP COLUMN representative;
      ALTER TABLE organisations DROP COLUMN expertise, DROP COLUMN website;
      DELETE FROM organisations WHERE kind = 'member_institution';
      ALTER TABLE organisations DROP CONSTRAINT organisations_kind_check;
      ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check
        CHECK (kind IN ('country_pathfinder', 'who_regional_office', 'core_partner', 'secretariat'));
    `);
  }
}
