import { Injectable } from '@nestjs/common';
import type { AccessScope } from '@simashe/api-organisations';
import type { CycleStage, DashboardFilters, InitiativeFilters, MilestoneStatus } from '@simashe/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** The SQL of the cycles domain (initiatives and everything inside them), with typed rows. */
/**
 * An initiative as this domain's tables hold it: its organisation and partners by id only. Their names, region and
 * country are api-organisations' (`nameInitiatives` in the presenter adds them, one batch per list).
 */
export interface StoredInitiativeRow {
  id: string;
  organisation_id: string;
  title: string;
  aim_what: string;
  aim_how_much: string;
  aim_by_when: string | null;
  determinants: string[];
  sectors: string[];
  partner_ids: string[];
  active_cycle: { id: string; number: number; title: string; stage: CycleStage; stageChangedAt: string; startedAt: string; closedAt: null } | null;
  cycle_count: number;
  created_at: Date;
  updated_at: Date;
}
/** A stored initiative with its organisation's name, country and region and its partners' names. */
export interface InitiativeRow extends Omit<StoredInitiativeRow, 'partner_ids'> {
  organisation_name: string;
  country_iso2: string | null;
  region_code: string | null;
  partners: Array<{ organisationId: string; name: string }>;
}
export interface DriverRow { id: string; parent_id: string | null; label: string; position: number }
export interface CycleRow {
  id: string;
  initiative_id: string;
  number: number;
  title: string;
  stage: CycleStage;
  plan: Record<string, string>;
  reflection: { whatChanged: string; learned: string; decision: 'adopt' | 'adapt' | 'abandon' } | null;
  change_idea_ids: string[];
  lesson_id: string | null;
  started_at: Date;
  stage_changed_at: Date;
  closed_at: Date | null;
}
export interface EvidenceFileRow { id: string; initiative_id: string; observation_id: string | null; name: string; content_type: string; size: number; created_at: Date }
export interface StageEventRow { cycle_id: string; from_stage: CycleStage | null; to_stage: CycleStage; backwards: boolean; actor_id: string | null; at: Date }
export interface MilestoneRow {
  id: string;
  cycle_id: string;
  title: string;
  owner_id: string | null;
  due_on: string | null;
  status: MilestoneStatus;
  completed_at: Date | null;
}
export interface ObservationRow { id: string; cycle_id: string; observed_on: string; note: string; evidence: unknown[]; author_id: string | null; created_at: Date }
export interface MeasureRow {
  id: string;
  initiative_id: string;
  name: string;
  kind: 'outcome' | 'process' | 'balancing';
  definition: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  target: number | null;
  frequency: 'weekly' | 'monthly' | 'quarterly';
  chart_type: 'run' | 'xmr' | 'p';
  baseline_length: number | null;
  change_points: string[];
  latest_signal: 'improvement' | 'concern' | 'both' | 'none';
  point_count: number;
}
export interface PointRow { date: string; value: number; numerator: string | null; denominator: string | null }

/** Initiatives from this domain's tables only: `organisations` is never read here (see `StoredInitiativeRow`). */
const INITIATIVE_SQL = `
  SELECT i.id, i.organisation_id, i.title, i.aim_what, i.aim_how_much,
         to_char(i.aim_by_when, 'YYYY-MM-DD') AS aim_by_when, i.determinants, i.sectors, i.created_at, i.updated_at,
         ARRAY(SELECT p.organisation_id FROM initiative_partners p WHERE p.initiative_id = i.id) AS partner_ids,
         (SELECT json_build_object('id', cy.id, 'number', cy.number, 'title', cy.title, 'stage', cy.stage, 'stageChangedAt', cy.stage_changed_at,
                                   'startedAt', cy.started_at, 'closedAt', cy.closed_at)
          FROM cycles cy WHERE cy.initiative_id = i.id AND cy.stage <> 'closed') AS active_cycle,
         (SELECT count(*)::int FROM cycles cy WHERE cy.initiative_id = i.id) AS cycle_count
  FROM initiatives i`;

/** Initiatives the scope reads: those of readable organisations, and those its organisations take part in. */
function readableCondition(scope: AccessScope, params: unknown[], alias = 'i'): string {
  params.push(scope.readableOrganisationIds, scope.memberOrganisationIds);
  const readable = `$${params.length - 1}::uuid[]`;
  const members = `$${params.length}::uuid[]`;
  return `(${alias}.organisation_id = ANY(${readable}) OR EXISTS (SELECT 1 FROM initiative_partners p WHERE p.initiative_id = ${alias}.id AND p.organisation_id = ANY(${members})))`;
}

