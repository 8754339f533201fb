import { Injectable } from '@nestjs/common';
import { nameOf, UsersService } from '@simashe/api-accounts';
import { EventBus, eventActor, exportFilters, readerTimeZone, spreadsheetCsv, type AuthContext } from '@simashe/api-core';
import { LessonsService } from '@simashe/api-lessons';
import { MeetingsService } from '@simashe/api-meetings';
import { AccessPolicy, OrganisationsService } from '@simashe/api-organisations';
import { ReportsService } from '@simashe/api-reports';
import { DASHBOARD_TEXT, STAGE_NAMES } from '@simashe/charts';
import type { ActivityItem, Dashboard, DashboardFilters, DashboardRow, Language } from '@simashe/contracts';
import { CyclesRepository } from './cycles.repository';
import { todayUtc } from './cycles.presenter';
import { dashboardPdf, reportStatusName } from './dashboard-pdf';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const STAGES = ['plan', 'act', 'observe', 'reflect', 'closed', 'none'] as const;
/** What the activity chart counts; other kinds (data added, lessons drafted…) are not read. */
const ACTIVITY_KINDS = ['stage_changed', 'cycle_started', 'milestone_done', 'observation_added'];

/** Monday 00:00 UTC of the week holding `time`. */
function weekStart(time: number): number {
  const date = new Date(time);
  const day = (date.getUTCDay() + 6) % 7;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day);
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * The burn-down's 16 weeks (past 12, next 4) and the boundaries its counts compare milestones with: created before
 * `createdBefore` and due on or after `endDate` (planned), created before and not completed before `openAt` (open).
 */
function burndownWeeks(now: number) {
  const thisWeek = weekStart(now);
  const weeks = [];
  for (let offset = -11; offset <= 4; offset += 1) {
    const start = thisWeek + offset * WEEK;
    const end = start + WEEK;
    weeks.push({ offset, start, end, endDate: isoDate(end), createdBefore: Math.max(end, now), openAt: Math.min(end, now) });
  }
  const instants = [...new Set(weeks.flatMap((week) => [week.createdBefore, week.openAt]))].sort((a, b) => a - b);
  return { weeks, instants, dates: weeks.map((week) => week.endDate) };
}

