import { containsPattern, readRows, type SqlReader } from '@simashe/api-core';
import type { Language } from '@simashe/contracts';

/**
 * A person as other domains show and notify them: read here, in batches, never by joining `users` in their own SQL
 * (the statement names its columns as this shape, so rows need no mapping).
 */
export interface Person {
  id: string;
  name: string;
  email: string;
  preferredLanguage: Language;
  timeZone: string;
  reminderMinutes: number[];
  emailReminders: boolean;
}

/** Which of these ids are accounts. */
export async function existingUserIds(db: SqlReader, ids: readonly string[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await readRows(db, 'SELECT id FROM users WHERE id = ANY($1::uuid[])', [ids]);
  return rows.map((row) => row.id);
}

/** The people with these ids (missing ids are left out), in one statement. */
export function peopleByIds(db: SqlReader, ids: readonly string[]): Promise<Person[]> {
  return readRows(db,
    `SELECT id, name, email, preferred_language AS "preferredLanguage", time_zone AS "timeZone",
            reminder_minutes AS "reminderMinutes", email_reminders AS "emailReminders"
     FROM users WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}

/** The accounts with exactly these emails (as stored, lower case), by email. */
export function idsByEmail(db: SqlReader, emails: readonly string[]): Promise<Array<{ email: string; id: string }>> {
  return readRows(db, 'SELECT email, id FROM users WHERE email = ANY($1::text[])', [emails]);
}

/** People whose name contains `text` (case-insensitive, `%` and `_` taken literally), by name. */
export function peopleNamed(db: SqlReader, text: string, limit: number): Promise<Array<{ id: string; name: string }>> {
  return readRows(db, 'SELECT id, name FROM users WHERE name ILIKE $1 ORDER BY name LIMIT $2', [containsPattern(text), limit]);
}

/** The person's stored notification choices (kinds switched off are `false`; absent kinds are on). */
export async function notificationPreferencesOf(db: SqlReader, id: string): Promise<Record<string, boolean>> {
  const [row]: Array<{ preferences: Record<string, boolean> | null }> = await readRows(db, 'SELECT notification_preferences AS preferences FROM users WHERE id = $1', [id]);
  return row?.preferences ?? {};
}

/** Merges `changes` into the stored choices (kinds not named keep theirs). */
export async function mergeNotificationPreferences(db: SqlReader, id: string, changes: Record<string, boolean>): Promise<void> {
  await db.query('UPDATE users SET notification_preferences = notification_preferences || $2::jsonb WHERE id = $1', [id, JSON.stringify(changes)]);
}
