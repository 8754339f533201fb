import { containsPattern, readRows, type SqlReader } from '@simashe/api-core';

/** Which of these ids are organisations. */
export async function existingOrganisationIds(db: SqlReader, ids: readonly string[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await readRows(db, 'SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
  return rows.map((row) => row.id);
}

/** What other domains may know of an organisation: its name, kind and place. */
export interface OrganisationSummaryRow {
  id: string;
  name: string;
  kind: string;
  region_code: string | null;
  country_iso3: string | null;
}

const SUMMARY_COLUMNS = 'id, name, kind, region_code, country_iso3';

export function organisationSummaries(db: SqlReader, ids: readonly string[]): Promise<OrganisationSummaryRow[]> {
  return readRows(db, `SELECT ${SUMMARY_COLUMNS} FROM organisations WHERE id = ANY($1::uuid[])`, [ids]);
}

/** The organisations of a kind in a region, by name (a null region matches none, as in SQL). */
export function organisationsOfKindInRegion(db: SqlReader, kind: string, regionCode: string | null): Promise<OrganisationSummaryRow[]> {
  return readRows(db, `SELECT ${SUMMARY_COLUMNS} FROM organisations WHERE kind = $1 AND region_code = $2 ORDER BY name`, [kind, regionCode]);
}

/** Who belongs to which of these organisations: one row per membership. */
export function membershipsOf(db: SqlReader, organisationIds: readonly string[]): Promise<Array<{ organisation_id: string; user_id: string }>> {
  return readRows(db, 'SELECT organisation_id, user_id FROM memberships WHERE organisation_id = ANY($1::uuid[])', [organisationIds]);
}

/** Everyone who belongs to any of these organisations, each once. */
export async function memberIdsOf(db: SqlReader, organisationIds: readonly string[]): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await readRows(db, 'SELECT DISTINCT user_id FROM memberships WHERE organisation_id = ANY($1::uuid[])', [organisationIds]);
  return rows.map((row) => row.user_id);
}

/** Organisations whose name contains `text` (case-insensitive; `%` and `_` are plain characters), by name. */
export function organisationsNamed(db: SqlReader, text: string, limit: number): Promise<Array<{ id: string; name: string }>> {
  return readRows(db, 'SELECT id, name FROM organisations WHERE name ILIKE $1 ORDER BY name LIMIT $2', [containsPattern(text), limit]);
}

/** For each word, the organisations whose name contains it, regardless of case and accents. */
export async function organisationsNamedLike(db: SqlReader, words: readonly string[]): Promise<Array<{ word: string; ids: string[] }>> {
  return readRows(db,
    `SELECT w.word, array_agg(o.id) AS ids FROM unnest($1::text[], $2::text[]) AS w(word, pattern)
     JOIN organisations o ON unaccent(o.name) ILIKE unaccent(w.pattern) GROUP BY w.word`,
    [words, words.map(containsPattern)],
  );
}

/** Everyone who belongs to an organisation of one of these kinds in one of these WHO regions, each once. */
export async function memberIdsInRegionsOf(db: SqlReader, regionCodes: readonly string[], kinds: readonly string[]): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await readRows(db,
    `SELECT DISTINCT ms.user_id FROM organisations o JOIN memberships ms ON ms.organisation_id = o.id
     WHERE o.region_code = ANY($1::text[]) AND o.kind = ANY($2::text[])`,
    [regionCodes, kinds],
  );
  return rows.map((row) => row.user_id);
}

/** Each of these people's first organisation (the membership created first; by name among those created together, as the network directory names it), with its name; people without one are left out. */
export function firstOrganisationNamesOf(db: SqlReader, userIds: readonly string[]): Promise<Array<{ user_id: string; name: string }>> {
  return readRows(db,
    `SELECT DISTINCT ON (ms.user_id) ms.user_id, o.name FROM memberships ms JOIN organisations o ON o.id = ms.organisation_id
     WHERE ms.user_id = ANY($1::uuid[]) ORDER BY ms.user_id, ms.created_at, o.name`,
    [userIds],
  );
}

/** WHO member states (reference data). */
export function countriesByIso3(db: SqlReader): Promise<Array<{ iso3: string; iso2: string; name: string }>> {
  return readRows(db, 'SELECT iso3, iso2, name FROM countries', []);
}

/** The organisations of these regions: one (id, region) row each. */
export function organisationsInRegions(db: SqlReader, regionCodes: readonly string[]): Promise<Array<{ id: string; region_code: string }>> {
  return readRows(db, 'SELECT id, region_code FROM organisations WHERE region_code = ANY($1::text[])', [regionCodes]);
}

/** The organisations with exactly these names. */
export function organisationsWithNames(db: SqlReader, names: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  return readRows(db, 'SELECT id, name FROM organisations WHERE name = ANY($1::text[])', [names]);
}
