import { Injectable } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { ConflictError, distinctIds, EventBus, eventActor, exportFilters, NotFoundError, requireAcceptableFile, sqlFilters, ValidationError, type AuthContext, type UploadedFileData } from '@simashe/api-core';
import { AccessPolicy, OrganisationsService, type AccessScope } from '@simashe/api-organisations';
import { ReportsService } from '@simashe/api-reports';
import { audienceCondition, SearchIndexer, SearchScopes, type SearchScope } from '@simashe/api-search';
import { MAX_FILES_PER_LESSON, type Evidence, type Lesson, type LessonFile, type LessonFilters, type LessonInput, type UpdateLessonRequest } from '@simashe/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { lessonBody, lessonRowsSql, nameLessons, presentLesson, STORED_LESSON_SQL, type LessonRow, type StoredLessonRow } from './lesson.presenter';
import { lessonsCsv, lessonsXlsx } from './lessons-export';

/** Lessons learned: written by an organisation's editors, drafts kept in the organisation until published. */
@Injectable()
export class LessonsService {
  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
    private readonly scopes: SearchScopes,
    private readonly indexer: SearchIndexer,
    private readonly events: EventBus,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly reports: ReportsService,
  ) {}

  async list(auth: AuthContext, filters: LessonFilters, limit = 500): Promise<Lesson[]> {
    const { rows, scope } = await this.readableRows(auth, filters, limit);
    const authors = await this.users.names(rows.map((row) => row.author_id));
    return rows.map((row) => presentLesson(row, authors, scope.can('lesson:update', lessonResource(row))));
  }

  /** The lessons the person may read, with the list's filters applied, as CSV or Excel; recorded as an export. */
  async export(auth: AuthContext, { format, ...filters }: LessonFilters & { format: 'csv' | 'xlsx' }, limit: number): Promise<Buffer> {
    const lessons = await this.list(auth, filters, limit);
    const body = format === 'csv' ? lessonsCsv(lessons) : await lessonsXlsx(lessons);
    await this.events.emit('data.exported', {
      actor: eventActor(auth),
      organisationId: filters.organisationId ?? null,
      dataset: 'lessons',
      format,
      target: null,
      rows: lessons.length,
      filters: exportFilters(filters),
    });
    return body;
  }

  /** The titles of those of `ids` the caller may read, with where the web shows them (one query): for other domains' links. */
  async linkTitles(auth: AuthContext, ids: string[]): Promise<Map<string, { title: string; href: string }>> {
    if (ids.length === 0) return new Map();
    const scope = await this.scopes.scopeFor(auth);
    const params: unknown[] = [...(await this.regionPairs(scope)), [...new Set(ids)]];
    const rows: Array<{ id: string; title: string }> = await this.db.query(
      `SELECT l.id, l.title FROM (${lessonRowsSql('$1', '$2')}) l WHERE l.id = ANY($3::uuid[]) AND ${audienceCondition(scope, params, 'l')}`,
      params,
    );
    return new Map(rows.map((row) => [row.id, { title: row.title, href: `/lessons/${row.id}` }]));
  }

  async get(auth: AuthContext, id: string): Promise<Lesson> {
    return (await this.readable(auth, id)).lesson;
  }

  /**
   * These lessons' titles, authors and the facts the AccessPolicy decides on (`resource`), by id, in one query plus
   * their organisations' regions (unknown ids absent): what other domains (discussions) know of a lesson, without
   * reading `lessons`. Decides nothing.
   */
  async subjects(ids: Iterable<string>): Promise<Map<string, LessonSubject>> {
    const unique = distinctIds(ids);
    if (unique.length === 0) return new Map();
    const rows: Array<{ id: string; title: string; organisation_id: string; status: Lesson['status']; visibility: Lesson['visibility']; author_id: string | null }> =
      await this.db.query('SELECT id, title, organisation_id, status, visibility, author_id FROM lessons WHERE id = ANY($1::uuid[])', [unique]);
    const organisations = await this.organisations.summaries(rows.map((row) => row.organisation_id));
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          title: row.title,
          authorId: row.author_id,
          resource: lessonResource({ ...row, region_code: organisations.get(row.organisation_id)?.regionCode ?? null }),
        },
      ]),
    );
  }

  /** A lesson the caller reads (404 otherwise), with the scope it was read with. */
  private async readable(auth: AuthContext, id: string): Promise<{ lesson: Lesson; scope: AccessScope }> {
    const { rows, scope } = await this.readableRows(auth, {}, 1, id);
    if (!rows[0]) throw new NotFoundError('The lesson');
    const authors = await this.users.names([rows[0].author_id]);
    return { lesson: presentLesson(rows[0], authors, scope.can('lesson:update', lessonResource(rows[0]))), scope };
  }

  /** A lesson the caller reads and, as the policy decides, may change this way (403 with the reason otherwise). */
  private async writable(auth: AuthContext, id: string, action: 'lesson:update' | 'lesson:delete' | 'file:write'): Promise<Lesson> {
    const { lesson, scope } = await this.readable(auth, id);
    scope.requirePermitted(action, { kind: 'lesson', organisationId: lesson.organisationId, regionCode: lesson.regionCode, status: lesson.status, visibility: lesson.visibility });
    return lesson;
  }

  /** For dashboards: published lessons per organisation, in one query. */
  async publishedCounts(organisationIds: string[]): Promise<Map<string, number>> {
    const rows: Array<{ organisation_id: string; count: number }> = await this.db.query(
      `SELECT organisation_id, count(*)::int AS count FROM lessons WHERE organisation_id = ANY($1::uuid[]) AND status = 'published' GROUP BY organisation_id`,
      [organisationIds],
    );
    return new Map(rows.map((row) => [row.organisation_id, row.count]));
  }

  async create(auth: AuthContext, input: LessonInput): Promise<Lesson> {
    await this.requireCreator(auth, input.organisationId);
    await this.checkEvidence(auth, input.evidence);
    const id = await this.db.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO lessons (organisation_id, author_id, title, context, actions, worked, did_not_work, recommendation, determinants, sectors, levels,
                              initiative, cycle_stage, language, visibility, evidence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [input.organisationId, auth.userId, ...this.values(input)],
      );
      await this.reindex(row.id, manager);
      return row.id as string;
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: string, input: UpdateLessonRequest): Promise<Lesson> {
    await this.writable(auth, id, 'lesson:update');
    await this.checkEvidence(auth, input.evidence);
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE lessons SET title = $2, context = $3, actions = $4, worked = $5, did_not_work = $6, recommendation = $7, determinants = $8,
                            sectors = $9, levels = $10, initiative = $11, cycle_stage = $12, language = $13, visibility = $14, evidence = $15,
                            updated_at = now()
         WHERE id = $1`,
        [id, ...this.values(input)],
      );
      await this.reindex(id, manager);
    });
    await this.events.emit('lesson.changed', { lessonId: id });
    return this.get(auth, id);
  }

  async setStatus(auth: AuthContext, id: string, status: Lesson['status']): Promise<Lesson> {
    await this.writable(auth, id, 'lesson:update');
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE lessons SET status = $2::text, published_at = CASE WHEN $2::text = 'published' THEN coalesce(published_at, now()) ELSE published_at END,
                            updated_at = now() WHERE id = $1`,
        [id, status],
      );
      await this.reindex(id, manager);
    });
    await this.events.emit('lesson.changed', { lessonId: id });
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.writable(auth, id, 'lesson:delete');
    await this.db.transaction(async (manager) => {
      await manager.query('DELETE FROM lessons WHERE id = $1', [id]);
      await this.indexer.remove('lesson', id, manager);
    });
    await this.events.emit('lesson.changed', { lessonId: id });
  }

  async addFile(auth: AuthContext, id: string, file: UploadedFileData | undefined): Promise<LessonFile> {
    const lesson = await this.writable(auth, id, 'file:write');
    const upload = requireAcceptableFile(file);
    if (lesson.files.length >= MAX_FILES_PER_LESSON) throw new ConflictError(`A lesson holds at most ${MAX_FILES_PER_LESSON} files; remove one first`);
    const [row] = await this.db.query(
      `INSERT INTO lesson_files (lesson_id, name, content_type, size, data, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, name, content_type, size, created_at`,
      [id, upload.safeName, upload.mimetype, upload.size, upload.buffer, auth.userId],
    );
    return { id: row.id, name: row.name, contentType: row.content_type, size: row.size, createdAt: row.created_at.toISOString() };
  }

  async file(auth: AuthContext, id: string, fileId: string): Promise<{ name: string; contentType: string; data: Buffer }> {
    const lesson = await this.get(auth, id);
    const [row] = await this.db.query('SELECT name, content_type, data FROM lesson_files WHERE id = $1 AND lesson_id = $2', [fileId, id]);
    if (!row) throw new NotFoundError('The file');
    await this.events.emit('file.downloaded', {
      actor: eventActor(auth),
      organisationId: lesson.organisationId,
      fileId,
      fileName: row.name,
      parent: { type: 'lesson', id, title: lesson.title },
      // The lesson's search audience (a draft stays with the members): anything short of the network is restricted.
      restricted: lesson.status === 'draft' || lesson.visibility !== 'network',
    });
    return { name: row.name, contentType: row.content_type, data: row.data };
  }

  async removeFile(auth: AuthContext, id: string, fileId: string): Promise<void> {
    await this.writable(auth, id, 'file:write');
    const [rows] = await this.db.query('DELETE FROM lesson_files WHERE id = $1 AND lesson_id = $2 RETURNING id', [fileId, id]);
    if (rows.length === 0) throw new NotFoundError('The file');
  }

  /** Lessons the person may read, newest first; the same audience rules as search. */
  private async readableRows(auth: AuthContext, filters: LessonFilters, limit: number, id?: string): Promise<{ rows: LessonRow[]; scope: AccessScope }> {
    const scope = await this.scopes.scopeFor(auth);
    const params: unknown[] = await this.regionPairs(scope, filters.region);
    const { conditions, add } = sqlFilters(params);
    conditions.push(audienceCondition(scope, params, 'l'));
    if (id) add('l.id = ?', id);
    if (filters.organisationId) add('l.organisation_id = ?', filters.organisationId);
    if (filters.status) add('l.status = ?', filters.status);
    if (filters.determinant) add('? = ANY(l.determinants)', filters.determinant);
    if (filters.sector) add('? = ANY(l.sectors)', filters.sector);
    if (filters.stage) add('l.cycle_stage = ?', filters.stage);
    if (filters.region) add('l.region_code = ?', filters.region);
    params.push(limit);
    const stored: StoredLessonRow[] = await this.db.query(
      `SELECT * FROM (${lessonRowsSql('$1', '$2')}) l WHERE ${conditions.join(' AND ')} ORDER BY l.updated_at DESC LIMIT $${params.length}`,
      params,
    );
    // Each lesson's organisation's name, region and country: one batch of api-organisations.
    const rows = nameLessons(stored, await this.organisations.summariesWithCountry(stored.map((row) => row.organisation_id)));
    return { rows, scope: scope.access };
  }

  /**
   * The parameters $1 and $2 of `lessonRowsSql`: the organisations of the regions the statement asks about, as
   * (id, region) pairs, in one batch of api-organisations (no query when none is asked about). Those are the caller's
   * regions (lessons for "my region"; not for the secretariat, who reads every region's) and the region filter.
   */
  private async regionPairs(scope: SearchScope, filterRegion?: string): Promise<[string[], string[]]> {
    const byRegion = await this.organisations.idsInRegions([...(scope.secretariat ? [] : scope.regions), filterRegion]);
    const ids: string[] = [];
    const regions: string[] = [];
    for (const [region, organisationIds] of byRegion) {
      for (const id of organisationIds) {
        ids.push(id);
        regions.push(region);
      }
    }
    return [ids, regions];
  }

  private async reindex(id: string, manager: EntityManager): Promise<void> {
    const [row]: Array<StoredLessonRow & { audience: 'members' | Lesson['visibility'] }> = await manager.query(`${STORED_LESSON_SQL} WHERE l.id = $1`, [id]);
    await this.indexer.upsert(
      {
        kind: 'lesson',
        refId: row.id,
        title: row.title,
        body: lessonBody(row),
        language: row.language,
        link: `/lessons/${row.id}`,
        organisationId: row.organisation_id,
        audience: row.audience,
        determinants: row.determinants,
        sectors: row.sectors,
        cycleStage: row.cycle_stage,
        occurredAt: row.published_at ?? row.updated_at,
      },
      manager,
    );
  }

  private values(input: UpdateLessonRequest): unknown[] {
    return [
      input.title, input.context, input.actions, input.worked, input.didNotWork, input.recommendation, input.determinants, input.sectors,
      input.levels, input.initiative, input.cycleStage, input.language, input.visibility, JSON.stringify(input.evidence),
    ];
  }

  /** Evidence may only point at reports and meetings the author can read, so a lesson never leaks their titles. */
  private async checkEvidence(auth: AuthContext, evidence: Evidence[]): Promise<void> {
    const reportIds = evidence.filter((item) => item.kind === 'report').map((item) => item.id);
    // The reports the author may read, as api-reports and the AccessPolicy decide (one query for all of them).
    const [scope, readableReports] = await Promise.all([this.scopes.scopeFor(auth), this.reports.linkTitles(auth, reportIds)]);
    for (const [index, item] of evidence.entries()) {
      if (item.kind === 'report' && !readableReports.has(item.id)) {
        throw new ValidationError('Unknown report in the evidence', [{ path: `evidence.${index}.id`, message: 'No report you can read has this id' }]);
      }
      if (item.kind === 'meeting' && !scope.meetings.includes(item.id)) {
        throw new ValidationError('Unknown meeting in the evidence', [{ path: `evidence.${index}.id`, message: 'No meeting you can see has this id' }]);
      }
    }
  }

  /** Writing a new lesson: the organisation must be visible (404 otherwise), then the policy decides (403 with the reason). */
  private async requireCreator(auth: AuthContext, organisationId: string): Promise<void> {
    const scope = await this.policy.scope(auth);
    scope.require('organisation:read', { kind: 'organisation', organisationId });
    scope.requirePermitted('lesson:create', { kind: 'lesson', organisationId, regionCode: null, status: 'draft', visibility: 'organisation' });
  }
}

/** A lesson as other domains know it: its title, author and what its access is decided on. */
export interface LessonSubject {
  id: string;
  title: string;
  authorId: string | null;
  resource: ReturnType<typeof lessonResource>;
}

/** A lesson as the AccessPolicy decides on it. */
function lessonResource(row: Pick<LessonRow, 'organisation_id' | 'region_code' | 'status' | 'visibility'>) {
  return { kind: 'lesson' as const, organisationId: row.organisation_id, regionCode: row.region_code, status: row.status, visibility: row.visibility };
}
