import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Action-learning cycles: initiatives, driver diagrams, cycles with milestones and observations, measures. */
export class Cycles1763900000012 implements MigrationInterface {
  name = 'Cycles1763900000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE initiatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        title text NOT NULL,
        aim_what text NOT NULL,
        aim_how_much text NOT NULL DEFAULT '',
        aim_by_when date,
        determinants text[] NOT NULL DEFAULT '{}',
        sectors text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX initiatives_organisation_idx ON initiatives(organisation_id);

      -- Other organisations taking part: their members read the initiative.
      CREATE TABLE initiative_partners (
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        PRIMARY KEY (initiative_id, organisation_id)
      );
      CREATE INDEX initiative_partners_organisation_idx ON initiative_partners(organisation_id);

      -- Driver diagram: aim (the initiative) → primary drivers → secondary drivers → change ideas.
      CREATE TABLE driver_nodes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES driver_nodes(id) ON DELETE CASCADE,
        label text NOT NULL,
        position int NOT NULL DEFAULT 0
      );
      CREATE INDEX driver_nodes_initiative_idx ON driver_nodes(initiative_id);

      CREATE TABLE cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        number int NOT NULL,
        title text NOT NULL,
        stage varchar(10) NOT NULL DEFAULT 'plan' CHECK (stage IN ('plan', 'act', 'observe', 'reflect', 'closed')),
        plan jsonb NOT NULL DEFAULT '{}',
        reflection jsonb,
        change_idea_ids uuid[] NOT NULL DEFAULT '{}',
        lesson_id uuid REFERENCES lessons(id) ON DELETE SET NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        stage_changed_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        UNIQUE (initiative_id, number)
      );
      -- One active cycle per initiative, whatever the timing of two "start" requests.
      CREATE UNIQUE INDEX cycles_one_active_idx ON cycles(initiative_id) WHERE stage <> 'closed';

      CREATE TABLE cycle_stage_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        from_stage varchar(10),
        to_stage varchar(10) NOT NULL,
        backwards boolean NOT NULL DEFAULT false,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX cycle_stage_events_cycle_idx ON cycle_stage_events(cycle_id, at);

      CREATE TABLE cycle_milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        title text NOT NULL,
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        due_on date,
        status varchar(8) NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done', 'blocked')),
        position double precision NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      );
      CREATE INDEX cycle_milestones_cycle_idx ON cycle_milestones(cycle_id);

      CREATE TABLE cycle_observations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        observed_on date NOT NULL,
        note text NOT NULL,
        evidence jsonb NOT NULL DEFAULT '[]',
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX cycle_observations_cycle_idx ON cycle_observations(cycle_id);

      CREATE TABLE measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        name text NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('outcome', 'process', 'balancing')),
        definition text NOT NULL DEFAULT '',
        unit text NOT NULL DEFAULT '',
        direction varchar(20) NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
        target double precision,
        frequency varchar(10) NOT NULL DEFAULT 'monthly' CHECK (frequency IN ('weekly', 'monthly', 'quarterly')),
        chart_type varchar(4) NOT NULL DEFAULT 'run' CHECK (chart_type IN ('run', 'xmr', 'p')),
        baseline_length int,
        change_points date[] NOT NULL DEFAULT '{}',
        -- Kept current on every write so dashboards aggregate without recomputing charts.
        latest_signal varchar(12) NOT NULL DEFAULT 'none' CHECK (latest_signal IN ('improvement', 'concern', 'both', 'none')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX measures_initiative_idx ON measures(initiative_id);

      CREATE TABLE measure_points (
        measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        date date NOT NULL,
        value double precision NOT NULL,
        numerator bigint,
        denominator bigint,
        PRIMARY KEY (measure_id, date),
        CHECK (numerator IS NULL OR (denominator > 0 AND numerator >= 0 AND numerator <= denominator))
      );

      -- What happened, for the activity feed and the dashboard's activity chart.
      CREATE TABLE cycle_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL,
        detail text NOT NULL DEFAULT '',
        -- Stage moves keep the stages apart from the text, so each reader sees them in their own language.
        from_stage varchar(10),
        to_stage varchar(10),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX cycle_activity_at_idx ON cycle_activity(at DESC);
      CREATE INDEX cycle_activity_initiative_idx ON cycle_activity(initiative_id, at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE cycle_activity, measure_points, measures, cycle_observations, cycle_milestones, cycle_stage_events, cycles,
                    driver_nodes, initiative_partners, initiatives`);
  }
}
