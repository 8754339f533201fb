import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DocumentAccessRegistry, DocumentStore, VersionsService } from '@simashe/api-collaboration';
import { ConflictError, EventBus, eventActor, NotFoundError, sqlFilters, ValidationError, type AuthContext } from '@simashe/api-core';
import { NotificationsService } from '@simashe/api-notifications';
import { AccessPolicy, type AccessScope } from '@simashe/api-organisations';
import {
  REPORT_DOCUMENT_FIELD,
  type CreateReportRequest,
  type ListReportsQuery,
  type Report,
  type ReportStatus,
  type ReportTemplate,
  type SaveAsTemplateRequest,
  type UpdateReportRequest,
  type Version,
  type VersionContent,
} from '@simashe/contracts';
import { reportSchema } from '@simashe/editor';
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { ReportAccess, reportPermissions, reportResource, type ReportFacts } from './report-access';
import { ReportSearch } from './report-search';
import { presentReport, REPORT_ROW_SQL, type ReportRow } from './report.presenter';

const REPORTING_KINDS = ['country_pathfinder', 'core_partner'];

/** Allowed workflow moves; reopening a submitted report is for admins only. */
const TRANSITIONS: Record<ReportStatus, ReportStatus[]> = {
  draft: ['in_review', 'submitted'],
  in_review: ['draft', 'submitted'],
  submitted: ['draft', 'in_review'],
};

