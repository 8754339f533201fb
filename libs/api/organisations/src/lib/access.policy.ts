import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, EventBus, ExpiringCache, ForbiddenError, PreparedStatements, type AppConfig, type AuthContext } from '@simashe/api-core';
import type { AccessRelation, MemberRole, OrganisationKind } from '@simashe/contracts';
import { AccessScope, type ActionOn, type AccessResource, type OrganisationAccess, type ResourceKind } from './access-scope';
import { DataSource } from 'typeorm';

export type OrganisationPermission = ActionOn<'organisation'>;

/**
 * The access rules of the workspace, in one place:
 * - members see their own organisation;
 * - members of a WHO regional office read the country pathfinders of their region;
 * - members of the secretariat read everything;
 * - any other organisation (core partners above all) reads only what it was explicitly granted.
 * Admins of an organisation, and secretariat admins, manage its members.
 * Later modules ask here before touching anything owned by an organisation.
 */
@Injectable()
export class AccessPolicy {
  /**
   * Each person's visible organisations, read lately: nearly every request decides access from them. A change of
   * membership, role, grant or organisation drops them here and on every other instance (`access.changed`);
   * `AUTH_CACHE_SECONDS` bounds how long they are trusted without reading them again.
   */
  private readonly recent: ExpiringCache<string, AccessRow[]>;

  constructor(
    private readonly db: DataSource,
    private readonly prepared: PreparedStatements,
    events: EventBus,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'authCacheSeconds'>,
  ) {
    this.recent = new ExpiringCache(config.authCacheSeconds * 1000);
    events.on('access.changed', ({ userIds }) => {
      if (userIds === null) return this.recent.clear();
      for (const userId of userIds) this.recent.delete(userId);
    });
  }

  /** Every organisation the caller may read, with why. */
  async visibleOrganisations(auth: AuthContext): Promise<OrganisationAccess[]> {
    return (await this.rows(auth.userId)).map(toAccess);
  }

  /** Everything the caller may read, for deciding many resources at once (one query). */
  async scope(auth: AuthContext): Promise<AccessScope> {
    const rows = await this.rows(auth.userId);
    const visible = rows.map(toAccess);
    return new AccessScope(
      auth.userId,
      new Map(visible.map((access) => [access.organisationId, access])),
      rows[0]?.my_regions ?? [],
      rows[0]?.in_secretariat ?? false,
      rows[0]?.secretariat_admin ?? false,
      rows[0]?.steering_committee ?? false,
    );
  }

  /**
   * The organisations this person belongs to, with their role, and each organisation's kind and region: read with
   * (and kept like) the scope, so other domains decide in their own SQL who a membership reaches (meeting
   * invitations of an organisation or a region) without reading `memberships`.
   */
  async memberships(userId: string): Promise<Membership[]> {
    return (await this.rows(userId))
      .filter((row) => row.role !== null)
      .map((row) => ({ organisationId: row.id, role: row.role as MemberRole, kind: row.member_kind as OrganisationKind, regionCode: row.member_region_code }));
  }

  async can<K extends ResourceKind>(auth: AuthContext, action: ActionOn<K>, resource: Extract<AccessResource, { kind: K }>): Promise<boolean> {
    return (await this.scope(auth)).can(action, resource);
  }

  /** Decides one action (404 when the caller may not know the resource, 403 with the reason); returns the scope for more. */
  async require<K extends ResourceKind>(auth: AuthContext, action: ActionOn<K>, resource: Extract<AccessResource, { kind: K }>, what?: string): Promise<AccessScope> {
    const scope = await this.scope(auth);
    scope.require(action, resource, what);
    return scope;
  }

  async organisationAccess(auth: AuthContext, organisationId: string): Promise<OrganisationAccess | null> {
    const row = (await this.rows(auth.userId)).find((candidate) => candidate.id === organisationId);
    return row ? toAccess(row) : null;
  }

  /** Throws 404 when the caller may not even know the organisation exists, 403 when it may read but not act. */
  async requireAccess(auth: AuthContext, permission: OrganisationPermission, organisationId: string): Promise<OrganisationAccess> {
    // One organisation's row is enough to decide: the scope of just that organisation.
    const access = await this.organisationAccess(auth, organisationId);
    new AccessScope(auth.userId, new Map(access ? [[organisationId, access]] : [])).require(permission, { kind: 'organisation', organisationId });
    return access as OrganisationAccess;
  }

