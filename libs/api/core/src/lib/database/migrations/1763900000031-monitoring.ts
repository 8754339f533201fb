import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Monitoring1763900000031 implements MigrationInterface {
  name = 'Monitoring1763900000031';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Health inequality monitoring (api-monitoring). A dataset belongs to an organisation; each import is a new
      -- version whose rows are kept, so a report can pin the version it quotes.
      CREATE TABLE datasets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        current_version int,
        published_at timestamptz,
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX datasets_organisation_idx ON datasets(organisation_id);

      CREATE TABLE dataset_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        version int NOT NULL CHECK (version > 0),
        file_name text NOT NULL,
        row_count int NOT NULL CHECK (row_count >= 0),
        imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (dataset_id, version)
      );

      -- One subgroup estimate. Written only by COPY inside the import's transaction, never updated.
      CREATE TABLE dataset_rows (
        version_id uuid NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
        line int NOT NULL,
        setting text NOT NULL,
        date int NOT NULL,
        source text NOT NULL,
        indicator_abbr text NOT NULL,
        indicator_name text NOT NULL,
        dimension text NOT NULL,
        subgroup text NOT NULL,
        estimate double precision NOT NULL,
        se double precision,
        ci_lb double precision,
        ci_ub double precision,
        population double precision,
        flag text,
        setting_average double precision,
        iso3 text,
        favourable boolean NOT NULL,
        scale double precision NOT NULL,
        ordered boolean NOT NULL,
        subgroup_order int,
        reference boolean NOT NULL
      );
      CREATE INDEX dataset_rows_group_idx ON dataset_rows(version_id, indicator_abbr, dimension, setting, date);

      -- A chart or table of a dataset that a report embeds: what to draw, and the version it is pinned to (NULL:
      -- always the dataset's current version).
      CREATE TABLE monitoring_charts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        pinned_version int,
        kind text NOT NULL CHECK (kind IN ('disaggregated', 'trend', 'measures')),
        indicator_abbr text NOT NULL,
        dimension text NOT NULL,
        setting text NOT NULL,
        date int,
        measure text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX monitoring_charts_dataset_idx ON monitoring_charts(dataset_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE monitoring_charts; DROP TABLE dataset_rows; DROP TABLE dataset_versions; DROP TABLE datasets');
  }
}
