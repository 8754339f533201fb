import { containsPattern } from '@simashe/api-core';
import type { DataSource, EntityManager } from 'typeorm';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** Which of these ids are organisations. */
export async function existingOrganisationIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query('SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
  return rows.map((row) => row.id);
}

export interface OrganisationSummaryRow {
  id: string;
  name: string;
  kind: string;
  region_code: string | null;
  country_iso3: string | null;
}

export function organisationSummaries(db: Queryable, ids: readonly string[]): Promise<OrganisationSummaryRow[]> {
  return db.query('SELECT id, name, kind, region_code, country_iso3 FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
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

/** For each word, the organisations whose name contains it, regardless of case and accents. */
export async function organisationsNamedLike(db: Queryable, words: readonly string[]): Promise<Array<{ word: string; ids: string[] }>> {
  return db.query(
    `SELECT w.word, array_agg(o.id) AS ids FROM unnest($1::text[], $2::text[]) AS w(word, pattern)
     JOIN organisations o ON unaccent(o.name) ILIKE unaccent(w.pattern) GROUP BY w.word`,
    [words, words.map(containsPattern)],
  );
}