  async isSecretariatAdmin(auth: AuthContext): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id
       WHERE m.user_id = $1 AND o.kind = 'secretariat' AND m.role = 'admin' LIMIT 1`,
      [auth.userId],
    );
    return rows.length > 0;
  }

  /**
   * The audit log ('audit:read'): secretariat admins read every entry; an organisation's admins read its entries,
   * plus those tied to no organisation (sign-ins, network-wide exports) done by or aimed at its current members;
   * nobody else reads it. Null when the caller may not read it at all.
   */
  async auditScope(auth: AuthContext): Promise<AuditScope | null> {
    const rows: Array<{ id: string; name: string; kind: string }> = await this.db.query(
      `SELECT o.id, o.name, o.kind FROM memberships m JOIN organisations o ON o.id = m.organisation_id
       WHERE m.user_id = $1 AND m.role = 'admin' ORDER BY o.name`,
      [auth.userId],
    );
    if (rows.length === 0) return null;
    return { network: rows.some((row) => row.kind === 'secretariat'), organisations: rows.map(({ id, name }) => ({ id, name })) };
  }

  /** 403 unless the caller may read the audit log, and that of `organisationId` when one is asked for. */
  async requireAuditScope(auth: AuthContext, organisationId?: string): Promise<AuditScope> {
    const scope = await this.auditScope(auth);
    if (!scope) throw new ForbiddenError('Only administrators of an organisation or of the secretariat can read the audit log');
    if (organisationId && !scope.network && !scope.organisations.some((o) => o.id === organisationId)) {
      throw new ForbiddenError('You can read the audit log only of organisations you administer');
    }
    return scope;
  }

  private async rows(userId: string): Promise<AccessRow[]> {
    const known = this.recent.get(userId);
    if (known) return known;
    // Taken before reading: a change of access while this reads keeps what it read out of the cache.
    const mark = this.recent.mark;
    const rows = await this.read(userId);
    this.recent.set(userId, rows, mark);
    return rows;
  }

  private read(userId: string): Promise<AccessRow[]> {
    return this.prepared.query<AccessRow>(
      `WITH mine AS (
         SELECT m.organisation_id, m.role, o.kind, o.region_code
         FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.user_id = $1
       ),
       visible AS (
         SELECT organisation_id AS id, 1 AS rank, 'member' AS relation FROM mine
         UNION ALL
         SELECT o.id, 2, 'regional_office' FROM organisations o
           JOIN mine ON mine.kind = 'who_regional_office'
                    AND o.kind = 'country_pathfinder' AND o.region_code = mine.region_code
         UNION ALL
         SELECT g.resource_id, 3, 'partner_grant' FROM access_grants g
           JOIN mine ON g.grantee_organisation_id = mine.organisation_id
           WHERE g.resource_type = 'organisation'
         UNION ALL
         SELECT o.id, 4, 'secretariat' FROM organisations o
           WHERE EXISTS (SELECT 1 FROM mine WHERE kind = 'secretariat')
       )
       SELECT DISTINCT ON (v.id) v.id, v.relation,
              own.role, own.kind AS member_kind, own.region_code AS member_region_code,
              EXISTS (SELECT 1 FROM mine WHERE kind = 'secretariat' AND role = 'admin') AS secretariat_admin,
              EXISTS (SELECT 1 FROM mine WHERE kind = 'secretariat') AS in_secretariat,
              ARRAY(SELECT DISTINCT region_code FROM mine WHERE region_code IS NOT NULL) AS my_regions,
              EXISTS (SELECT 1 FROM steering_committee sc WHERE sc.user_id = $1) AS steering_committee
       FROM visible v LEFT JOIN mine own ON own.organisation_id = v.id
       ORDER BY v.id, v.rank`,
      [userId],
    );
  }
}

interface AccessRow {
  id: string;
  relation: AccessRelation;
  role: MemberRole | null;
  /** The organisation's kind and region, when the person belongs to it. */
  member_kind: OrganisationKind | null;
  member_region_code: string | null;
  secretariat_admin: boolean;
  in_secretariat: boolean;
  my_regions: string[];
  steering_committee: boolean;
}

function toAccess(row: AccessRow): OrganisationAccess {
  return { organisationId: row.id, relation: row.relation, role: row.role, canManage: row.role === 'admin' || row.secretariat_admin };
}

/** One organisation a person belongs to (AccessPolicy.memberships). */
export interface Membership {
  organisationId: string;
  role: MemberRole;
  kind: OrganisationKind;
  regionCode: string | null;
}

/** Whose audit entries one may read: everyone's (`network`), or those of the organisations one administers. */
export interface AuditScope {
  network: boolean;
  organisations: Array<{ id: string; name: string }>;
}