function facts(row: ReportRow): ReportFacts {
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
  ) {}

  onModuleInit(): void {
    this.registry.register('report', async (auth, documentId) => {
      const row = await this.row(documentId);
      if (!row) return null;
      return (await this.access.permissions(auth, facts(row)))?.access ?? null;
    });
  }

  async list(auth: AuthContext, query: ListReportsQuery): Promise<Report[]> {
    const scope = await this.policy.scope(auth);
    const ids = scope.readableOrganisationIds.filter((id) => !query.organisationId || id === query.organisationId);
    if (ids.length === 0) return [];
    const params: unknown[] = [ids];
    const { conditions, add } = sqlFilters(params, ['r.organisation_id = ANY($1::uuid[])']);
    if (query.region) add('o.region_code = ?', query.region);
    if (query.status) add('r.status = ?', query.status);
    if (query.year) {
      params.push(query.year);
      const year = `$${params.length}::int`;
      conditions.push(`r.period_start <= make_date(${year}, 12, 31) AND r.period_end >= make_date(${year}, 1, 1)`);
    }
    conditions.push(query.archived === 'true' ? 'r.archived_at IS NOT NULL' : 'r.archived_at IS NULL');
    const rows: ReportRow[] = await this.db.query(
      `${REPORT_ROW_SQL} WHERE ${conditions.join(' AND ')} ORDER BY r.period_end DESC, r.updated_at DESC LIMIT 500`,
      params,
    );
    return rows.map((row) => presentReport(row, reportPermissions(scope, facts(row))));
  }

  /** The report's facts and the caller's access scope, once the caller may read it (404 otherwise): for the policy's questions. */
  async accessTo(auth: AuthContext, reportId: string): Promise<{ scope: AccessScope; facts: ReportFacts }> {
    const { row, permissions } = await this.readable(auth, reportId);
    return { scope: permissions.scope, facts: facts(row) };
  }

  async get(auth: AuthContext, reportId: string): Promise<Report> {
    const { row, permissions } = await this.readable(auth, reportId);
    return presentReport(row, permissions);
  }

  async create(auth: AuthContext, input: CreateReportRequest): Promise<Report> {
    await this.policy.require(auth, 'report:create', { kind: 'report', organisationId: input.organisationId, status: 'draft', archived: false }, 'The organisation');
    const [organisation] = await this.db.query('SELECT kind FROM organisations WHERE id = $1', [input.organisationId]);
    if (!REPORTING_KINDS.includes(organisation.kind)) {
      throw new ValidationError('Reports belong to a country pathfinder or a core partner', [
        { path: 'organisationId', message: 'This organisation does not write progress reports' },
      ]);
    }
    const [template] = await this.db.query(
      'SELECT content FROM report_templates WHERE id = $1 AND (built_in OR organisation_id = $2)',
      [input.templateId, input.organisationId],
    );
    if (!template) throw new NotFoundError('The template');
    // The first state is built here, on the server, so joining clients never seed (and duplicate) it.
    const initial = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(reportSchema(), template.content, REPORT_DOCUMENT_FIELD));
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

  async changeStatus(auth: AuthContext, reportId: string, status: ReportStatus): Promise<Report> {
    const { row, permissions } = await this.readable(auth, reportId);
    const resource = reportResource(facts(row));
    // Reopening a submitted report is managing it (the organisation's admins, secretariat admins); any other move
    // through review is writing it.
    const reopening = row.status === 'submitted' && status !== 'submitted';
    permissions.scope.require(reopening ? 'report:manage' : 'report:update', resource);
    if (row.archived_at) throw new ConflictError('This report is archived; restore it first');
    if (row.status === status) return this.get(auth, reportId);
    if (!TRANSITIONS[row.status].includes(status)) throw new ConflictError(`A ${row.status} report cannot become ${status}`);
    // Conditional update: two people moving the same report at once cannot both succeed from the same state.
    const result = await this.db.query('UPDATE reports SET status = $3, updated_at = now() WHERE id = $1 AND status = $2', [
      reportId,
      row.status,
      status,
    ]);
    if (result[1] === 0) throw new ConflictError('The report changed meanwhile; reload and try again');
    this.registry.accessChanged({ kind: 'report', documentId: reportId });
    const report = { actor: eventActor(auth), organisationId: row.organisation_id, reportId, title: row.title };
    if (status === 'submitted') {
      await this.events.emit('report.submitted', { ...report, from: row.status });
      await this.announceSubmission(auth, row);
    }
    if (row.status === 'submitted') await this.events.emit('report.reopened', { ...report, to: status });
    return this.get(auth, reportId);
  }

  /** The WHO regional office of the report's region tracks its countries' progress: its members hear of each submission. */
  private async announceSubmission(auth: AuthContext, row: ReportRow): Promise<void> {
    const officers: Array<{ user_id: string }> = await this.db.query(
      `SELECT DISTINCT m.user_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id
       WHERE o.kind = 'who_regional_office' AND o.region_code = $1 AND m.user_id <> $2`,
      [row.region_code, auth.userId],
    );
    for (const { user_id: userId } of officers) {
      await this.notifications.notify(userId, {
        kind: 'report_submitted',
        title: `${row.organisation_name} submitted “${row.title}”`,
        body: `Period ${row.period_start} – ${row.period_end}`,
        link: `/reports/${row.id}`,
      });
    }
  }

  async setArchived(auth: AuthContext, reportId: string, archived: boolean): Promise<Report> {
    const { row, permissions } = await this.readable(auth, reportId);
    permissions.scope.require('report:manage', reportResource(facts(row)));
    await this.db.query(`UPDATE reports SET archived_at = ${archived ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1`, [reportId]);
    this.registry.accessChanged({ kind: 'report', documentId: reportId });
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
    const rows: Array<{ id: string; name: string; description: string; organisation_id: string | null; built_in: boolean }> =
      await this.db.query(
        `SELECT id, name, description, organisation_id, built_in FROM report_templates
         WHERE built_in OR organisation_id = $1 ORDER BY built_in DESC, name`,
        [organisationId ?? null],
      );
    return rows.map((t) => ({ id: t.id, name: t.name, description: t.description, organisationId: t.organisation_id, builtIn: t.built_in }));
  }

  async saveAsTemplate(auth: AuthContext, reportId: string, input: SaveAsTemplateRequest): Promise<ReportTemplate> {
    const { row, permissions } = await this.readable(auth, reportId);
    permissions.scope.require('report:manage', reportResource(facts(row)));
    const { doc } = await this.store.load(reportId);
    const content = yDocToProsemirrorJSON(doc, REPORT_DOCUMENT_FIELD);
    reportSchema().nodeFromJSON(content).check();
    const [saved] = await this.db.query(
      `INSERT INTO report_templates (name, description, content, organisation_id, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, name, description, organisation_id`,
      [input.name, input.description, JSON.stringify(content), row.organisation_id, auth.userId],
    );
    return { id: saved.id, name: saved.name, description: saved.description, organisationId: saved.organisation_id, builtIn: false };
  }

  async listVersions(auth: AuthContext, reportId: string): Promise<Version[]> {
    await this.readable(auth, reportId);
    return this.versions.list(reportId);
  }

  async versionContent(auth: AuthContext, reportId: string, versionId: string): Promise<VersionContent> {
    await this.readable(auth, reportId);
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
    const { row, permissions } = await this.readable(auth, reportId);
    // The report's state first (409), then who may (403).
    this.assertOpen(row);
    permissions.scope.require(action, reportResource(facts(row)));
  }

  private async row(reportId: string): Promise<ReportRow | undefined> {
    const [row] = await this.db.query(`${REPORT_ROW_SQL} WHERE r.id = $1`, [reportId]);
    return row;
  }

  private async readable(auth: AuthContext, reportId: string) {
    const row = await this.row(reportId);
    const permissions = row ? await this.access.permissions(auth, facts(row)) : null;
    if (!row || !permissions) throw this.access.notFound();
    return { row, permissions };
  }

  private assertOpen(row: ReportRow): void {
    if (row.archived_at) throw new ConflictError('This report is archived; restore it first');
    if (row.status === 'submitted') throw new ConflictError('A submitted report is read-only until an admin reopens it');
  }
}
