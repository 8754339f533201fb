import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BLANK_TEMPLATE, PROGRESS_REPORT_TEMPLATE } from '@simashe/editor';

export class ReportsAndCollaboration1763900000002 implements MigrationInterface {
  name = 'ReportsAndCollaboration1763900000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        content jsonb NOT NULL,
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        built_in boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        title text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'submitted')),
        archived_at timestamptz,
        template_id uuid REFERENCES report_templates(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_period_order CHECK (period_end >= period_start)
      );
      CREATE INDEX reports_organisation_idx ON reports(organisation_id);

      -- Real-time documents (reports now, meeting minutes later): a compacted snapshot plus the tail of
      -- Yjs updates written after it. An update is stored here before the server acknowledges it.
      CREATE TABLE collab_updates (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL,
        data bytea NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX collab_updates_document_idx ON collab_updates(document_id, id);

      CREATE TABLE collab_snapshots (
        document_id uuid PRIMARY KEY,
        state bytea NOT NULL,
        last_update_id bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    await db.query(
      `INSERT INTO report_templates (name, description, content, built_in) VALUES ($1, $2, $3, true), ($4, $5, $6, true)`,
      [
        'SIMASHE progress report',
        'Context, objectives, actions, partners, results, equity findings, challenges, lessons and next steps.',
        JSON.stringify(PROGRESS_REPORT_TEMPLATE),
        'Blank report',
        'An empty document.',
        JSON.stringify(BLANK_TEMPLATE),
      ],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE collab_snapshots; DROP TABLE collab_updates; DROP TABLE reports; DROP TABLE report_templates;');
  }
}