@Injectable()
export class CyclesRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * `inRegion`: with a region filter, the ids of that region's organisations (from OrganisationsService), which the
   * initiative's organisation must be one of.
   */
  async initiatives(scope: AccessScope, filters: Omit<InitiativeFilters, 'region'> & { id?: string; inRegion?: readonly string[] }): Promise<StoredInitiativeRow[]> {
    const params: unknown[] = [];
    const conditions = [readableCondition(scope, params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.id) add('i.id = ?', filters.id);
    if (filters.organisationId) add('i.organisation_id = ?', filters.organisationId);
    if (filters.inRegion) add('i.organisation_id = ANY(?::uuid[])', filters.inRegion);
    if (filters.determinant) add('? = ANY(i.determinants)', filters.determinant);
    if (filters.sector) add('? = ANY(i.sectors)', filters.sector);
    return this.db.query(`${INITIATIVE_SQL} WHERE ${conditions.join(' AND ')} ORDER BY i.updated_at DESC LIMIT 1000`, params);
  }

  /** Open milestones a person owns in cycles still running (overdue ones only when asked), with what access is decided on. */
  ownedMilestones(userId: string, overdueOn: string | null): Promise<Array<MilestoneRow & { initiative_id: string; initiative_title: string; cycle_title: string; organisation_id: string; partners: string[] }>> {
    return this.db.query(
      `SELECT m.id, m.cycle_id, m.title, m.owner_id, to_char(m.due_on, 'YYYY-MM-DD') AS due_on, m.status, m.completed_at,
              c.initiative_id, c.title AS cycle_title, i.title AS initiative_title, i.organisation_id,
              ARRAY(SELECT organisation_id FROM initiative_partners WHERE initiative_id = i.id) AS partners
       FROM cycle_milestones m JOIN cycles c ON c.id = m.cycle_id JOIN initiatives i ON i.id = c.initiative_id
       WHERE m.owner_id = $1 AND m.status <> 'done' AND c.stage <> 'closed' AND ($2::date IS NULL OR m.due_on < $2::date)
       ORDER BY m.due_on NULLS LAST, m.created_at LIMIT 100`,
      [userId, overdueOn],
    );
  }

  /** Owner and partners only: what access is decided on. */
  /** Cycles with their initiative's title and access facts (one query): what a link to a cycle shows. */
  cycleLinks(ids: string[]): Promise<Array<{ id: string; number: number; title: string; initiative_id: string; initiative_title: string; organisation_id: string; partners: string[] }>> {
    return this.db.query(
      `SELECT c.id, c.number, c.title, i.id AS initiative_id, i.title AS initiative_title, i.organisation_id,
              ARRAY(SELECT organisation_id FROM initiative_partners WHERE initiative_id = i.id) AS partners
       FROM cycles c JOIN initiatives i ON i.id = c.initiative_id WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async initiativeFacts(id: string, manager: EntityManager | DataSource = this.db): Promise<{ organisationId: string; partnerOrganisationIds: string[] } | null> {
    const [row] = await manager.query(
      `SELECT i.organisation_id, ARRAY(SELECT organisation_id FROM initiative_partners WHERE initiative_id = i.id) AS partners
       FROM initiatives i WHERE i.id = $1`,
      [id],
    );
    return row ? { organisationId: row.organisation_id, partnerOrganisationIds: row.partners } : null;
  }

  /** values: organisation, then the columns of `updateInitiative`. */
  async insertInitiative(manager: EntityManager, userId: string, values: unknown[]): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO initiatives (organisation_id, created_by, title, aim_what, aim_how_much, aim_by_when, determinants, sectors)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [values[0], userId, ...values.slice(1)],
    );
    return row.id;
  }

  async updateInitiative(manager: EntityManager, id: string, values: unknown[]): Promise<void> {
    await manager.query(
      `UPDATE initiatives SET title = $2, aim_what = $3, aim_how_much = $4, aim_by_when = $5, determinants = $6, sectors = $7, updated_at = now() WHERE id = $1`,
      [id, ...values],
    );
  }

  async setPartners(manager: EntityManager, id: string, organisationIds: string[]): Promise<void> {
    await manager.query('DELETE FROM initiative_partners WHERE initiative_id = $1', [id]);
    await manager.query(`INSERT INTO initiative_partners (initiative_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [id, organisationIds]);
  }

  async deleteInitiative(id: string): Promise<void> {
    await this.db.query('DELETE FROM initiatives WHERE id = $1', [id]);
  }

  async touch(manager: EntityManager | DataSource, initiativeId: string): Promise<void> {
    await manager.query('UPDATE initiatives SET updated_at = now() WHERE id = $1', [initiativeId]);
  }

  async activity(
    manager: EntityManager | DataSource,
    initiativeId: string,
    kind: string,
    actorId: string,
    detail: string,
    stages: { from: CycleStage; to: CycleStage } | null = null,
  ): Promise<void> {
    await manager.query('INSERT INTO cycle_activity (initiative_id, kind, actor_id, detail, from_stage, to_stage) VALUES ($1, $2, $3, $4, $5, $6)', [
      initiativeId, kind, actorId, detail, stages?.from ?? null, stages?.to ?? null,
    ]);
  }

  // ----- driver diagram -----
  drivers(initiativeId: string): Promise<DriverRow[]> {
    return this.db.query('SELECT id, parent_id, label, position FROM driver_nodes WHERE initiative_id = $1 ORDER BY position, label', [initiativeId]);
  }

  async driver(id: string): Promise<(DriverRow & { initiative_id: string }) | null> {
    const [row] = await this.db.query('SELECT id, initiative_id, parent_id, label, position FROM driver_nodes WHERE id = $1', [id]);
    return row ?? null;
  }

  // ----- cycles -----
  cycles(initiativeId: string): Promise<CycleRow[]> {
    return this.db.query('SELECT * FROM cycles WHERE initiative_id = $1 ORDER BY number DESC', [initiativeId]);
  }

  async cycle(id: string, manager: EntityManager | DataSource = this.db, lock = false): Promise<CycleRow | null> {
    const [row] = await manager.query(`SELECT * FROM cycles WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ?? null;
  }

  stageEvents(cycleIds: string[]): Promise<StageEventRow[]> {
    return this.db.query(
      `SELECT e.cycle_id, e.from_stage, e.to_stage, e.backwards, e.actor_id, e.at
       FROM cycle_stage_events e WHERE e.cycle_id = ANY($1::uuid[]) ORDER BY e.at, e.id`,
      [cycleIds],
    );
  }

  milestones(cycleIds: string[]): Promise<MilestoneRow[]> {
    return this.db.query(
      `SELECT m.id, m.cycle_id, m.title, m.owner_id, to_char(m.due_on, 'YYYY-MM-DD') AS due_on, m.status, m.completed_at
       FROM cycle_milestones m WHERE m.cycle_id = ANY($1::uuid[]) ORDER BY m.position, m.created_at`,
      [cycleIds],
    );
  }

  async milestone(id: string): Promise<(MilestoneRow & { initiative_id: string; stage: CycleStage }) | null> {
    const [row] = await this.db.query(
      `SELECT m.id, m.cycle_id, m.title, m.owner_id, to_char(m.due_on, 'YYYY-MM-DD') AS due_on, m.status, m.completed_at,
              c.initiative_id, c.stage
       FROM cycle_milestones m JOIN cycles c ON c.id = m.cycle_id WHERE m.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The cycles' observations, or just one of them. */
  observations(cycleIds: string[], id: string | null = null): Promise<ObservationRow[]> {
    return this.db.query(
      `SELECT ob.id, ob.cycle_id, to_char(ob.observed_on, 'YYYY-MM-DD') AS observed_on, ob.note, ob.evidence, ob.author_id, ob.created_at
       FROM cycle_observations ob
       WHERE ob.cycle_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR ob.id = $2::uuid) ORDER BY ob.observed_on DESC, ob.created_at DESC`,
      [cycleIds, id],
    );
  }

  async observation(id: string): Promise<{ id: string; cycle_id: string; initiative_id: string; stage: CycleStage } | null> {
    const [row] = await this.db.query(
      'SELECT ob.id, ob.cycle_id, c.initiative_id, c.stage FROM cycle_observations ob JOIN cycles c ON c.id = ob.cycle_id WHERE ob.id = $1',
      [id],
    );
    return row ?? null;
  }

  /** Stores an uploaded evidence file, not yet bound to an observation; sweeps unbound uploads older than a day. */
  async addEvidenceFile(initiativeId: string, file: { name: string; contentType: string; size: number; data: Buffer }, userId: string): Promise<EvidenceFileRow> {
    return this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM cycle_evidence_files WHERE observation_id IS NULL AND created_at < now() - interval '1 day'`);
      const [row] = await manager.query(
        `INSERT INTO cycle_evidence_files (initiative_id, name, content_type, size, data, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, initiative_id, observation_id, name, content_type, size, created_at`,
        [initiativeId, file.name, file.contentType, file.size, file.data, userId],
      );
      return row;
    });
  }

  /** Evidence files by id (without their bytes). */
  evidenceFiles(ids: string[]): Promise<EvidenceFileRow[]> {
    return this.db.query('SELECT id, initiative_id, observation_id, name, content_type, size, created_at FROM cycle_evidence_files WHERE id = ANY($1::uuid[])', [ids]);
  }

  async evidenceFileData(id: string): Promise<(EvidenceFileRow & { data: Buffer; initiative_title: string }) | null> {
    const [row] = await this.db.query(
      `SELECT f.id, f.initiative_id, f.observation_id, f.name, f.content_type, f.size, f.created_at, f.data, i.title AS initiative_title
       FROM cycle_evidence_files f JOIN initiatives i ON i.id = f.initiative_id WHERE f.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Binds uploaded files to the observation that cites them; false when one was bound meanwhile (by a concurrent save). */
  async bindEvidenceFiles(manager: EntityManager, observationId: string, ids: string[]): Promise<boolean> {
    if (ids.length === 0) return true;
    const [, bound] = await manager.query('UPDATE cycle_evidence_files SET observation_id = $1 WHERE id = ANY($2::uuid[]) AND observation_id IS NULL', [observationId, ids]);
    return bound === ids.length;
  }

  // ----- measures -----
  measures(initiativeId: string | null, id?: string, manager: EntityManager | DataSource = this.db): Promise<MeasureRow[]> {
    return manager.query(
      `SELECT me.id, me.initiative_id, me.name, me.kind, me.definition, me.unit, me.direction, me.target, me.frequency, me.chart_type,
              me.baseline_length, ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(me.change_points) d ORDER BY d) AS change_points, me.latest_signal,
              (SELECT count(*)::int FROM measure_points p WHERE p.measure_id = me.id) AS point_count
       FROM measures me WHERE ${id ? 'me.id = $1' : 'me.initiative_id = $1'} ORDER BY me.created_at`,
      [id ?? initiativeId],
    );
  }

  /** The organisations whose initiatives the scope reads and that have measures: whose names `readableMeasures` sorts by. */
  async readableMeasureOwners(scope: AccessScope): Promise<string[]> {
    const params: unknown[] = [];
    const condition = readableCondition(scope, params);
    const rows: Array<{ organisation_id: string }> = await this.db.query(
      `SELECT DISTINCT i.organisation_id FROM measures me JOIN initiatives i ON i.id = me.initiative_id WHERE ${condition}`,
      params,
    );
    return rows.map((row) => row.organisation_id);
  }

  /**
   * Every measure the scope reads, by organisation name, initiative and measure. `organisationNames` are the owners'
   * names (OrganisationsService), handed to the statement as (id, name) pairs so PostgreSQL still sorts and limits; a
   * measure whose organisation has no name there is left out (as the join on `organisations` did).
   */
  readableMeasures(scope: AccessScope, organisationNames: ReadonlyMap<string, string>): Promise<Array<{ id: string; name: string; chart_type: MeasureRow['chart_type']; initiative_id: string; initiative_title: string; organisation_name: string }>> {
    const params: unknown[] = [[...organisationNames.keys()], [...organisationNames.values()]];
    const condition = readableCondition(scope, params);
    return this.db.query(
      `SELECT me.id, me.name, me.chart_type, i.id AS initiative_id, i.title AS initiative_title, o.name AS organisation_name
       FROM measures me JOIN initiatives i ON i.id = me.initiative_id JOIN unnest($1::uuid[], $2::text[]) AS o (id, name) ON o.id = i.organisation_id
       WHERE ${condition} ORDER BY o.name, i.title, me.name LIMIT 500`,
      params,
    );
  }

  points(measureId: string, manager: EntityManager | DataSource = this.db): Promise<PointRow[]> {
    return manager.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, value, numerator, denominator FROM measure_points WHERE measure_id = $1 ORDER BY date`,
      [measureId],
    );
  }

  /** Act bands for a measure's chart: every cycle of the initiative that reached act. */
  actBands(initiativeId: string): Promise<Array<{ id: string; number: number; title: string; act_start: Date | null; act_end: Date | null }>> {
    return this.db.query(
      `SELECT c.id, c.number, c.title,
              (SELECT min(e.at) FROM cycle_stage_events e WHERE e.cycle_id = c.id AND e.to_stage = 'act') AS act_start,
              (SELECT max(e.at) FROM cycle_stage_events e WHERE e.cycle_id = c.id AND e.from_stage = 'act' AND NOT e.backwards) AS act_end
       FROM cycles c WHERE c.initiative_id = $1 ORDER BY c.number`,
      [initiativeId],
    );
  }

  // ----- dashboard (a fixed number of queries, whatever the size of the network) -----
  /**
   * The dashboard's pathfinders among `candidates` (the readable country pathfinders the filters keep, as
   * OrganisationsService summarises them), those with an initiative of the tags asked for, by name: the candidates are
   * handed to the statement, so PostgreSQL still sorts them and joins their country (reference data).
   */
  dashboardPathfinders(
    candidates: ReadonlyArray<{ id: string; name: string; regionCode: string | null; countryIso3: string | null }>,
    filters: DashboardFilters,
  ): Promise<Array<{ id: string; name: string; region_code: string | null; iso2: string | null; iso3: string | null }>> {
    const params: unknown[] = [
      candidates.map((candidate) => candidate.id),
      candidates.map((candidate) => candidate.name),
      candidates.map((candidate) => candidate.regionCode),
      candidates.map((candidate) => candidate.countryIso3),
    ];
    let tagged = '';
    if (filters.determinant || filters.sector) {
      const tagConditions: string[] = [];
      if (filters.determinant) tagConditions.push(`$${params.push(filters.determinant)} = ANY(i.determinants)`);
      if (filters.sector) tagConditions.push(`$${params.push(filters.sector)} = ANY(i.sectors)`);
      tagged = `WHERE EXISTS (SELECT 1 FROM initiatives i WHERE i.organisation_id = o.id AND ${tagConditions.join(' AND ')})`;
    }
    return this.db.query(
      `SELECT o.id, o.name, o.region_code, c.iso2, c.iso3
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS o (id, name, region_code, country_iso3) LEFT JOIN countries c ON c.iso3 = o.country_iso3
       ${tagged} ORDER BY o.name`,
      params,
    );
  }

  /** Per organisation: initiatives, the latest active stage, overdue milestones and measures by signal. */
  dashboardFigures(organisationIds: string[], filters: DashboardFilters, today: string): Promise<Array<{
    organisation_id: string; initiatives: number; stage: CycleStage | null; stage_changed_at: Date | null; overdue: number; improving: number; concerning: number;
  }>> {
    const params: unknown[] = [organisationIds, today];
    const tags: string[] = [];
    if (filters.determinant) tags.push(`$${params.push(filters.determinant)} = ANY(i.determinants)`);
    if (filters.sector) tags.push(`$${params.push(filters.sector)} = ANY(i.sectors)`);
    const tagSql = tags.length ? ` AND ${tags.join(' AND ')}` : '';
    return this.db.query(
      `WITH ini AS (SELECT i.id, i.organisation_id FROM initiatives i WHERE i.organisation_id = ANY($1::uuid[])${tagSql}),
       active AS (SELECT DISTINCT ON (ini.organisation_id) ini.organisation_id, c.stage, c.stage_changed_at
                  FROM cycles c JOIN ini ON ini.id = c.initiative_id WHERE c.stage <> 'closed'
                  ORDER BY ini.organisation_id, c.stage_changed_at DESC),
       overdue AS (SELECT ini.organisation_id, count(*)::int AS n FROM cycle_milestones m JOIN cycles c ON c.id = m.cycle_id JOIN ini ON ini.id = c.initiative_id
                   WHERE c.stage <> 'closed' AND m.status <> 'done' AND m.due_on < $2::date GROUP BY ini.organisation_id),
       signals AS (SELECT ini.organisation_id,
                          count(*) FILTER (WHERE me.latest_signal IN ('improvement', 'both'))::int AS improving,
                          count(*) FILTER (WHERE me.latest_signal IN ('concern', 'both'))::int AS concerning
                   FROM measures me JOIN ini ON ini.id = me.initiative_id GROUP BY ini.organisation_id),
       counts AS (SELECT organisation_id, count(*)::int AS n FROM ini GROUP BY organisation_id)
       SELECT counts.organisation_id, counts.n AS initiatives, active.stage, active.stage_changed_at, coalesce(overdue.n, 0) AS overdue,
              coalesce(signals.improving, 0) AS improving, coalesce(signals.concerning, 0) AS concerning
       FROM counts LEFT JOIN active USING (organisation_id) LEFT JOIN overdue USING (organisation_id) LEFT JOIN signals USING (organisation_id)`,
      params,
    );
  }

  /**
   * Milestones of the given organisations' initiatives, counted by where they fall among a burn-down's boundaries
   * rather than sent one by one: per milestone, how many of the sorted `instants` are ≤ its creation and ≤ its
   * completion (null when not completed), and how many of the sorted `dates` are ≤ its due date (null without one).
   * So "created before instants[j]" is `created <= j`, and "due on or after dates[j]" is `due > j`. Milestones
   * completed before the first instant and due before the first date count nowhere, and are left out first.
   */
  dashboardMilestoneBuckets(organisationIds: string[], instants: Date[], dates: string[]): Promise<Array<{ created: number; completed: number | null; due: number | null; n: number }>> {
    return this.db.query(
      `SELECT width_bucket(m.created_at, $2::timestamptz[]) AS created, width_bucket(m.completed_at, $2::timestamptz[]) AS completed,
              width_bucket(m.due_on, $3::date[]) AS due, count(*)::int AS n
       FROM cycle_milestones m JOIN cycles c ON c.id = m.cycle_id JOIN initiatives i ON i.id = c.initiative_id
       WHERE i.organisation_id = ANY($1::uuid[])
         AND (m.completed_at IS NULL OR m.completed_at >= ($2::timestamptz[])[1] OR m.due_on IS NULL OR m.due_on >= ($3::date[])[1])
       GROUP BY 1, 2, 3`,
      [organisationIds, instants, dates],
    );
  }

  /** Weekly activity since a date, per kind (of the given kinds). */
  dashboardActivity(organisationIds: string[], since: Date, kinds: string[]): Promise<Array<{ week: string; kind: string; n: number }>> {
    return this.db.query(
      `SELECT to_char(week, 'YYYY-MM-DD') AS week, kind, n FROM (
         SELECT date_trunc('week', a.at AT TIME ZONE 'UTC') AS week, a.kind, count(*)::int AS n
         FROM cycle_activity a JOIN initiatives i ON i.id = a.initiative_id
         WHERE i.organisation_id = ANY($1::uuid[]) AND a.at >= $2 AND a.kind = ANY($3::text[]) GROUP BY 1, 2) x`,
      [organisationIds, since, kinds],
    );
  }

  /**
   * The latest activity the scope reads. Organisations by id only: `inRegion`, with a region filter, is the ids of that
   * region's organisations (OrganisationsService), which the initiative's organisation must be one of.
   */
  feed(scope: AccessScope, query: { limit: number; organisationId?: string; inRegion?: readonly string[] }): Promise<Array<{
    id: string; kind: string; at: Date; actor_id: string | null; organisation_id: string; initiative_id: string; initiative_title: string; detail: string;
    from_stage: CycleStage | null; to_stage: CycleStage | null;
  }>> {
    const params: unknown[] = [];
    const conditions = [readableCondition(scope, params)];
    if (query.organisationId) conditions.push(`i.organisation_id = $${params.push(query.organisationId)}`);
    if (query.inRegion) conditions.push(`i.organisation_id = ANY($${params.push(query.inRegion)}::uuid[])`);
    params.push(query.limit);
    return this.db.query(
      `SELECT a.id, a.kind, a.at, a.actor_id, i.organisation_id, i.id AS initiative_id, i.title AS initiative_title, a.detail,
              a.from_stage, a.to_stage
       FROM cycle_activity a JOIN initiatives i ON i.id = a.initiative_id
       WHERE ${conditions.join(' AND ')} ORDER BY a.at DESC LIMIT $${params.length}`,
      params,
    );
  }
}
