import { Inject, Injectable } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { APP_CONFIG, ConflictError, EventBus, eventActor, NotFoundError, requireAcceptableFile, ValidationError, type AppConfig, type AuthContext, type UploadedFileData } from '@simashe/api-core';
import { MinutesService } from '@simashe/api-meetings';
import { LessonsService } from '@simashe/api-lessons';
import { AccessPolicy, OrganisationsService, type AccessScope, type InitiativeResource } from '@simashe/api-organisations';
import { ReportsService } from '@simashe/api-reports';
import { SearchScopes } from '@simashe/api-search';
import {
  CYCLE_STAGES_FLOW,
  DEEPEST_DRIVER_LEVEL,
  driverDepth,
  driverDescendants,
  fitsUnder,
  type DriverLink,
  type Cycle,
  type CycleStage,
  type DriverNode,
  type DriverNodeInput,
  type Initiative,
  type InitiativeDetail,
  type InitiativeFilters,
  type InitiativeInput,
  type Language,
  type Lesson,
  type Milestone,
  type MyMilestone,
  type MilestoneInput,
  type Observation,
  type ObservationEvidence,
  type ObservationInput,
  type Reflection,
  type StartCycleRequest,
  type StoredFile,
  type UpdateCycleRequest,
  type UpdateDriverNodeRequest,
  type UpdateInitiativeRequest,
  type UpdateMilestoneRequest,
} from '@simashe/contracts';
import { CyclesRepository, type CycleRow, type EvidenceFileRow, type InitiativeRow, type MilestoneRow, type ObservationRow, type StageEventRow, type StoredInitiativeRow } from './cycles.repository';
import {
  initiativeOrganisationIds,
  nameInitiatives,
  peopleByName,
  presentCycle,
  presentDrivers,
  presentInitiative,
  presentMeasure,
  presentMilestone,
  presentObservation,
  todayUtc,
} from './cycles.presenter';

const STAGE_NAMES: Record<CycleStage, string> = { plan: 'plan', act: 'act', observe: 'observe', reflect: 'reflect', closed: 'closed' };
const UNIQUE_VIOLATION = '23505';

/**
 * Initiatives and their action-learning cycles. Every method asks the AccessPolicy first (through one scope per
 * request), then reads or writes through the repository.
 */