/**
 * Where every pathfinder the viewer may read stands. A fixed number of queries per request, whatever the number of
 * pathfinders: figures come in batches from this domain's repository and from the reports, meetings and lessons
 * services.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: CyclesRepository,
    private readonly policy: AccessPolicy,
    private readonly reports: ReportsService,
    private readonly meetings: MeetingsService,
    private readonly lessons: LessonsService,
    private readonly users: UsersService,
    private readonly events: EventBus,
    private readonly organisations: OrganisationsService,
  ) {}

  async dashboard(auth: AuthContext, filters: DashboardFilters, now = new Date()): Promise<Dashboard> {
    const scope = await this.policy.scope(auth);
    // The readable country pathfinders the filters keep, from api-organisations (one batch); the repository keeps
    // those with initiatives of the tags asked for and sorts them by name.
    const readable = await this.organisations.summaries(scope.readableOrganisationIds);
    const candidates = [...readable.values()].filter(
      (organisation) =>
        organisation.kind === 'country_pathfinder' &&
        (!filters.region || organisation.regionCode === filters.region) &&
        (!filters.organisationId || organisation.id === filters.organisationId),
    );
    const pathfinders = await this.repo.dashboardPathfinders(candidates, filters);
    const ids = pathfinders.map((p) => p.id);
    const { weeks, instants, dates } = burndownWeeks(now.getTime());
    const [figures, reports, meetings, lessons, milestones, activity] = await Promise.all([
      this.repo.dashboardFigures(ids, filters, todayUtc(now)),
      this.reports.latestByOrganisation(ids),
      this.meetings.activitySummary(ids, 90, now.getTime()),
      this.lessons.publishedCounts(ids),
      this.repo.dashboardMilestoneBuckets(ids, instants.map((time) => new Date(time)), dates),
      this.repo.dashboardActivity(ids, new Date(weekStart(now.getTime()) - 11 * WEEK), ACTIVITY_KINDS),
    ]);
    const byOrganisation = new Map(figures.map((row) => [row.organisation_id, row]));
    const rows: DashboardRow[] = pathfinders.map((p) => {
      const figure = byOrganisation.get(p.id);
      const meeting = meetings.get(p.id) ?? { held: 0, attended: 0 };
      return {
        organisationId: p.id,
        organisationName: p.name,
        countryIso2: p.iso2,
        countryIso3: p.iso3,
        regionCode: p.region_code,
        initiatives: figure?.initiatives ?? 0,
        stage: figure?.stage ?? 'none',
        daysInStage: figure?.stage_changed_at ? Math.floor((now.getTime() - figure.stage_changed_at.getTime()) / DAY) : null,
        overdueMilestones: figure?.overdue ?? 0,
        lastReport: reports.get(p.id) ?? null,
        meetingsHeld90: meeting.held,
        attendanceRate90: meeting.held ? Math.round((meeting.attended / meeting.held) * 1000) / 1000 : null,
        lessonsPublished: lessons.get(p.id) ?? 0,
        measuresImproving: figure?.improving ?? 0,
        measuresConcerning: figure?.concerning ?? 0,
      };
    });

    // Milestones arrive grouped by boundary (a few hundred groups, not one row per milestone): see dashboardMilestoneBuckets.
    const burndown = weeks.map((week) => {
      const createdBefore = instants.indexOf(week.createdBefore);
      const openAt = instants.indexOf(week.openAt);
      const dueFrom = dates.indexOf(week.endDate);
      let planned = 0;
      let open = 0;
      for (const group of milestones) {
        if (group.created <= createdBefore && (group.due === null || group.due > dueFrom)) planned += group.n;
        if (group.created <= openAt && !(group.completed !== null && group.completed <= openAt)) open += group.n;
      }
      // Weeks still to come have no actual figure yet: only the plan.
      return { week: isoDate(week.start), open: week.end <= now.getTime() || week.offset === 0 ? open : null, due: planned };
    });
    const thisWeek = weekStart(now.getTime());
    const activityByWeek = new Map<string, { stageChanges: number; milestonesDone: number; observations: number }>();
    for (let offset = -11; offset <= 0; offset += 1) {
      activityByWeek.set(new Date(thisWeek + offset * WEEK).toISOString().slice(0, 10), { stageChanges: 0, milestonesDone: 0, observations: 0 });
    }
    for (const row of activity) {
      const entry = activityByWeek.get(row.week);
      if (!entry) continue;
      if (row.kind === 'stage_changed' || row.kind === 'cycle_started') entry.stageChanges += row.n;
      if (row.kind === 'milestone_done') entry.milestonesDone += row.n;
      if (row.kind === 'observation_added') entry.observations += row.n;
    }
    return {
      generatedAt: now.toISOString(),
      rows,
      stageDistribution: STAGES.map((stage) => ({ stage, count: rows.filter((row) => row.stage === stage).length })),
      burndown,
      activity: [...activityByWeek.entries()].map(([week, counts]) => ({ week, ...counts })),
    };
  }

  /** The dashboard as a PDF in the reader's language: the same charts as on screen, drawn by ECharts on the server, and the table; recorded as an export. */
  async pdf(auth: AuthContext, filters: DashboardFilters, language: Language): Promise<Buffer> {
    const dashboard = await this.dashboard(auth, filters);
    const body = await dashboardPdf(dashboard, filters, language, readerTimeZone(auth));
    await this.exported(auth, filters, 'pdf', dashboard.rows.length);
    return body;
  }

  /**
   * Headings, stage names and report statuses in the reader's language; numbers and codes stay as a spreadsheet reads
   * them. Recorded as an export.
   */
  async csv(auth: AuthContext, filters: DashboardFilters, language: Language): Promise<Buffer> {
    const { rows } = await this.dashboard(auth, filters);
    const text = DASHBOARD_TEXT[language];
    const body = spreadsheetCsv(
      [text.pathfinder, text.country, text.region, text.initiatives, text.stage, text.daysInStage, text.overdue, text.lastReport, text.reportStatus,
        text.meetings90, text.attendance90, text.lessons, text.measuresImproving, text.measuresConcerning],
      rows.map((row) => [
        row.organisationName, row.countryIso3 ?? '', row.regionCode ?? '', row.initiatives, STAGE_NAMES[language][row.stage], row.daysInStage ?? '',
        row.overdueMilestones, row.lastReport?.title ?? '', row.lastReport ? reportStatusName(row.lastReport.status, language) : '', row.meetingsHeld90,
        row.attendanceRate90 ?? '', row.lessonsPublished, row.measuresImproving, row.measuresConcerning,
      ]),
    );
    await this.exported(auth, filters, 'csv', rows.length);
    return body;
  }

  private exported(auth: AuthContext, filters: DashboardFilters, format: 'csv' | 'pdf', rows: number): Promise<void> {
    return this.events.emit('data.exported', {
      actor: eventActor(auth),
      organisationId: filters.organisationId ?? null,
      dataset: 'cycles_dashboard',
      format,
      target: null,
      rows,
      filters: exportFilters(filters),
    });
  }

  async activity(auth: AuthContext, query: { limit: number; organisationId?: string; region?: string }): Promise<ActivityItem[]> {
    const scope = await this.policy.scope(auth);
    const { region, ...rest } = query;
    // A region is the organisation's (api-organisations'): its organisations' ids, asked for first, filter the feed.
    const inRegion = region ? ((await this.organisations.idsInRegions([region])).get(region) ?? []) : undefined;
    const stored = await this.repo.feed(scope, { ...rest, inRegion });
    // Organisations' and people's names in one batch each; an item whose organisation is gone is left out (as the join did).
    const [organisationNames, names] = await Promise.all([this.organisations.names(stored.map((row) => row.organisation_id)), this.users.names(stored.map((row) => row.actor_id))]);
    const rows = stored.flatMap((row) => {
      const organisationName = organisationNames.get(row.organisation_id);
      return organisationName === undefined ? [] : [{ ...row, organisation_name: organisationName }];
    });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as ActivityItem['kind'],
      at: row.at.toISOString(),
      actorName: nameOf(names, row.actor_id),
      organisationName: row.organisation_name,
      initiativeId: row.initiative_id,
      initiativeTitle: row.initiative_title,
      detail: row.detail,
      fromStage: row.from_stage,
      toStage: row.to_stage,
    }));
  }
}
