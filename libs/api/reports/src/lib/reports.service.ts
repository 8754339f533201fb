import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DocumentAccessRegistry, DocumentStore, VersionsService } from '@simashe/api-collaboration';
import { UsersService } from '@simashe/api-accounts';
import { ConflictError, distinctIds, EventBus, eventActor, NotFoundError, PreparedStatements, sqlFilters, ValidationError, type AuthContext } from '@simashe/api-core';
import { NotificationsService } from '@simashe/api-notifications';
import { AccessPolicy, OrganisationsService, type AccessScope, type OrganisationSummary } from '@simashe/api-organisations';
import {
  type BuiltInTemplateKey,
  REPORT_DOCUMENT_FIELD,
  type CreateReportRequest,
  type ListReportsQuery,
  type Report,
  type ReportList,
  type ReviewerCandidate,
  type SubmissionNotice,
  type ReportStatus,
  type ReportTemplate,
  type SaveAsTemplateRequest,
  type UpdateReportRequest,
  type Version,
  type VersionContent,
} from '@simashe/contracts';
import { reportSchema, withoutImages, type ProseMirrorJson } from '@simashe/editor';
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { localizeTemplate } from './built-in-templates';
import { ReportAccess, reportPermissions, reportResource, type ReportFacts } from './report-access';
import { ReportSearch } from './report-search';
import { nameReportRows, presentReport, REPORT_ROW_SQL, reportPeopleIds, type ReportRow, type StoredReportRow } from './report.presenter';

const REPORTING_KINDS = ['country_pathfinder', 'core_partner'];

/** Allowed workflow moves; reopening a submitted report is for admins only. */
const TRANSITIONS: Record<ReportStatus, ReportStatus[]> = {
  draft: ['in_review', 'submitted'],
  in_review: ['draft', 'submitted'],
  submitted: ['draft', 'in_review'],
};

/** A report as other domains know it: its title and what its access is decided on. */
export interface ReportSubject {
  id: string;
  title: string;
  facts: ReportFacts;
}

function facts(row: StoredReportRow): ReportFacts {
  return { organisationId: row.organisation_id, status: row.status, archived: row.archived_at !== null };
}

@Injectable()
export class ReportsService implements OnModuleInit {
  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
    private readonly access: ReportAccess,
    private readonly store: DocumentStore,
    private readonly registry: DocumentAccessRegistry,
    private readonly versions: VersionsService,
    private readonly search: ReportSearch,
    private readonly notifications: NotificationsService,
    private readonly events: EventBus,
    private readonly prepared: PreparedStatements,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  onModuleInit(): void {
    // "Last edited" sorts and shows without reading api-collaboration's versions: the report keeps when its text last
    // got one (awaited: a list read right after the save sees it).
    this.events.on('document.version_saved', async ({ document, savedAt }) => {
      if (document.kind !== 'report') return;
      // The version's own time, never moved back (the same as the migration's backfill: the latest version's).
      await this.db.query('UPDATE reports SET last_version_at = GREATEST(last_version_at, $2::timestamptz) WHERE id = $1', [document.documentId, savedAt]);
    });
    this.registry.register('report', async (auth, documentId) => {
      const row = await this.storedRow(documentId);
      if (!row) return null;
      return (await this.access.permissions(auth, facts(row)))?.access ?? null;
    });
  }

