import { containsPattern } from '@simashe/api-core';
import type { DataSource, EntityManager } from 'typeorm';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** Which of these ids are organisations. */
export async function existingOrganisationIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query('SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
  return rows.map((row) => row.id);
}

export function organisationNames(db: Queryable, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  return db.query('SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
}

/** Everyone who belongs to any of these organisations, each once. */
export async function memberIdsOf(db: Queryable, organisationIds: readonly string[]): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await db.query('SELECT DISTINCT user_id FROM memberships WHERE organisation_id = ANY($1::uuid[])', [organisationIds]);
  return rows.map((row) => row.user_id);
}

/** Organisations whose name contains `text` (case-insensitive; `%` and `_` are plain characters), by name. */
export function organisationsNamed(db: Queryable, text: string, limit: number): Promise<Array<{ id: string; name: string }>> {
  return db.query('SELECT id, name FROM organisations WHERE name ILIKE $1 ORDER BY name LIMIT $2', [containsPattern(text), limit]);
}

/** Who belongs to which of these organisations: one pair per membership. */
export function membershipPairsOf(db: Queryable, organisationIds: readonly string[]): Promise<Array<{ organisation_id: string; user_id: string }>> {
  return db.query('SELECT organisation_id, user_id FROM memberships WHERE organisation_id = ANY($1::uuid[])', [organisationIds]);
}

/** Everyone who belongs to an organisation of one of these kinds in one of these WHO regions, each once. */
export async function memberIdsInRegionsOf(db: Queryable, regionCodes: readonly string[], kinds: readonly string[]): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await db.query(
    `SELECT DISTINCT ms.user_id FROM organisations o JOIN memberships ms ON ms.organisation_id = o.id
     WHERE o.region_code = ANY($1::text[]) AND o.kind = ANY($2::text[])`,
    [regionCodes, kinds],
  );
  return rows.map((row) => row.user_id);
}

/** Each of these people's first organisation (the membership created first), with its name; people without one are left out. */
export function firstOrganisationNamesOf(db: Queryable, userIds: readonly string[]): Promise<Array<{ user_id: string; name: string }>> {
  return db.query(
    `SELECT DISTINCT ON (ms.user_id) ms.user_id, o.name FROM memberships ms JOIN organisations o ON o.id = ms.organisation_id
     WHERE ms.user_id = ANY($1::uuid[]) ORDER BY ms.user_id, ms.created_at`,
    [userIds],
  );
}

/** The WHO region of each of these organisations (null when it has none). */
export function organisationRegionCodes(db: Queryable, ids: readonly string[]): Promise<Array<{ id: string; region_code: string | null }>> {
  return db.query('SELECT id, region_code FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
}
