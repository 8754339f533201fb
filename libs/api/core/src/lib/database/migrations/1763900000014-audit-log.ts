import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1763900000014 implements MigrationInterface {
  name = 'AuditLog1763900000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Who did what, when and from where (api-audit). History outlives what it mentions: no foreign keys, and
      -- names and emails are copied as they were at the time.
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        actor_user_id uuid,
        actor_email text,
        actor_name text,
        ip inet,
        user_agent text,
        organisation_id uuid,
        organisation_name text,
        target_type text,
        target_id uuid,
        target_name text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      -- An organisation's log, and the whole network's, newest first.
      CREATE INDEX audit_log_organisation_idx ON audit_log (organisation_id, occurred_at DESC);
      CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC);
      -- Sign-ins carry no organisation: an organisation's admins find them through the people who did them.
      CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, occurred_at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_log');
  }
}
