import { nameOf, type PeopleNames } from '@simashe/api-accounts';
import { byCodePoint } from '@simashe/api-core';
import type { AccessScope, OrganisationWithCountry } from '@simashe/api-organisations';
import { DEEPEST_DRIVER_LEVEL, driverDepth, type Cycle, type DriverNode, type Initiative, type Measure, type Milestone, type Observation, type ObservationEvidence } from '@simashe/contracts';
import type { CycleRow, DriverRow, InitiativeRow, MeasureRow, MilestoneRow, ObservationRow, StageEventRow, StoredInitiativeRow } from './cycles.repository';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());


/**
 * Those of `ids` who have a name, by name as PostgreSQL's C.UTF-8 collation ordered them (code points, not the
 * locale), then by id: the people an initiative's editors pick a milestone owner from.
 */
export function peopleByName(ids: readonly string[], names: PeopleNames): Array<{ id: string; name: string }> {
  const people = ids.flatMap((id) => {
    const name = names.get(id);
    return name === undefined ? [] : [{ id, name }];
  });
  return people.sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id));
}


/** Every organisation stored initiatives name: their owners and partners, for one lookup. */
export const initiativeOrganisationIds = (rows: readonly StoredInitiativeRow[]): string[] => rows.flatMap((row) => [row.organisation_id, ...row.partner_ids]);

/**
 * Stored initiatives with what api-organisations says of their organisations (`summariesWithCountry`, one batch per
 * list). As the joins did: an initiative whose organisation is gone is left out, and so is a partner that is gone;
 * partners by name, in code-point order (then by id).
 */
export function nameInitiatives(rows: readonly StoredInitiativeRow[], organisations: ReadonlyMap<string, OrganisationWithCountry>): InitiativeRow[] {
  return rows.flatMap(({ partner_ids: partnerIds, ...row }) => {
    const organisation = organisations.get(row.organisation_id);
    if (!organisation) return [];
    const partners = partnerIds
      .flatMap((id) => {
        const partner = organisations.get(id);
        return partner ? [{ organisationId: id, name: partner.name }] : [];
      })
      .sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.organisationId, b.organisationId));
    return [{ ...row, organisation_name: organisation.name, country_iso2: organisation.countryIso2, region_code: organisation.regionCode, partners }];
  });
}

export function presentInitiative(row: InitiativeRow, scope: AccessScope): Initiative {
  const resource = { kind: 'initiative' as const, organisationId: row.organisation_id, partnerOrganisationIds: row.partners.map((p) => p.organisationId) };
  const active = row.active_cycle;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    countryIso2: row.country_iso2,
    regionCode: row.region_code,
    title: row.title,
    aimWhat: row.aim_what,
    aimHowMuch: row.aim_how_much,
    aimByWhen: row.aim_by_when,
    determinants: row.determinants as Initiative['determinants'],
    sectors: row.sectors as Initiative['sectors'],
    partners: row.partners,
    activeCycle: active
      ? { ...active, stageChangedAt: iso(active.stageChangedAt) as string, startedAt: iso(active.startedAt) as string, closedAt: null }
      : null,
    cycleCount: row.cycle_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    canEdit: scope.can('initiative:write', resource),
    canManage: scope.can('initiative:manage', resource),
  };
}

export function presentDrivers(rows: DriverRow[], cycles: CycleRow[]): DriverNode[] {
  const links = rows.map((row) => ({ id: row.id, parentId: row.parent_id }));
  const kinds = ['primary', 'secondary', 'change_idea'] as const;
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_id,
    kind: kinds[Math.min(driverDepth(links, row.id), DEEPEST_DRIVER_LEVEL)],
    label: row.label,
    position: row.position,
    cycleIds: cycles.filter((cycle) => cycle.change_idea_ids.includes(row.id)).map((cycle) => cycle.id),
  }));
}

/** A closed cycle's milestones are history: none of them is overdue any more. */
export function presentMilestone(row: MilestoneRow, names: PeopleNames, today: string, cycleClosed = false): Milestone {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    title: row.title,
    ownerId: row.owner_id,
    ownerName: nameOf(names, row.owner_id),
    dueOn: row.due_on,
    status: row.status,
    overdue: !cycleClosed && row.status !== 'done' && row.due_on !== null && row.due_on < today,
    completedAt: iso(row.completed_at),
  };
}

export function presentObservation(row: ObservationRow, names: PeopleNames): Observation {
  return {
    id: row.id,
    observedOn: row.observed_on,
    note: row.note,
    evidence: row.evidence as ObservationEvidence[],
    authorName: nameOf(names, row.author_id),
    createdAt: row.created_at.toISOString(),
  };
}

export function presentCycle(row: CycleRow, events: StageEventRow[], milestones: MilestoneRow[], observations: ObservationRow[], names: PeopleNames, today: string): Cycle {
  const own = events.filter((event) => event.cycle_id === row.id);
  const actStart = own.find((event) => event.to_stage === 'act');
  const actEnd = [...own].reverse().find((event) => event.from_stage === 'act' && !event.backwards);
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    number: row.number,
    title: row.title,
    stage: row.stage,
    stageChangedAt: row.stage_changed_at.toISOString(),
    startedAt: row.started_at.toISOString(),
    closedAt: iso(row.closed_at),
    changeIdeaIds: row.change_idea_ids,
    plan: {
      objective: row.plan['objective'] ?? '',
      prediction: row.plan['prediction'] ?? '',
      measurement: row.plan['measurement'] ?? '',
      who: row.plan['who'] ?? '',
      when: row.plan['when'] ?? '',
      where: row.plan['where'] ?? '',
    },
    reflection: row.reflection,
    lessonId: row.lesson_id,
    actStartedAt: actStart ? actStart.at.toISOString() : null,
    actEndedAt: actStart && actEnd && actEnd.at >= actStart.at ? actEnd.at.toISOString() : null,
    events: own.map((event) => ({ from: event.from_stage, to: event.to_stage, byName: nameOf(names, event.actor_id), at: event.at.toISOString(), backwards: event.backwards })),
    milestones: milestones.filter((m) => m.cycle_id === row.id).map((m) => presentMilestone(m, names, today, row.stage === 'closed')),
    observations: observations.filter((o) => o.cycle_id === row.id).map((o) => presentObservation(o, names)),
  };
}

export function presentMeasure(row: MeasureRow): Measure {
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    name: row.name,
    kind: row.kind,
    definition: row.definition,
    unit: row.unit,
    direction: row.direction,
    target: row.target,
    frequency: row.frequency,
    chartType: row.chart_type,
    baselineLength: row.baseline_length,
    changePoints: row.change_points,
    pointCount: row.point_count,
    latestSignal: row.latest_signal,
  };
}

export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);
