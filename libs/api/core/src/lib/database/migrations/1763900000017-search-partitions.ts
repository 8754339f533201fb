import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = `kind, ref_id, language, organisation_id, region_code, country_iso3, audience, meeting_id, determinants, sectors, cycle_stage, occurred_at, tsv`;

/** search_entries' columns, the same partitioned or not (only the keys differ). */
const COLUMN_DEFINITIONS = `kind varchar(12) NOT NULL CHECK (kind IN ('lesson', 'report', 'meeting', 'discussion')),
        ref_id uuid NOT NULL,
        language varchar(2) NOT NULL,
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        region_code varchar(5),
        country_iso3 char(3),
        audience varchar(12) NOT NULL CHECK (audience IN ('network', 'region', 'organisation', 'members', 'meeting')),
        meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE,
        determinants text[] NOT NULL DEFAULT '{}',
        sectors text[] NOT NULL DEFAULT '{}',
        cycle_stage varchar(10),
        occurred_at timestamptz NOT NULL,
        tsv tsvector NOT NULL,`;

/**
 * search_entries partitioned by language (en, fr, es, and every other language together).
 *
 * A language's words are frequent in its own entries and absent from the others'. On one table PostgreSQL's
 * statistics are table-wide, so "santé logement", found in nearly every French entry, was estimated at 1 % of
 * all entries: it chose to read every match through the GIN index and sort them (55 ms at 100,000 lessons)
 * instead of walking the newest French entries and stopping at the thousandth match. Each partition has its
 * own statistics, so the search service asks each language's partition with its own query and the planner
 * chooses per language (3 ms). The primary key and the link from search_documents carry the language, as
 * PostgreSQL requires of a partitioned table's keys.
 */
export class SearchPartitions1763900000017 implements MigrationInterface {
  name = 'SearchPartitions1763900000017';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE search_documents DROP CONSTRAINT search_documents_kind_ref_id_fkey;
      ALTER TABLE search_documents ADD COLUMN language varchar(2);
      UPDATE search_documents d SET language = e.language FROM search_entries e WHERE e.kind = d.kind AND e.ref_id = d.ref_id;
      DELETE FROM search_documents WHERE language IS NULL;
      ALTER TABLE search_documents ALTER COLUMN language SET NOT NULL;

      ALTER TABLE search_entries RENAME TO search_entries_unpartitioned;
      ALTER INDEX search_entries_tsv_idx RENAME TO search_entries_unpartitioned_tsv_idx;
      ALTER INDEX search_entries_occurred_idx RENAME TO search_entries_unpartitioned_occurred_idx;
      ALTER INDEX search_entries_organisation_idx RENAME TO search_entries_unpartitioned_organisation_idx;

      CREATE TABLE search_entries (
        ${COLUMN_DEFINITIONS}
        PRIMARY KEY (kind, ref_id, language)
      ) PARTITION BY LIST (language);
      CREATE TABLE search_entries_en PARTITION OF search_entries FOR VALUES IN ('en');
      CREATE TABLE search_entries_fr PARTITION OF search_entries FOR VALUES IN ('fr');
      CREATE TABLE search_entries_es PARTITION OF search_entries FOR VALUES IN ('es');
      CREATE TABLE search_entries_other PARTITION OF search_entries DEFAULT;

      INSERT INTO search_entries (${COLUMNS}) SELECT ${COLUMNS} FROM search_entries_unpartitioned;
      DROP TABLE search_entries_unpartitioned;

      CREATE INDEX search_entries_tsv_idx ON search_entries USING gin (tsv);
      CREATE INDEX search_entries_occurred_idx ON search_entries (occurred_at DESC, ref_id);
      CREATE INDEX search_entries_organisation_idx ON search_entries (organisation_id);

      ALTER TABLE search_documents ADD FOREIGN KEY (kind, ref_id, language) REFERENCES search_entries (kind, ref_id, language) ON DELETE CASCADE;
      ANALYZE search_entries;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE search_documents DROP CONSTRAINT search_documents_kind_ref_id_language_fkey;
      ALTER TABLE search_entries RENAME TO search_entries_partitioned;
      ALTER INDEX search_entries_tsv_idx RENAME TO search_entries_partitioned_tsv_idx;
      ALTER INDEX search_entries_occurred_idx RENAME TO search_entries_partitioned_occurred_idx;
      ALTER INDEX search_entries_organisation_idx RENAME TO search_entries_partitioned_organisation_idx;
      CREATE TABLE search_entries (
        ${COLUMN_DEFINITIONS}
        PRIMARY KEY (kind, ref_id)
      );
      INSERT INTO search_entries (${COLUMNS}) SELECT ${COLUMNS} FROM search_entries_partitioned;
      DROP TABLE search_entries_partitioned;
      CREATE INDEX search_entries_tsv_idx ON search_entries USING gin (tsv);
      CREATE INDEX search_entries_occurred_idx ON search_entries (occurred_at DESC);
      CREATE INDEX search_entries_organisation_idx ON search_entries (organisation_id);
      ALTER TABLE search_documents DROP COLUMN language;
      ALTER TABLE search_documents ADD FOREIGN KEY (kind, ref_id) REFERENCES search_entries (kind, ref_id) ON DELETE CASCADE;
    `);
  }
}