  async list(auth: AuthContext, query: ListReportsQuery): Promise<ReportList> {
    const scope = await this.policy.scope(auth);
    let ids = scope.readableOrganisationIds.filter((id) => !query.organisationId || id === query.organisationId);
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    if (ids.length === 0) return empty;
    // Regions and names are api-organisations' (never joined here): the readable organisations' are asked of it in one
    // batch when the list filters or sorts by them, and serve the rows as well; else only the page's are asked.
    const summaries = query.region || query.sort === 'organisation' ? await this.organisations.summaries(ids) : undefined;
    if (query.region) {
      ids = ids.filter((id) => summaries?.get(id)?.regionCode === query.region);
      if (ids.length === 0) return empty;
    }
    const params: unknown[] = [ids];
    const { conditions, add } = sqlFilters(params, ['r.organisation_id = ANY($1::uuid[])']);
    if (query.status) add('r.status = ?', query.status);
    if (query.year) {
      params.push(query.year);
      const year = `$${params.length}::int`;
      conditions.push(`r.period_start <= make_date(${year}, 12, 31) AND r.period_end >= make_date(${year}, 1, 1)`);
    }
    if (query.toReview === 'true') {
      add(`r.status = 'in_review' AND EXISTS (SELECT 1 FROM report_reviews rr WHERE rr.report_id = r.id AND rr.reviewer_id = ? AND rr.completed_at IS NULL)`, auth.userId);
    }
    conditions.push(query.archived === 'true' ? 'r.archived_at IS NOT NULL' : 'r.archived_at IS NULL');
    const where = conditions.join(' AND ');
    const filterParams = [...params];
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    // Sorting by a name: the names, from their owners, are handed to the statement as (id, name) pairs and joined
    // as `sort_name`, so PostgreSQL still sorts (lower(), its collation, ties by id) and pages as before.
    let sortNames: Map<string, string> | undefined;
    if (query.sort === 'organisation') {
      sortNames = new Map(ids.flatMap((id): Array<[string, string]> => {
        const organisation = summaries?.get(id);
        return organisation ? [[id, organisation.name]] : [];
      }));
    } else if (query.sort === 'author') {
      // The listed reports' authors first (one query over `reports`), then their names (one batch of api-accounts).
      const authors: Array<{ created_by: string }> = await this.db.query(`SELECT DISTINCT r.created_by FROM reports r WHERE ${where} AND r.created_by IS NOT NULL`, filterParams);
      sortNames = await this.users.names(authors.map((author) => author.created_by));
    }
    let sortJoin = '';
    if (sortNames) {
      params.push([...sortNames.keys()], [...sortNames.values()]);
      // An organisation that is gone leaves its reports out (the join on `organisations` did); an author who is gone sorts last.
      sortJoin = `${query.sort === 'organisation' ? 'JOIN' : 'LEFT JOIN'} unnest($${params.length - 1}::uuid[], $${params.length}::text[]) AS sort_name (id, name)
       ON sort_name.id = r0.${query.sort === 'organisation' ? 'organisation_id' : 'created_by'}`;
    }
    // Over the listed rows (r0), so the computed column (last edited) sorts like the stored ones.
    const orderBy = {
      period: `r0.period_end ${direction}, r0.updated_at DESC`,
      lastEdited: `r0.last_edited_at ${direction}`,
      title: `lower(r0.title) ${direction}`,
      status: `r0.status ${direction}`,
      organisation: `lower(sort_name.name) ${direction}`,
      author: `lower(sort_name.name) ${direction} NULLS LAST`,
    }[query.sort];
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    // The total rides on the page's rows; only a page past the end asks for it on its own.
    const stored = await this.prepared.query<StoredReportRow & { total: number }>(
      `SELECT r0.*, count(*) OVER ()::int AS total FROM (${REPORT_ROW_SQL} WHERE ${where}) r0 ${sortJoin}
       ORDER BY ${orderBy}, r0.id
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total =
      stored[0]?.total ??
      (query.page === 1 ? 0 : (await this.db.query(`SELECT count(*)::int AS total FROM reports r WHERE ${where}`, filterParams))[0].total);
    const rows = await this.named(stored, summaries);
    return { items: rows.map((row) => presentReport(row, reportPermissions(scope, facts(row)))), total, page: query.page, pageSize: query.pageSize };
  }

  /** The report's facts and the caller's access scope, once the caller may read it (404 otherwise): for the policy's questions. */
  async accessTo(auth: AuthContext, reportId: string): Promise<{ scope: AccessScope; facts: ReportFacts }> {
    const { row, permissions } = await this.readableStored(auth, reportId);
    return { scope: permissions.scope, facts: facts(row) };
  }

  /** The titles of those of `ids` the caller may read, with where the web shows them (one query): for other domains' links. */
  async linkTitles(auth: AuthContext, ids: string[]): Promise<Map<string, { title: string; href: string }>> {
    if (ids.length === 0) return new Map();
    const [scope, subjects] = await Promise.all([this.policy.scope(auth), this.subjects(ids)]);
    return new Map(
      [...subjects.values()]
        .filter((subject) => scope.can('report:read', reportResource(subject.facts)))
        .map((subject) => [subject.id, { title: subject.title, href: `/reports/${subject.id}` }]),
    );
  }

  /**
   * These reports' titles and the facts the AccessPolicy decides on, by id, in one query (unknown ids absent): what
   * other domains (discussions, lessons' evidence) know of a report, without reading `reports`. Decides nothing.
   */
  async subjects(ids: Iterable<string>): Promise<Map<string, ReportSubject>> {
    const unique = distinctIds(ids);
    if (unique.length === 0) return new Map();
    const rows: Array<{ id: string; title: string; organisation_id: string; status: ReportStatus; archived: boolean }> = await this.db.query(
      `SELECT id, title, organisation_id, status, archived_at IS NOT NULL AS archived FROM reports WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, title: row.title, facts: { organisationId: row.organisation_id, status: row.status, archived: row.archived } }]));
  }

  async get(auth: AuthContext, reportId: string): Promise<Report> {
    const { row, permissions } = await this.readable(auth, reportId);
    return presentReport(row, permissions);
  }

  async create(auth: AuthContext, input: CreateReportRequest): Promise<Report> {
    await this.policy.require(auth, 'report:create', { kind: 'report', organisationId: input.organisationId, status: 'draft', archived: false }, 'The organisation');
    const organisation = (await this.organisations.summaries([input.organisationId])).get(input.organisationId);
    // The policy has answered 404 for an organisation that does not exist; this is for one deleted meanwhile.
    if (!organisation) throw new NotFoundError('The organisation');
    if (!REPORTING_KINDS.includes(organisation.kind)) {
      throw new ValidationError('Reports belong to a country pathfinder or a core partner', [
        { path: 'organisationId', message: 'This organisation does not write progress reports' },
      ]);
    }
    const [template] = await this.db.query(
      `SELECT t.content, t.key FROM report_templates t
       WHERE t.id = $1 AND (t.built_in OR t.organisation_id = $2)`,
      [input.templateId, input.organisationId],
    );
    if (!template) throw new NotFoundError('The template');
    // The first state is built here, on the server, so joining clients never seed (and duplicate) it; a built-in
    // template's headings are written in the creator's profile language (api-accounts knows it).
    const creator = (await this.users.people([auth.userId])).get(auth.userId);
    const content = localizeTemplate(template.key, template.content, creator?.preferredLanguage ?? 'en');
    const initial = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(reportSchema(), content, REPORT_DOCUMENT_FIELD));
    const reportId = await this.db.transaction(async (manager) => {
      const [created] = await manager.query(
        `INSERT INTO reports (organisation_id, title, period_start, period_end, template_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.organisationId, input.title, input.periodStart, input.periodEnd, input.templateId, auth.userId],
      );
      await this.store.create(created.id, initial, manager);
      return created.id as string;
    });
    await this.search.reindex(reportId);
    return this.get(auth, reportId);
  }

  async update(auth: AuthContext, reportId: string, changes: UpdateReportRequest): Promise<Report> {
    const { row, permissions } = await this.readable(auth, reportId);
    permissions.scope.require('report:update', reportResource(facts(row)));
    this.assertOpen(row);
    const periodStart = changes.periodStart ?? row.period_start;
    const periodEnd = changes.periodEnd ?? row.period_end;
    if (periodEnd < periodStart) {
      throw new ValidationError('The period must end on or after its start', [{ path: 'periodEnd', message: 'Ends before it starts' }]);
    }
    await this.db.query('UPDATE reports SET title = $2, period_start = $3, period_end = $4, updated_at = now() WHERE id = $1', [
      reportId,
      changes.title ?? row.title,
      periodStart,
      periodEnd,
    ]);
    await this.search.reindex(reportId);
    return this.get(auth, reportId);
  }

  async changeStatus(auth: AuthContext, reportId: string, status: ReportStatus, reviewerIds: string[] = []): Promise<Report> {
    const { row, permissions } = await this.readable(auth, reportId);
    const resource = reportResource(facts(row));
    // Reopening a submitted report is managing it (the organisation's admins, secretariat admins); any other move
    // through review is writing it.
    const reopening = row.status === 'submitted' && status !== 'submitted';
    permissions.scope.require(reopening ? 'report:manage' : 'report:update', resource);
    if (row.archived_at) throw new ConflictError('This report is archived; restore it first');
    if (reviewerIds.length > 0 && status !== 'in_review') {
      throw new ValidationError('Reviewers are asked only when sending a report to review', [{ path: 'reviewerIds', message: 'Only with the status in_review' }]);
    }
    const reviewers = await this.checkReviewers(auth, row, [...new Set(reviewerIds)]);
    if (row.status === status && reviewers.length === 0) return this.get(auth, reportId);
    if (row.status !== status && !TRANSITIONS[row.status].includes(status)) throw new ConflictError(`A ${row.status} report cannot become ${status}`);
    // Conditional update: two people moving the same report at once cannot both succeed from the same state.
    const result = await this.db.query('UPDATE reports SET status = $3, updated_at = now() WHERE id = $1 AND status = $2', [
      reportId,
      row.status,
      status,
    ]);
    if (result[1] === 0) throw new ConflictError('The report changed meanwhile; reload and try again');
    // Leaving review completes its reviews; asking reviewers (again) adds them and tells them.
    if (status !== 'in_review') await this.db.query('UPDATE report_reviews SET completed_at = now() WHERE report_id = $1 AND completed_at IS NULL', [reportId]);
    if (reviewers.length > 0) await this.askReviewers(auth, row, reviewers);
    void this.registry.accessChanged({ kind: 'report', documentId: reportId });
    const report = { actor: eventActor(auth), organisationId: row.organisation_id, reportId, title: row.title };
    if (status === 'submitted') {
      await this.events.emit('report.submitted', { ...report, from: row.status });
      await this.announceSubmission(auth, row);
    }
    if (row.status === 'submitted') await this.events.emit('report.reopened', { ...report, to: status });
    return this.get(auth, reportId);
  }

  /** Reviewers must be people who may read the report (and not the one asking): 400 naming who cannot. */
  private async checkReviewers(auth: AuthContext, row: ReportRow, reviewerIds: string[]): Promise<Array<{ id: string; name: string }>> {
    if (reviewerIds.length === 0) return [];
    const names = await this.users.names(reviewerIds);
    const unknown = reviewerIds.filter((id) => !names.has(id));
    if (unknown.length > 0) throw new ValidationError('Some reviewers were not found', [{ path: 'reviewerIds', message: `No such person: ${unknown.join(', ')}` }]);
    if (reviewerIds.includes(auth.userId)) throw new ValidationError('Ask someone else to review the report', [{ path: 'reviewerIds', message: 'You cannot review your own request' }]);
    const people = reviewerIds.map((id) => ({ id, name: names.get(id) as string }));
    const resource = reportResource(facts(row));
    const blind: string[] = [];
    for (const person of people) {
      if (!(await this.policy.scope({ userId: person.id } as AuthContext)).can('report:read', resource)) blind.push(person.name);
    }
    if (blind.length > 0) {
      throw new ValidationError(`${blind.join(', ')} cannot read this report, so cannot review it`, [{ path: 'reviewerIds', message: 'Cannot read this report' }]);
    }
    return people;
  }

  private async askReviewers(auth: AuthContext, row: ReportRow, reviewers: Array<{ id: string; name: string }>): Promise<void> {
    await this.db.query(
      `INSERT INTO report_reviews (report_id, reviewer_id, requested_by) SELECT $1, unnest($2::uuid[]), $3
       ON CONFLICT (report_id, reviewer_id) DO UPDATE SET requested_at = now(), requested_by = EXCLUDED.requested_by, completed_at = NULL`,
      [row.id, reviewers.map((reviewer) => reviewer.id), auth.userId],
    );
    const asker = await this.users.name(auth.userId);
    for (const reviewer of reviewers) {
      await this.notifications.notify(reviewer.id, {
        kind: 'review_requested',
        title: `${asker ?? 'A colleague'} asked you to review “${row.title}”`,
        body: `${row.organisation_name}, period ${row.period_start} – ${row.period_end}`,
        link: `/reports/${row.id}`,
        message: {
          key: 'reviewRequested',
          params: { name: asker ?? '', report: row.title, organisation: row.organisation_name, periodStart: String(row.period_start), periodEnd: String(row.period_end) },
        },
      });
    }
  }

  /** People who may be asked to review: members of the report's organisation and of its region's WHO office. */
  async reviewerCandidates(auth: AuthContext, reportId: string): Promise<ReviewerCandidate[]> {
    const { row, permissions } = await this.readable(auth, reportId);
    permissions.scope.require('report:update', reportResource(facts(row)));
    // Memberships and offices are api-organisations', names api-accounts': three batch lookups, no join.
    const offices = await this.organisations.ofKindInRegion('who_regional_office', row.region_code);
    const organisationNames = new Map([[row.organisation_id, row.organisation_name], ...offices.map((office): [string, string] => [office.id, office.name])]);
    // Each person once, under the report's own organisation when they belong to it; never the one asking.
    const homes = new Map<string, string>();
    for (const { organisationId, userId } of await this.organisations.memberships(organisationNames.keys())) {
      if (userId !== auth.userId && (!homes.has(userId) || organisationId === row.organisation_id)) homes.set(userId, organisationId);
    }
    const names = await this.users.names(homes.keys());
    return [...homes]
      .filter(([userId]) => names.has(userId))
      .map(([userId, organisationId]) => ({ id: userId, name: names.get(userId) as string, organisationName: organisationNames.get(organisationId) as string }))
      .sort((a, b) => a.organisationName.localeCompare(b.organisationName) || a.name.localeCompare(b.name));
  }

  /** Who will hear of the report's submission (see announceSubmission), for the confirmation before it. */
  async submissionNotice(auth: AuthContext, reportId: string): Promise<SubmissionNotice> {
    const { row, permissions } = await this.readable(auth, reportId);
    permissions.scope.require('report:update', reportResource(facts(row)));
    // The region's offices by name (api-organisations sorts them), each with its members but the caller counted
    // once; an office nobody belongs to says 0.
    const offices = await this.organisations.ofKindInRegion('who_regional_office', row.region_code);
    const officeNames = new Map(offices.map((office) => [office.id, office.name]));
    const people = new Map(offices.map((office) => [office.name, new Set<string>()]));
    for (const { organisationId, userId } of await this.organisations.memberships(officeNames.keys())) {
      if (userId !== auth.userId) people.get(officeNames.get(organisationId) as string)?.add(userId);
    }
    return { recipients: [...people].map(([organisationName, members]) => ({ organisationName, people: members.size })) };
  }

  /** The WHO regional office of the report's region tracks its countries' progress: its members hear of each submission. */
  private async announceSubmission(auth: AuthContext, row: ReportRow): Promise<void> {
    const officers = (await this.organisations.memberIdsInRegions([row.region_code], ['who_regional_office'])).filter((userId) => userId !== auth.userId);
    for (const userId of officers) {
      await this.notifications.notify(userId, {
        kind: 'report_submitted',
        title: `${row.organisation_name} submitted “${row.title}”`,
        body: `Period ${row.period_start} – ${row.period_end}`,
        link: `/reports/${row.id}`,
        message: { key: 'reportSubmitted', params: { report: row.title, organisation: row.organisation_name, periodStart: String(row.period_start), periodEnd: String(row.period_end) } },
      });
    }
  }

  async setArchived(auth: AuthContext, reportId: string, archived: boolean): Promise<Report> {
    const { row, permissions } = await this.readableStored(auth, reportId);
    permissions.scope.require('report:manage', reportResource(facts(row)));
    await this.db.query(`UPDATE reports SET archived_at = ${archived ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1`, [reportId]);
    void this.registry.accessChanged({ kind: 'report', documentId: reportId });
    return this.get(auth, reportId);
  }

  /** For dashboards: each organisation's most recently updated report (archived ones aside), in one query. */
  async latestByOrganisation(organisationIds: string[]): Promise<Map<string, { id: string; title: string; status: ReportStatus; updatedAt: string }>> {
    const rows: Array<{ organisation_id: string; id: string; title: string; status: ReportStatus; updated_at: Date }> = await this.db.query(
      `SELECT DISTINCT ON (organisation_id) organisation_id, id, title, status, updated_at FROM reports
       WHERE organisation_id = ANY($1::uuid[]) AND archived_at IS NULL ORDER BY organisation_id, updated_at DESC`,
      [organisationIds],
    );
    return new Map(rows.map((row) => [row.organisation_id, { id: row.id, title: row.title, status: row.status, updatedAt: row.updated_at.toISOString() }]));
  }

  async templates(auth: AuthContext, organisationId: string | undefined): Promise<ReportTemplate[]> {
    if (organisationId) await this.policy.requireAccess(auth, 'organisation:read', organisationId);
    const rows: Array<{ id: string; name: string; description: string; organisation_id: string | null; built_in: boolean; key: BuiltInTemplateKey | null }> =
      await this.db.query(
        `SELECT id, name, description, organisation_id, built_in, key FROM report_templates
         WHERE built_in OR organisation_id = $1 ORDER BY built_in DESC, name`,
        [organisationId ?? null],
      );
    return rows.map((t) => ({ id: t.id, name: t.name, description: t.description, organisationId: t.organisation_id, builtIn: t.built_in, key: t.key }));
  }

  async saveAsTemplate(auth: AuthContext, reportId: string, input: SaveAsTemplateRequest): Promise<ReportTemplate> {
    const { row, permissions } = await this.readableStored(auth, reportId);
    permissions.scope.require('report:manage', reportResource(facts(row)));
    const { doc } = await this.store.load(reportId);
    // A template keeps no images: they live in this report's store, which reports made from it could not read.
    const content = withoutImages(yDocToProsemirrorJSON(doc, REPORT_DOCUMENT_FIELD) as ProseMirrorJson);
    reportSchema().nodeFromJSON(content).check();
    const [saved] = await this.db.query(
      `INSERT INTO report_templates (name, description, content, organisation_id, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, name, description, organisation_id`,
      [input.name, input.description, JSON.stringify(content), row.organisation_id, auth.userId],
    );
    return { id: saved.id, name: saved.name, description: saved.description, organisationId: saved.organisation_id, builtIn: false, key: null };
  }

  async listVersions(auth: AuthContext, reportId: string): Promise<Version[]> {
    await this.readableStored(auth, reportId);
    return this.versions.list(reportId);
  }

  async versionContent(auth: AuthContext, reportId: string, versionId: string): Promise<VersionContent> {
    await this.readableStored(auth, reportId);
    return this.versions.content(reportId, versionId);
  }

  async saveVersion(auth: AuthContext, reportId: string, name: string): Promise<Version> {
    await this.requireEditable(auth, reportId, 'version:create');
    return this.versions.saveNamed({ kind: 'report', documentId: reportId }, name, auth.userId);
  }

  async restoreVersion(auth: AuthContext, reportId: string, versionId: string): Promise<Version> {
    await this.requireEditable(auth, reportId, 'version:restore');
    return this.versions.restore({ kind: 'report', documentId: reportId }, versionId, auth.userId);
  }

  private async requireEditable(auth: AuthContext, reportId: string, action: 'version:create' | 'version:restore'): Promise<void> {
    const { row, permissions } = await this.readableStored(auth, reportId);
    // The report's state first (409), then who may (403).
    this.assertOpen(row);
    permissions.scope.require(action, reportResource(facts(row)));
  }

  private async storedRow(reportId: string): Promise<StoredReportRow | undefined> {
    const [row] = await this.db.query(`${REPORT_ROW_SQL} WHERE r.id = $1`, [reportId]);
    return row;
  }

  /**
   * Names stored rows through their owners: one batch of api-organisations (unless the caller has the summaries
   * already) and one of api-accounts, however many rows.
   */
  private async named(rows: StoredReportRow[], summaries?: Map<string, OrganisationSummary>): Promise<ReportRow[]> {
    if (rows.length === 0) return [];
    const [organisations, people] = await Promise.all([
      summaries ?? this.organisations.summaries(rows.map((row) => row.organisation_id)),
      this.users.names(reportPeopleIds(rows)),
    ]);
    return nameReportRows(rows, organisations, people);
  }

  /** The report as stored, once the caller may read it (404 otherwise): for what needs only its facts, not names. */
  private async readableStored(auth: AuthContext, reportId: string) {
    const row = await this.storedRow(reportId);
    const permissions = row ? await this.access.permissions(auth, facts(row)) : null;
    if (!row || !permissions) throw this.access.notFound();
    return { row, permissions };
  }

  /** The report with its names and region, once the caller may read it (404 otherwise). */
  private async readable(auth: AuthContext, reportId: string) {
    const { row: stored, permissions } = await this.readableStored(auth, reportId);
    const [row] = await this.named([stored]);
    // Its organisation gone meanwhile: as when the join on `organisations` found no row.
    if (!row) throw this.access.notFound();
    return { row, permissions };
  }

  private assertOpen(row: StoredReportRow): void {
    if (row.archived_at) throw new ConflictError('This report is archived; restore it first');
    if (row.status === 'submitted') throw new ConflictError('A submitted report is read-only until an admin reopens it');
  }
}
