import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentVersions1763900000003 implements MigrationInterface {
  name = 'DocumentVersions1763900000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Full states of a real-time document at moments worth going back to. History is never rewritten:
      -- restoring a version applies it as a new change on top of the current text.
      CREATE TABLE collab_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('auto', 'named', 'restore')),
        name text,
        state bytea NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        -- who changed the document since the previous version, and how many changes each made
        contributions jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX collab_versions_document_idx ON collab_versions(document_id, created_at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE collab_versions');
  }
}
