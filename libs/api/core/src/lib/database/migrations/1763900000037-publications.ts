import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint publications: the collaboration's outputs with a lead organisation, authors in order (with their
 * affiliation and, when they have one, the workspace organisation they write for), a status from idea to published
 * (with the DOI), and links to lessons, reports, cycles and datasets. The draft is a real-time document of kind
 * `publication` whose id is the publication's (collab tables).
 */
export class Publications1763900000037 implements MigrationInterface {
  name = 'Publications1763900000037';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE publications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL CHECK (kind IN ('conference_abstract', 'article', 'brief')),
        title text NOT NULL,
        abstract text NOT NULL DEFAULT '',
        venue text NOT NULL DEFAULT '',
        year int CHECK (year IS NULL OR year BETWEEN 1950 AND 2100),
        status varchar(12) NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'drafting', 'submitted', 'under_review', 'published')),
        doi text,
        published_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'published' OR doi IS NOT NULL)
      );
      CREATE INDEX publications_organisation ON publications (organisation_id);

      CREATE TABLE publication_authors (
        publication_id uuid NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
        position int NOT NULL,
        given_name text NOT NULL DEFAULT '',
        family_name text NOT NULL,
        affiliation text NOT NULL DEFAULT '',
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        PRIMARY KEY (publication_id, position)
      );
      CREATE INDEX publication_authors_organisation ON publication_authors (organisation_id);

      CREATE TABLE publication_links (
        publication_id uuid NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
        position int NOT NULL,
        item_kind varchar(10) NOT NULL CHECK (item_kind IN ('lesson', 'report', 'cycle', 'dataset')),
        item_id uuid NOT NULL,
        PRIMARY KEY (publication_id, item_kind, item_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE publication_links; DROP TABLE publication_authors; DROP TABLE publications;');
  }
}
