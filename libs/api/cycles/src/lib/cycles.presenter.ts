import type { AccessScope } from '@simashe/api-organisations';
import { DEEPEST_DRIVER_LEVEL, driverDepth, type Cycle, type DriverNode, type Initiative, type Measure, type Milestone, type Observation, type ObservationEvidence } from '@simashe/contracts';
import type { CycleRow, DriverRow, InitiativeRow, MeasureRow, MilestoneRow, ObservationRow, StageEventRow } from './cycles.repository';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

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
export function presentMilestone(row: MilestoneRow, today: string, cycleClosed = false): Milestone {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    title: row.title,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    status: row.status,
    overdue: !cycleClosed && row.status !== 'done' && row.due_on !== null && row.due_on < today,
    completedAt: iso(row.completed_at),
  };
}

export function presentObservation(row: ObservationRow): Observation {
  return {
    id: row.id,
    observedOn: row.observed_on,
    note: row.note,
    evidence: row.evidence as ObservationEvidence[],
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentCycle(row: CycleRow, events: StageEventRow[], milestones: MilestoneRow[], observations: ObservationRow[], today: string): Cycle {
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
    events: own.map((event) => ({ from: event.from_stage, to: event.to_stage, byName: event.actor_name, at: event.at.toISOString(), backwards: event.backwards })),
    milestones: milestones.filter((m) => m.cycle_id === row.id).map((m) => presentMilestone(m, today, row.stage === 'closed')),
    observations: observations.filter((o) => o.cycle_id === row.id).map(presentObservation),
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
