import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Text-search configurations per language, all accent-insensitive (unaccent before stemming). */
const CONFIGURATIONS = [
  ['simashe_en', 'english', 'english_stem'],
  ['simashe_fr', 'french', 'french_stem'],
  ['simashe_es', 'spanish', 'spanish_stem'],
  ['simashe_simple', 'simple', 'simple'],
] as const;

export class LessonsSearchDiscussions1763900000010 implements MigrationInterface {
  name = 'LessonsSearchDiscussions1763900000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    for (const [name, copy, stemmer] of CONFIGURATIONS) {
      await db.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${copy})`);
      await db.query(`ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${stemmer}`);
    }
    // Each document is indexed with its own language's configuration (others: simple, unstemmed).
    await db.query(`
      CREATE FUNCTION simashe_search_config(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE language WHEN 'en' THEN 'simashe_en'::regconfig WHEN 'fr' THEN 'simashe_fr'::regconfig
                             WHEN 'es' THEN 'simashe_es'::regconfig ELSE 'simashe_simple'::regconfig END
      $$;
    `);
    await db.query(`
      CREATE TABLE lessons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        title text NOT NULL,
        context text NOT NULL DEFAULT '',
        actions text NOT NULL DEFAULT '',
        worked text NOT NULL DEFAULT '',
        did_not_work text NOT NULL DEFAULT '',
        recommendation text NOT NULL DEFAULT '',
        determinants text[] NOT NULL DEFAULT '{}',
        sectors text[] NOT NULL DEFAULT '{}',
        levels text[] NOT NULL DEFAULT '{}',
        initiative text NOT NULL DEFAULT '',
        cycle_stage varchar(10) CHECK (cycle_stage IN ('plan', 'act', 'observe', 'reflect')),
        language varchar(2) NOT NULL CHECK (language IN ('en', 'fr', 'es', 'ar')),
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        visibility varchar(12) NOT NULL DEFAULT 'organisation' CHECK (visibility IN ('organisation', 'region', 'network')),
        evidence jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX lessons_organisation_idx ON lessons(organisation_id);

      -- One row per searchable thing (lesson, report, meeting, discussion), with who may read it (audience)
      -- and a weighted tsvector in the thing's own language. Kept up to date by each domain on write.
      CREATE TABLE search_entries (
        kind varchar(12) NOT NULL CHECK (kind IN ('lesson', 'report', 'meeting', 'discussion')),
        ref_id uuid NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        language varchar(2) NOT NULL,
        link text NOT NULL,
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        region_code varchar(5),
        country_iso3 char(3),
        audience varchar(12) NOT NULL CHECK (audience IN ('network', 'region', 'organisation', 'members', 'meeting')),
        meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE,
        determinants text[] NOT NULL DEFAULT '{}',
        sectors text[] NOT NULL DEFAULT '{}',
        cycle_stage varchar(10),
        occurred_at timestamptz NOT NULL,
        tsv tsvector NOT NULL,
        PRIMARY KEY (kind, ref_id)
      );
      CREATE INDEX search_entries_tsv_idx ON search_entries USING gin (tsv);
      CREATE INDEX search_entries_occurred_idx ON search_entries(occurred_at DESC);
      CREATE INDEX search_entries_organisation_idx ON search_entries(organisation_id);

      CREATE TABLE discussion_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_kind varchar(10) NOT NULL CHECK (subject_kind IN ('topic', 'report', 'meeting', 'lesson')),
        subject_id uuid,
        title text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_post_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT discussion_subject_required CHECK ((subject_kind = 'topic') = (subject_id IS NULL))
      );
      CREATE UNIQUE INDEX discussion_threads_subject_idx ON discussion_threads(subject_kind, subject_id) WHERE subject_id IS NOT NULL;

      CREATE TABLE discussion_posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES discussion_threads(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        quote_post_id uuid REFERENCES discussion_posts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz
      );
      CREATE INDEX discussion_posts_thread_idx ON discussion_posts(thread_id, created_at);

      -- Which notification kinds a person wants in their inbox; absent means yes.
      ALTER TABLE users ADD COLUMN notification_preferences jsonb NOT NULL DEFAULT '{}';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users DROP COLUMN notification_preferences;
      DROP TABLE discussion_posts;
      DROP TABLE discussion_threads;
      DROP TABLE search_entries;
      DROP TABLE lessons;
      DROP FUNCTION simashe_search_config(text);
    `);
    for (const [name] of CONFIGURATIONS) await db.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
  }
}