@Injectable()
export class CyclesService {
  constructor(
    private readonly repo: CyclesRepository,
    private readonly policy: AccessPolicy,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly lessons: LessonsService,
    private readonly scopes: SearchScopes,
    private readonly reports: ReportsService,
    private readonly minutes: MinutesService,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ----- initiatives -----
  async list(auth: AuthContext, { region, ...filters }: InitiativeFilters): Promise<Initiative[]> {
    const scope = await this.policy.scope(auth);
    // A region is the organisation's (api-organisations'): its organisations' ids, asked for first, filter the rows.
    const inRegion = region ? ((await this.organisations.idsInRegions([region])).get(region) ?? []) : undefined;
    return (await this.named(await this.repo.initiatives(scope, { ...filters, inRegion }))).map((row) => presentInitiative(row, scope));
  }

  async get(auth: AuthContext, id: string): Promise<Initiative> {
    const scope = await this.policy.scope(auth);
    return presentInitiative(await this.readableRow(scope, id), scope);
  }

  async detail(auth: AuthContext, id: string): Promise<InitiativeDetail> {
    const scope = await this.policy.scope(auth);
    const row = await this.readableRow(scope, id);
    const initiative = presentInitiative(row, scope);
    const [drivers, cycles, measures] = await Promise.all([this.repo.drivers(id), this.repo.cycles(id), this.repo.measures(id)]);
    const cycleIds = cycles.map((cycle) => cycle.id);
    const [events, milestones, observations, memberIds] = await Promise.all([
      this.repo.stageEvents(cycleIds),
      this.repo.milestones(cycleIds),
      this.repo.observations(cycleIds),
      // The organisation's members: who may own a milestone.
      initiative.canEdit ? this.organisations.memberIds([row.organisation_id]) : Promise.resolve<string[]>([]),
    ]);
    // One lookup for every name on the page: stage movers, milestone owners, observation authors and the members.
    const names = await this.users.names([...mentioned(events, milestones, observations), ...memberIds]);
    const today = todayUtc();
    return {
      initiative,
      drivers: presentDrivers(drivers, cycles),
      cycles: cycles.map((cycle) => presentCycle(cycle, events, milestones, observations, names, today)),
      measures: measures.map(presentMeasure),
      people: peopleByName(memberIds, names),
    };
  }

  async create(auth: AuthContext, input: InitiativeInput): Promise<Initiative> {
    const scope = await this.policy.scope(auth);
    scope.require('initiative:write', { kind: 'initiative', organisationId: input.organisationId, partnerOrganisationIds: [] }, 'The organisation');
    checkAimDate(input.aimByWhen);
    await this.checkOrganisations(input.organisationId, input.partnerOrganisationIds);
    const id = await this.repo.transaction(async (manager) => {
      const created = await this.repo.insertInitiative(manager, auth.userId, [input.organisationId, ...this.values(input)]);
      await this.repo.setPartners(manager, created, input.partnerOrganisationIds);
      await this.repo.activity(manager, created, 'initiative_created', auth.userId, input.title);
      return created;
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: string, input: UpdateInitiativeRequest): Promise<Initiative> {
    const { scope, resource } = await this.requireInitiative(auth, id, 'initiative:write');
    const [current] = await this.repo.initiatives(scope, { id });
    if (input.aimByWhen !== current.aim_by_when) checkAimDate(input.aimByWhen);
    const partnersChange = [...input.partnerOrganisationIds].sort().join() !== [...resource.partnerOrganisationIds].sort().join();
    if (partnersChange) scope.require('initiative:manage', resource);
    await this.checkOrganisations(resource.organisationId, input.partnerOrganisationIds);
    await this.repo.transaction(async (manager) => {
      await this.repo.updateInitiative(manager, id, this.values(input));
      if (partnersChange) await this.repo.setPartners(manager, id, input.partnerOrganisationIds);
    });
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.requireInitiative(auth, id, 'initiative:manage');
    await this.repo.deleteInitiative(id);
  }

  // ----- driver diagram -----
  async addDriver(auth: AuthContext, initiativeId: string, input: DriverNodeInput): Promise<DriverNode[]> {
    await this.requireInitiative(auth, initiativeId, 'initiative:write');
    const nodes = await this.repo.drivers(initiativeId);
    if (input.parentId) {
      const parent = nodes.find((node) => node.id === input.parentId);
      if (!parent) throw new ValidationError('Unknown parent', [{ path: 'parentId', message: 'No node of this driver diagram has this id' }]);
      if (driverDepth(links(nodes), parent.id) >= DEEPEST_DRIVER_LEVEL) throw new ConflictError('Change ideas are the last level of a driver diagram; add the idea under a secondary driver');
    }
    const siblings = nodes.filter((node) => node.parent_id === input.parentId);
    const last = Math.max(-1, ...siblings.map((node) => node.position));
    await this.repo.transaction(async (manager) => {
      await manager.query('INSERT INTO driver_nodes (initiative_id, parent_id, label, position) VALUES ($1, $2, $3, $4)', [
        initiativeId, input.parentId, input.label, last + 1,
      ]);
      await this.repo.touch(manager, initiativeId);
    });
    return this.drivers(initiativeId);
  }

  async updateDriver(auth: AuthContext, nodeId: string, input: UpdateDriverNodeRequest): Promise<DriverNode[]> {
    const node = await this.repo.driver(nodeId);
    if (!node) throw new NotFoundError('The driver');
    await this.requireInitiative(auth, node.initiative_id, 'initiative:write');
    const nodes = await this.repo.drivers(node.initiative_id);
    const parentId = input.parentId === undefined ? node.parent_id : input.parentId;
    if (parentId !== node.parent_id) {
      if (parentId && !nodes.some((candidate) => candidate.id === parentId)) {
        throw new ValidationError('Unknown parent', [{ path: 'parentId', message: 'No node of this driver diagram has this id' }]);
      }
      if (parentId && (parentId === nodeId || driverDescendants(links(nodes), nodeId).has(parentId))) {
        throw new ConflictError('A driver cannot be moved under itself or one of its own ideas');
      }
      if (!fitsUnder(links(nodes), nodeId, parentId)) throw new ConflictError('The driver diagram has three levels: primary drivers, secondary drivers and change ideas; this move would add a fourth');
    }
    const siblings = nodes.filter((candidate) => candidate.parent_id === parentId && candidate.id !== nodeId).map((candidate) => candidate.id);
    const position = Math.min(input.position ?? siblings.length, siblings.length);
    if (input.position !== undefined || parentId !== node.parent_id) siblings.splice(position, 0, nodeId);
    await this.repo.transaction(async (manager) => {
      await manager.query('UPDATE driver_nodes SET label = coalesce($2, label), parent_id = $3 WHERE id = $1', [nodeId, input.label ?? null, parentId]);
      if (siblings.includes(nodeId)) {
        await manager.query('UPDATE driver_nodes d SET position = o.i - 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, i) WHERE d.id = o.id', [siblings]);
      }
      await this.repo.touch(manager, node.initiative_id);
    });
    return this.drivers(node.initiative_id);
  }

  async removeDriver(auth: AuthContext, nodeId: string): Promise<DriverNode[]> {
    const node = await this.repo.driver(nodeId);
    if (!node) throw new NotFoundError('The driver');
    await this.requireInitiative(auth, node.initiative_id, 'initiative:write');
    const nodes = await this.repo.drivers(node.initiative_id);
    const removed = [nodeId, ...driverDescendants(links(nodes), nodeId)];
    await this.repo.transaction(async (manager) => {
      await manager.query('DELETE FROM driver_nodes WHERE id = $1', [nodeId]);
      await manager.query(
        `UPDATE cycles SET change_idea_ids = ARRAY(SELECT x FROM unnest(change_idea_ids) x WHERE x <> ALL($2::uuid[])) WHERE initiative_id = $1 AND change_idea_ids && $2::uuid[]`,
        [node.initiative_id, removed],
      );
      await this.repo.touch(manager, node.initiative_id);
    });
    return this.drivers(node.initiative_id);
  }

  private async drivers(initiativeId: string): Promise<DriverNode[]> {
    const [nodes, cycles] = await Promise.all([this.repo.drivers(initiativeId), this.repo.cycles(initiativeId)]);
    return presentDrivers(nodes, cycles);
  }

  // ----- cycles -----
  /** Starts the next cycle. The initiative row is locked, and a unique index backs it: two starts leave one active cycle. */
  async startCycle(auth: AuthContext, initiativeId: string, input: StartCycleRequest): Promise<Cycle> {
    await this.requireInitiative(auth, initiativeId, 'initiative:write');
    await this.checkChangeIdeas(initiativeId, input.changeIdeaIds);
    let cycleId: string;
    try {
      cycleId = await this.repo.transaction(async (manager) => {
        await manager.query('SELECT id FROM initiatives WHERE id = $1 FOR UPDATE', [initiativeId]);
        const [active] = await manager.query(`SELECT number FROM cycles WHERE initiative_id = $1 AND stage <> 'closed'`, [initiativeId]);
        if (active) throw new ConflictError(`Cycle ${active.number} is still running; close it before starting the next one`);
        const [row] = await manager.query(
          `INSERT INTO cycles (initiative_id, number, title, plan, change_idea_ids)
           VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM cycles WHERE initiative_id = $1), $2, $3, $4) RETURNING id, number`,
          [initiativeId, input.title, JSON.stringify(input.plan), input.changeIdeaIds],
        );
        await manager.query('INSERT INTO cycle_stage_events (cycle_id, from_stage, to_stage, actor_id) VALUES ($1, NULL, $2, $3)', [row.id, 'plan', auth.userId]);
        await this.repo.activity(manager, initiativeId, 'cycle_started', auth.userId, `${row.number}. ${input.title}`);
        await this.repo.touch(manager, initiativeId);
        return row.id as string;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new ConflictError('Another cycle of this initiative was started at the same moment; only one can be active');
      throw error;
    }
    return this.reread(cycleId);
  }

  /** "Initiative · cycle N: title" for those of `ids` the caller may read, with where the web shows them: for other domains' links. */
  async linkTitles(auth: AuthContext, ids: string[]): Promise<Map<string, { title: string; href: string }>> {
    if (ids.length === 0) return new Map();
    const scope = await this.policy.scope(auth);
    const rows = await this.repo.cycleLinks([...new Set(ids)]);
    return new Map(
      rows
        .filter((row) => scope.can('cycle:read', { kind: 'initiative', organisationId: row.organisation_id, partnerOrganisationIds: row.partners }))
        .map((row) => [row.id, { title: `${row.initiative_title} · ${row.number}: ${row.title}`, href: `/cycles/initiatives/${row.initiative_id}` }]),
    );
  }

  async cycle(auth: AuthContext, cycleId: string): Promise<Cycle> {
    const row = await this.repo.cycle(cycleId);
    if (!row) throw new NotFoundError('The cycle');
    await this.requireInitiative(auth, row.initiative_id, 'initiative:read', 'The cycle');
    return this.present(row);
  }

  /** A cycle as the API shows it; callers have already decided the caller may read it. */
  private async present(row: CycleRow): Promise<Cycle> {
    const [events, milestones, observations] = await Promise.all([this.repo.stageEvents([row.id]), this.repo.milestones([row.id]), this.repo.observations([row.id])]);
    const names = await this.users.names(mentioned(events, milestones, observations));
    return presentCycle(row, events, milestones, observations, names, todayUtc());
  }

  /** After a change the caller was allowed to make: the cycle as it now stands. */
  private async reread(cycleId: string): Promise<Cycle> {
    return this.present((await this.repo.cycle(cycleId)) as CycleRow);
  }

  async updateCycle(auth: AuthContext, cycleId: string, input: UpdateCycleRequest): Promise<Cycle> {
    const row = await this.openCycle(auth, cycleId);
    await this.checkChangeIdeas(row.initiative_id, input.changeIdeaIds);
    await this.repo.transaction(async (manager) => {
      await manager.query('UPDATE cycles SET title = $2, plan = $3, change_idea_ids = $4 WHERE id = $1', [cycleId, input.title, JSON.stringify(input.plan), input.changeIdeaIds]);
      await this.repo.touch(manager, row.initiative_id);
    });
    return this.reread(cycleId);
  }

  /** Forward one stage at a time; back only to the previous stage (recorded as such); closing needs the reflection. */
  async transition(auth: AuthContext, cycleId: string, to: CycleStage): Promise<Cycle> {
    const first = await this.repo.cycle(cycleId);
    if (!first) throw new NotFoundError('The cycle');
    await this.requireInitiative(auth, first.initiative_id, 'initiative:write', 'The cycle');
    await this.repo.transaction(async (manager) => {
      const row = (await this.repo.cycle(cycleId, manager, true)) as CycleRow;
      if (row.stage === 'closed') throw new ConflictError('This cycle is closed; a closed cycle is read-only');
      const from = CYCLE_STAGES_FLOW.indexOf(row.stage);
      const target = CYCLE_STAGES_FLOW.indexOf(to);
      if (target === from) throw new ConflictError(`The cycle is already in the ${STAGE_NAMES[to]} stage`);
      if (target > from + 1) {
        throw new ConflictError(`Stages go in order: from ${STAGE_NAMES[row.stage]} the next stage is ${STAGE_NAMES[CYCLE_STAGES_FLOW[from + 1]]}, not ${STAGE_NAMES[to]}`);
      }
      if (target < from - 1) throw new ConflictError(`A cycle can only move back to the previous stage (${STAGE_NAMES[CYCLE_STAGES_FLOW[from - 1]]})`);
      if (to === 'closed' && !row.reflection) throw new ConflictError('Write the reflection (what changed, what was learned and the decision) before closing the cycle');
      const backwards = target < from;
      await manager.query(
        `UPDATE cycles SET stage = $2::text, stage_changed_at = now(), closed_at = CASE WHEN $2::text = 'closed' THEN now() ELSE NULL END WHERE id = $1`,
        [cycleId, to],
      );
      await manager.query('INSERT INTO cycle_stage_events (cycle_id, from_stage, to_stage, backwards, actor_id) VALUES ($1, $2, $3, $4, $5)', [
        cycleId, row.stage, to, backwards, auth.userId,
      ]);
      await this.repo.activity(manager, row.initiative_id, 'stage_changed', auth.userId, `${row.number}. ${row.title}`, { from: row.stage, to });
      await this.repo.touch(manager, row.initiative_id);
    });
    return this.reread(cycleId);
  }

  async reflect(auth: AuthContext, cycleId: string, input: Reflection): Promise<Cycle> {
    const row = await this.openCycle(auth, cycleId);
    await this.repo.transaction(async (manager) => {
      await manager.query('UPDATE cycles SET reflection = $2 WHERE id = $1', [cycleId, JSON.stringify(input)]);
      await this.repo.touch(manager, row.initiative_id);
    });
    return this.reread(cycleId);
  }

  /** A prefilled lesson draft from the reflection, linked back to the cycle, in one step. */
  async publishLesson(auth: AuthContext, cycleId: string, language: Language): Promise<Lesson> {
    const first = await this.repo.cycle(cycleId);
    if (!first) throw new NotFoundError('The cycle');
    const { scope } = await this.requireInitiative(auth, first.initiative_id, 'initiative:write', 'The cycle');
    const initiative = await this.readableRow(scope, first.initiative_id);
    // The cycle row stays locked while the lesson is drafted, so two clicks at once draft one lesson.
    return this.repo.transaction(async (manager) => {
      const row = (await this.repo.cycle(cycleId, manager, true)) as CycleRow;
      if (!row.reflection) throw new ConflictError('Write the reflection first: the lesson is drafted from it');
      if (row.lesson_id) throw new ConflictError('A lesson was already drafted from this cycle');
      const observations = await this.repo.observations([cycleId]);
      const decision = { adopt: 'Adopt', adapt: 'Adapt', abandon: 'Abandon' }[row.reflection.decision];
      const lesson = await this.lessons.create(auth, {
        organisationId: initiative.organisation_id,
        title: `${initiative.title}: ${row.title}`.slice(0, 200),
        context: [initiative.aim_what, initiative.aim_how_much].filter(Boolean).join(' — ').slice(0, 10_000),
        actions: [row.plan['objective'], ...observations.map((o) => `${o.observed_on}: ${o.note}`)].filter(Boolean).join('\n').slice(0, 10_000),
        worked: row.reflection.whatChanged.slice(0, 10_000),
        didNotWork: '',
        recommendation: `${decision}. ${row.reflection.learned}`.slice(0, 10_000),
        determinants: initiative.determinants as Lesson['determinants'],
        sectors: initiative.sectors as Lesson['sectors'],
        levels: [],
        initiative: initiative.title.slice(0, 200),
        cycleStage: 'reflect',
        language,
        visibility: 'organisation',
        evidence: [{ kind: 'link', url: `${this.config.publicUrl}/cycles/initiatives/${initiative.id}#cycle-${row.number}`, label: `Cycle ${row.number}: ${row.title}`.slice(0, 200) }],
      });
      await manager.query('UPDATE cycles SET lesson_id = $2 WHERE id = $1', [cycleId, lesson.id]);
      await this.repo.activity(manager, row.initiative_id, 'lesson_drafted', auth.userId, lesson.title);
      return lesson;
    });
  }

  // ----- milestones -----
  /** The caller's own open milestones, each still readable to them under the AccessPolicy (one query, one scope). */
  async myMilestones(auth: AuthContext, overdueOnly: boolean): Promise<MyMilestone[]> {
    const scope = await this.policy.scope(auth);
    const today = todayUtc();
    const rows = (await this.repo.ownedMilestones(auth.userId, overdueOnly ? today : null)).filter((row) =>
      scope.can('cycle:read', { kind: 'initiative', organisationId: row.organisation_id, partnerOrganisationIds: row.partners }),
    );
    const names = await this.users.names(rows.map((row) => row.owner_id));
    return rows.map((row) => ({ ...presentMilestone(row, names, today), initiativeId: row.initiative_id, initiativeTitle: row.initiative_title, cycleTitle: row.cycle_title }));
  }

  async addMilestone(auth: AuthContext, cycleId: string, input: MilestoneInput): Promise<Milestone> {
    const row = await this.openCycle(auth, cycleId);
    await this.checkOwner(row.organisation_id, input.ownerId);
    if (input.dueOn) checkNotBefore(input.dueOn, row.started_at, 'dueOn', 'A milestone cannot be due before its cycle started');
    const id = await this.repo.transaction(async (manager) => {
      const [created] = await manager.query(
        `INSERT INTO cycle_milestones (cycle_id, title, owner_id, due_on, status, completed_at, position)
         VALUES ($1, $2, $3, $4, $5::text, CASE WHEN $5::text = 'done' THEN now() END, extract(epoch FROM now())) RETURNING id`,
        [cycleId, input.title, input.ownerId, input.dueOn, input.status],
      );
      await this.repo.touch(manager, row.initiative_id);
      return created.id as string;
    });
    return this.milestone(id);
  }

  async updateMilestone(auth: AuthContext, milestoneId: string, input: UpdateMilestoneRequest): Promise<Milestone> {
    const existing = await this.repo.milestone(milestoneId);
    if (!existing) throw new NotFoundError('The milestone');
    const cycle = await this.openCycle(auth, existing.cycle_id);
    if (input.ownerId !== undefined) await this.checkOwner(cycle.organisation_id, input.ownerId);
    if (input.dueOn) checkNotBefore(input.dueOn, cycle.started_at, 'dueOn', 'A milestone cannot be due before its cycle started');
    await this.repo.transaction(async (manager) => {
      await manager.query(
        `UPDATE cycle_milestones SET title = coalesce($2::text, title), owner_id = CASE WHEN $3 THEN $4::uuid ELSE owner_id END,
                due_on = CASE WHEN $5 THEN $6::date ELSE due_on END, status = coalesce($7::text, status),
                completed_at = CASE WHEN coalesce($7::text, status) = 'done' THEN coalesce(completed_at, now()) ELSE NULL END
         WHERE id = $1`,
        [milestoneId, input.title ?? null, input.ownerId !== undefined, input.ownerId ?? null, input.dueOn !== undefined, input.dueOn ?? null, input.status ?? null],
      );
      if (input.status === 'done' && existing.status !== 'done') {
        await this.repo.activity(manager, existing.initiative_id, 'milestone_done', auth.userId, input.title ?? existing.title);
      }
      await this.repo.touch(manager, existing.initiative_id);
    });
    return this.milestone(milestoneId);
  }

  async removeMilestone(auth: AuthContext, milestoneId: string): Promise<void> {
    const existing = await this.repo.milestone(milestoneId);
    if (!existing) throw new NotFoundError('The milestone');
    await this.openCycle(auth, existing.cycle_id);
    await this.repo.transaction(async (manager) => {
      await manager.query('DELETE FROM cycle_milestones WHERE id = $1', [milestoneId]);
      await this.repo.touch(manager, existing.initiative_id);
    });
  }

  private async milestone(id: string): Promise<Milestone> {
    const row = (await this.repo.milestone(id)) as MilestoneRow;
    return presentMilestone(row, await this.users.names([row.owner_id]), todayUtc());
  }

  // ----- observations -----
  async addObservation(auth: AuthContext, cycleId: string, input: ObservationInput): Promise<Observation> {
    const row = await this.openCycle(auth, cycleId);
    // A day of slack: it is already tomorrow somewhere.
    if (input.observedOn > todayUtc(new Date(Date.now() + 86_400_000))) {
      throw new ValidationError('An observation cannot be dated in the future', [{ path: 'observedOn', message: 'Choose today or an earlier date' }]);
    }
    checkNotBefore(input.observedOn, row.started_at, 'observedOn', 'An observation cannot be dated before its cycle started');
    const files = await this.checkEvidence(auth, input.evidence, row.initiative_id);
    const id = await this.repo.transaction(async (manager) => {
      const [created] = await manager.query(
        'INSERT INTO cycle_observations (cycle_id, observed_on, note, evidence, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [cycleId, input.observedOn, input.note, JSON.stringify(input.evidence), auth.userId],
      );
      if (!(await this.repo.bindEvidenceFiles(manager, created.id, files))) {
        throw new ConflictError('A file you cite became evidence of another observation meanwhile; upload it again to cite it here too');
      }
      await this.repo.activity(manager, row.initiative_id, 'observation_added', auth.userId, input.note.slice(0, 200));
      await this.repo.touch(manager, row.initiative_id);
      return created.id as string;
    });
    const [observation] = await this.repo.observations([cycleId], id);
    return presentObservation(observation, await this.users.names([observation.author_id]));
  }

  // ----- evidence files -----
  /** An upload for an observation to cite; bound to it when the observation is saved. */
  async addEvidenceFile(auth: AuthContext, initiativeId: string, file: UploadedFileData | undefined): Promise<StoredFile> {
    await this.requireInitiative(auth, initiativeId, 'initiative:write');
    const upload = requireAcceptableFile(file);
    const row = await this.repo.addEvidenceFile(initiativeId, { name: upload.safeName, contentType: upload.mimetype, size: upload.size, data: upload.buffer }, auth.userId);
    return presentFile(row);
  }

  async evidenceFile(auth: AuthContext, initiativeId: string, fileId: string): Promise<{ name: string; contentType: string; data: Buffer }> {
    const { resource } = await this.requireInitiative(auth, initiativeId, 'initiative:read');
    const row = await this.repo.evidenceFileData(fileId);
    if (!row || row.initiative_id !== initiativeId) throw new NotFoundError('The file');
    // An initiative is never open to the whole network: every download of its evidence is recorded.
    await this.events.emit('file.downloaded', {
      actor: eventActor(auth),
      organisationId: resource.organisationId,
      fileId,
      fileName: row.name,
      parent: { type: 'initiative', id: initiativeId, title: row.initiative_title },
      restricted: true,
    });
    return { name: row.name, contentType: row.content_type, data: row.data };
  }

  async removeObservation(auth: AuthContext, observationId: string): Promise<void> {
    const existing = await this.repo.observation(observationId);
    if (!existing) throw new NotFoundError('The observation');
    await this.openCycle(auth, existing.cycle_id);
    await this.repo.transaction((manager) => manager.query('DELETE FROM cycle_observations WHERE id = $1', [observationId]));
  }

  // ----- shared checks -----
  async requireInitiative(auth: AuthContext, id: string, action: 'initiative:read' | 'initiative:write' | 'initiative:manage', what = 'The initiative') {
    const facts = await this.repo.initiativeFacts(id);
    if (!facts) throw new NotFoundError(what);
    const resource: InitiativeResource = { kind: 'initiative', ...facts };
    const scope = await this.policy.scope(auth);
    scope.require(action, resource, what);
    return { scope, resource };
  }

  /** A cycle the caller may change: readable, writable, not closed. */
  private async openCycle(auth: AuthContext, cycleId: string): Promise<CycleRow & { organisation_id: string }> {
    const row = await this.repo.cycle(cycleId);
    if (!row) throw new NotFoundError('The cycle');
    const { resource } = await this.requireInitiative(auth, row.initiative_id, 'initiative:write', 'The cycle');
    if (row.stage === 'closed') throw new ConflictError('This cycle is closed; a closed cycle is read-only');
    return { ...row, organisation_id: resource.organisationId };
  }

  private async readableRow(scope: AccessScope, id: string): Promise<InitiativeRow> {
    const [row] = await this.named(await this.repo.initiatives(scope, { id }));
    if (!row) throw new NotFoundError('The initiative');
    return row;
  }

  /** The rows with their organisations' names, region and country, and their partners' names: one batch of api-organisations. */
  private async named(rows: StoredInitiativeRow[]): Promise<InitiativeRow[]> {
    if (rows.length === 0) return [];
    return nameInitiatives(rows, await this.organisations.summariesWithCountry(initiativeOrganisationIds(rows)));
  }

  private values(input: UpdateInitiativeRequest): unknown[] {
    return [input.title, input.aimWhat, input.aimHowMuch, input.aimByWhen, input.determinants, input.sectors];
  }

  private async checkOrganisations(ownerId: string, partnerIds: string[]): Promise<void> {
    const directory = new Map((await this.organisations.directory()).map((entry) => [entry.id, entry]));
    const owner = directory.get(ownerId);
    if (!owner) throw new NotFoundError('The organisation');
    if (owner.kind !== 'country_pathfinder' && owner.kind !== 'core_partner') {
      throw new ValidationError('Only country pathfinders and core partners own initiatives', [{ path: 'organisationId', message: 'Choose a country pathfinder or a core partner' }]);
    }
    partnerIds.forEach((partnerId, index) => {
      if (!directory.has(partnerId)) throw new ValidationError('Unknown partner organisation', [{ path: `partnerOrganisationIds.${index}`, message: 'No organisation has this id' }]);
      if (partnerId === ownerId) throw new ValidationError('The owning organisation cannot also be a partner', [{ path: `partnerOrganisationIds.${index}`, message: 'Remove the owning organisation from the partners' }]);
    });
  }

  private async checkChangeIdeas(initiativeId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const nodes = await this.repo.drivers(initiativeId);
    ids.forEach((id, index) => {
      if (!nodes.some((node) => node.id === id) || driverDepth(links(nodes), id) !== DEEPEST_DRIVER_LEVEL) {
        throw new ValidationError('Unknown change idea', [{ path: `changeIdeaIds.${index}`, message: 'No change idea of this driver diagram has this id' }]);
      }
    });
  }

  private async checkOwner(organisationId: string, ownerId: string | null): Promise<void> {
    if (!ownerId) return;
    // A membership is removed with its account, so every member is a person.
    if (!(await this.organisations.memberIds([organisationId])).includes(ownerId)) {
      throw new ValidationError('Unknown owner', [{ path: 'ownerId', message: 'The owner must be a member of the organisation that owns the initiative' }]);
    }
  }

  /**
   * Evidence may only point at what the author can read, so an observation never leaks titles; files must be this
   * initiative's own uploads, not yet cited elsewhere. Returns the ids of the files to bind.
   */
  private async checkEvidence(auth: AuthContext, evidence: ObservationEvidence[], initiativeId: string): Promise<string[]> {
    if (!evidence.some((item) => item.kind !== 'link')) return [];
    const fileIds = evidence.flatMap((item) => (item.kind === 'file' ? [item.id] : []));
    const [scope, files] = await Promise.all([this.scopes.scopeFor(auth), fileIds.length ? this.repo.evidenceFiles(fileIds) : Promise.resolve([] as EvidenceFileRow[])]);
    const itemsByMeeting = new Map<string, Promise<Set<string>>>();
    const itemIds = (meetingId: string) => {
      if (!itemsByMeeting.has(meetingId)) {
        itemsByMeeting.set(meetingId, this.minutes.actionItems(auth, meetingId).then((items) => new Set(items.flatMap((item) => (item.itemId ? [item.itemId] : [])))));
      }
      return itemsByMeeting.get(meetingId) as Promise<Set<string>>;
    };
    for (const [index, item] of evidence.entries()) {
      const unknown = (what: string, path = 'id') => new ValidationError(`Unknown ${what} in the evidence`, [{ path: `evidence.${index}.${path}`, message: `No ${what} you can read has this id` }]);
      if ((item.kind === 'meeting' || item.kind === 'action_item') && !scope.meetings.includes(item.id)) throw unknown('meeting');
      if (item.kind === 'action_item' && !(await itemIds(item.id)).has(item.itemId)) throw unknown('action item', 'itemId');
      if (item.kind === 'lesson') await this.lessons.get(auth, item.id).catch(() => Promise.reject(unknown('lesson')));
      if (item.kind === 'report') await this.reports.get(auth, item.id).catch(() => Promise.reject(unknown('report')));
      if (item.kind === 'file') {
        const file = files.find((candidate) => candidate.id === item.id);
        if (!file || file.initiative_id !== initiativeId) throw unknown('file uploaded to this initiative');
        if (file.observation_id) throw new ValidationError('That file is already evidence of another observation', [{ path: `evidence.${index}.id`, message: 'Upload the file again to cite it here too' }]);
      }
    }
    if (new Set(fileIds).size !== fileIds.length) throw new ValidationError('The same file is cited twice', [{ path: 'evidence', message: 'Cite each file once' }]);
    return fileIds;
  }
}

/** A date a cycle's work happens on cannot come before the cycle started (a day of slack for time zones). */
function checkNotBefore(date: string, startedAt: Date, path: string, message: string): void {
  const earliest = todayUtc(new Date(startedAt.getTime() - 86_400_000));
  if (date < earliest) throw new ValidationError(message, [{ path, message: `Choose ${earliest} or a later date` }]);
}

function presentFile(row: EvidenceFileRow): StoredFile {
  return { id: row.id, name: row.name, contentType: row.content_type, size: row.size, createdAt: row.created_at.toISOString() };
}

/** An aim is reached by a date still to come (an existing past date may stay as it is). */
function checkAimDate(aimByWhen: string | null): void {
  if (aimByWhen !== null && aimByWhen < todayUtc()) {
    throw new ValidationError('The aim’s date has already passed', [{ path: 'aimByWhen', message: 'Choose today or a later date for the aim' }]);
  }
}

/** Everyone a cycle's rows name: who moved its stages, who owns its milestones, who wrote its observations. */
function mentioned(events: StageEventRow[], milestones: MilestoneRow[], observations: ObservationRow[]): Array<string | null> {
  return [...events.map((event) => event.actor_id), ...milestones.map((milestone) => milestone.owner_id), ...observations.map((observation) => observation.author_id)];
}

/** The diagram's shape, as the shared driver-tree rules read it. */
function links(nodes: Array<{ id: string; parent_id: string | null }>): DriverLink[] {
  return nodes.map((node) => ({ id: node.id, parentId: node.parent_id }));
}
