import { Injectable } from '@nestjs/common';
import { EventBus, eventActor, exportFilters, spreadsheetCsv, type AuthContext } from '@simashe/api-core';
import { AccessPolicy, OrganisationsService, type AuditScope } from '@simashe/api-organisations';
import type { AuditFilters, AuditPage, AuditQuery, AuditScopeResponse } from '@simashe/contracts';
import { DateTime } from 'luxon';
import { AUDIT_CSV_HEADER, auditCsvRow, decodeCursor, encodeCursor, presentAuditEntry } from './audit.presenter';
import { AuditRepository, type AuditListFilters } from './audit.repository';

const startOfDay = (date: string, zone: string, plusDays = 0) =>
  DateTime.fromISO(date, { zone }).plus({ days: plusDays }).startOf('day').toUTC().toISO() as string;

/** The most rows one CSV download holds (the newest matching entries). */
export const AUDIT_CSV_LIMIT = 10_000;

/** Reading the audit log; who may read which entries is the AccessPolicy's decision ('audit:read'). */
@Injectable()
export class AuditService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly organisations: OrganisationsService,
    private readonly repository: AuditRepository,
    private readonly events: EventBus,
  ) {}

  /** Whether to offer the log at all, and which organisations to offer as a filter. */
  async scope(auth: AuthContext): Promise<AuditScopeResponse> {
    const scope = await this.policy.auditScope(auth);
    if (!scope) return { canRead: false, network: false, organisations: [] };
    const organisations = scope.network ? (await this.organisations.directory()).map(({ id, name }) => ({ id, name })) : scope.organisations;
    return { canRead: true, network: scope.network, organisations };
  }

  async list(auth: AuthContext, query: AuditQuery): Promise<AuditPage> {
    const scope = await this.policy.requireAuditScope(auth, query.organisationId);
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.repository.list({ ...(await this.filters(scope, query)), before, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return { items: page.map(presentAuditEntry), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null };
  }

  /** The newest matching entries (at most AUDIT_CSV_LIMIT) as CSV; downloading the log is itself recorded. */
  async csv(auth: AuthContext, filters: AuditFilters): Promise<Buffer> {
    const scope = await this.policy.requireAuditScope(auth, filters.organisationId);
    const rows = await this.repository.list({ ...(await this.filters(scope, filters)), limit: AUDIT_CSV_LIMIT });
    const body = spreadsheetCsv(AUDIT_CSV_HEADER, rows.map((row) => auditCsvRow(presentAuditEntry(row))));
    await this.events.emit('data.exported', {
      actor: eventActor(auth),
      organisationId: filters.organisationId ?? null,
      dataset: 'audit_log',
      format: 'csv',
      target: null,
      rows: rows.length,
      filters: exportFilters(filters),
    });
    return body;
  }

  private async filters(scope: AuditScope, filters: AuditFilters): Promise<Omit<AuditListFilters, 'limit'>> {
    const organisationIds = filters.organisationId ? [filters.organisationId] : scope.network ? null : scope.organisations.map((o) => o.id);
    return {
      organisationIds,
      memberIds: organisationIds ? await this.organisations.memberIds(organisationIds) : undefined,
      action: filters.action,
      actor: filters.actor || undefined,
      // Calendar days in the reader's zone, turned into instants here (PostgreSQL may not know every zone Intl does).
      from: filters.from ? startOfDay(filters.from, filters.timeZone) : undefined,
      until: filters.to ? startOfDay(filters.to, filters.timeZone, 1) : undefined,
    };
  }
}
