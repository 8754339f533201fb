import type { PreparedStatements } from '@simashe/api-core';

/** A session with what each request needs of its person, read in one statement (every request reads it). */
export interface SessionWithUserRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  name: string;
  preferred_language: string;
  time_zone: string;
}

export async function sessionWithUser(prepared: PreparedStatements, tokenHash: string): Promise<SessionWithUserRow | undefined> {
  const [row] = await prepared.query<SessionWithUserRow>(
    `SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, u.email, u.name, u.preferred_language, u.time_zone
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return row;
}
