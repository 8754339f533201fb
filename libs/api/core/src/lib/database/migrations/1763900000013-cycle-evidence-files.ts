import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CycleEvidenceFiles1763900000013 implements MigrationInterface {
  name = 'CycleEvidenceFiles1763900000013';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Files cited as evidence by cycle observations. A file is uploaded first (observation_id NULL) and bound to
      -- the observation that cites it; deleting the observation deletes its files, and unbound uploads older than a
      -- day are swept away on the next upload.
      CREATE TABLE cycle_evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        observation_id uuid REFERENCES cycle_observations(id) ON DELETE CASCADE,
        name text NOT NULL,
        content_type text NOT NULL,
        size int NOT NULL CHECK (size > 0),
        data bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX cycle_evidence_files_initiative_idx ON cycle_evidence_files(initiative_id);
      CREATE INDEX cycle_evidence_files_observation_idx ON cycle_evidence_files(observation_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE cycle_evidence_files');
  }
}
