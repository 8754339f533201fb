import { ValidationError } from '@simashe/api-core';
import type { AuditEntry } from '@simashe/contracts';
import type { AuditRow } from './audit.repository';

export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    action: row.action,
    actor: { userId: row.actor_user_id, name: row.actor_name, email: row.actor_email },
    ip: row.ip,
    userAgent: row.user_agent,
    organisation: row.organisation_id ? { id: row.organisation_id, name: row.organisation_name } : null,
    target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id, name: row.target_name } : null,
    details: row.details ?? {},
  };
}

/** The page cursor: where the last row of a page sits, to the microsecond (two entries may share a millisecond). */
export function encodeCursor(row: AuditRow): string {
  return Buffer.from(`${row.occurred_at_exact}|${row.id}`, 'utf8').toString('base64url');
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function decodeCursor(cursor: string): { at: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ValidationError('This page link is not valid; start again from the first page', [{ path: 'cursor', message: 'Not a cursor this API gave' }]);
  return { at: match[1], id: match[2] };
}

/** The CSV columns: one row per entry, times in UTC (ISO 8601) so spreadsheets sort them. */
export const AUDIT_CSV_HEADER = ['Time (UTC)', 'Action', 'Actor', 'Actor email', 'IP address', 'User agent', 'Organisation', 'Target type', 'Target', 'Target id', 'Details'];

export function auditCsvRow(entry: AuditEntry): string[] {
  return [
    entry.occurredAt,
    entry.action,
    entry.actor.name ?? '',
    entry.actor.email ?? '',
    entry.ip ?? '',
    entry.userAgent ?? '',
    entry.organisation?.name ?? '',
    entry.target?.type ?? '',
    entry.target?.name ?? '',
    entry.target?.id ?? '',
    Object.keys(entry.details).length ? JSON.stringify(entry.details) : '',
  ];
}
