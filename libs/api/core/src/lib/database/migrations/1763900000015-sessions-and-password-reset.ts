import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsAndPasswordReset1763900000015 implements MigrationInterface {
  name = 'SessionsAndPasswordReset1763900000015';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- The address a session was last used from, shown in the person's list of sessions (user agent, created_at
      -- and last_seen_at exist since the initial schema).
      ALTER TABLE sessions ADD COLUMN ip text;

      -- One-time "forgot password" links. Only the sha256 of the token is kept, as for sessions and invitations:
      -- a database leak does not hand out working links.
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens(user_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE password_reset_tokens');
    await db.query('ALTER TABLE sessions DROP COLUMN ip');
  }
}
