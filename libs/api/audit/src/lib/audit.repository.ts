import { Injectable } from '@nestjs/common';
import { clientIp, clientUserAgent, containsPattern } from '@simashe/api-core';
import type { AuditAction, EventActor } from '@simashe/contracts';
import { DataSource } from 'typeorm';

/** A row of `audit_log` as the list query returns it. */
export interface AuditRow {
  id: string;
  occurred_at: Date;
  /** occurred_at in microseconds (JavaScript dates keep only milliseconds), for the page cursor. */
  occurred_at_exact: string;
  action: AuditAction;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  ip: string | null;
  user_agent: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  details: Record<string, unknown>;
}

/** What a listener records; the recorder copies names and emails not given from their owners (accounts, organisations). */
export interface NewAuditEntry {
  action: AuditAction;
  actor: EventActor;
  /** The email tried, for a failed sign-in (no account acted); otherwise the actor's. */
  actorEmail?: string;
  organisationId: string | null;
  target: { type: string; id: string; name?: string | null } | null;
  details: Record<string, unknown>;
}

/** An entry with the names it keeps (the log shows who and what as they were named then). */
export interface AuditEntryToStore extends Omit<NewAuditEntry, 'actorEmail' | 'target'> {
  actorEmail: string | null;
  actorName: string | null;
  organisationName: string | null;
  target: { type: string; id: string; name: string | null } | null;
}

export interface AuditListFilters {
  /** Entries of these organisations, including their members' entries tied to no organisation; null: every entry. */
  organisationIds: string[] | null;
  /** The members of `organisationIds` now (from api-organisations): their entries tied to no organisation show too. */
  memberIds?: string[];
  action?: AuditAction;
  actor?: string;
  /** Instants: from included, until excluded. */
  from?: string;
  until?: string;
  /** Strictly older than this entry (newest first). */
  before?: { at: string; id: string };
  limit: number;
}


/** All of the audit log's SQL. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  async insert(entry: AuditEntryToStore): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (action, actor_user_id, actor_email, actor_name, ip, user_agent, organisation_id, organisation_name,
                              target_type, target_id, target_name, details)
       VALUES ($1, $2::uuid, $3, $4, $5::inet, $6, $7::uuid, $8, $9, $10::uuid, $11, $12::jsonb)`,
      [
        entry.action,
        entry.actor.userId,
        entry.actorEmail,
        entry.actorName,
        clientIp(entry.actor.ip),
        clientUserAgent(entry.actor.userAgent),
        entry.organisationId,
        entry.organisationName,
        entry.target?.type ?? null,
        entry.target?.id ?? null,
        entry.target?.name ?? null,
        JSON.stringify(entry.details),
      ],
    );
  }

  /** Newest first, `limit` rows at most. */
  list(filters: AuditListFilters): Promise<AuditRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions: string[] = [];
    if (filters.organisationIds) {
      const ids = param(filters.organisationIds);
      const members = param(filters.memberIds ?? []);
      // Sign-ins and network-wide exports belong to no organisation: they show in the log of the actor's
      // organisations (and, for a failed sign-in, of the account's).
      conditions.push(`(a.organisation_id = ANY(${ids}::uuid[]) OR (a.organisation_id IS NULL
        AND (a.actor_user_id = ANY(${members}::uuid[]) OR (a.target_type = 'user' AND a.target_id = ANY(${members}::uuid[])))))`);
    }
    if (filters.action) conditions.push(`a.action = ${param(filters.action)}`);
    if (filters.actor) {
      const pattern = param(containsPattern(filters.actor));
      conditions.push(`(a.actor_email ILIKE ${pattern} OR a.actor_name ILIKE ${pattern})`);
    }
    if (filters.from) conditions.push(`a.occurred_at >= ${param(filters.from)}::timestamptz`);
    if (filters.until) conditions.push(`a.occurred_at < ${param(filters.until)}::timestamptz`);
    if (filters.before) conditions.push(`(a.occurred_at, a.id) < (${param(filters.before.at)}::timestamptz, ${param(filters.before.id)}::uuid)`);
    return this.db.query(
      `SELECT a.id, a.occurred_at, to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at_exact,
              a.action, a.actor_user_id, a.actor_email, a.actor_name, host(a.ip) AS ip, a.user_agent, a.organisation_id,
              a.organisation_name, a.target_type, a.target_id, a.target_name, a.details
       FROM audit_log a
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY a.occurred_at DESC, a.id DESC
       LIMIT ${param(filters.limit)}`,
      params,
    );
  }
}
