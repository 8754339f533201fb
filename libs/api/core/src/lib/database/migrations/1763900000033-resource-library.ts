import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge hub's resource library: tools, guidance, datasets, publications, slide decks and training material,
 * each an uploaded file (kept in PostgreSQL, like lesson files) or a link; and curated collections of them.
 * Resources are searchable with the rest of the workspace (search_entries' kinds gain 'resource').
 */
export class ResourceLibrary1763900000033 implements MigrationInterface {
  name = 'ResourceLibrary1763900000033';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        kind varchar(12) NOT NULL CHECK (kind IN ('tool', 'guidance', 'dataset', 'publication', 'slides', 'training')),
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        authors text[] NOT NULL DEFAULT '{}',
        language varchar(5) NOT NULL,
        topic varchar(32) NOT NULL,
        determinant varchar(16),
        region_code varchar(5),
        year int,
        url text,
        visibility varchar(12) NOT NULL CHECK (visibility IN ('public', 'network', 'organisation')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX resources_organisation_idx ON resources(organisation_id);
      CREATE INDEX resources_public_idx ON resources(updated_at DESC) WHERE visibility = 'public';

      -- One file per resource, outside the web root: served only after the resource's read check.
      CREATE TABLE resource_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL UNIQUE REFERENCES resources(id) ON DELETE CASCADE,
        name text NOT NULL,
        content_type text NOT NULL,
        size int NOT NULL CHECK (size > 0),
        data bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE resource_collections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(80) NOT NULL UNIQUE,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        position int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE resource_collection_items (
        collection_id uuid NOT NULL REFERENCES resource_collections(id) ON DELETE CASCADE,
        resource_id uuid NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
        position int NOT NULL,
        PRIMARY KEY (collection_id, resource_id)
      );

      -- The kinds' check, whatever name partitioning gave it (search_entries_kind_check1), is replaced.
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'search_entries'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%' LOOP
          EXECUTE format('ALTER TABLE search_entries DROP CONSTRAINT %I', c.conname);
        END LOOP;
      END $$;
      ALTER TABLE search_entries ADD CONSTRAINT search_entries_kind_check CHECK (kind IN ('lesson', 'report', 'meeting', 'discussion', 'resource'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM search_entries WHERE kind = 'resource';
      DELETE FROM search_documents WHERE kind = 'resource';
      ALTER TABLE search_entries DROP CONSTRAINT search_entries_kind_check;
      ALTER TABLE search_entries ADD CONSTRAINT search_entries_kind_check CHECK (kind IN ('lesson', 'report', 'meeting', 'discussion'));
      DROP TABLE resource_collection_items, resource_collections, resource_files, resources;
    `);
  }
}
