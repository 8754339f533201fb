import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError, type AuthContext } from '@simashe/api-core';
import type { AccessRelation, MemberRole } from '@simashe/contracts';
import { DataSource } from 'typeorm';

export interface OrganisationAccess {
  organisationId: string;
  relation: AccessRelation;
  /** The caller's own role when a member, else null. */
  role: MemberRole | null;
  /** Admin of this organisation, or an admin of the secretariat (which runs the network). */
  canManage: boolean;
}

export type OrganisationPermission = 'organisation:read' | 'organisation:manage';

/**
 * Initiatives (and everything inside them: driver diagram, cycles, milestones, observations, measures).
 * read: whoever reads the owning organisation, plus members of the partner organisations taking part;
 * write: the owning organisation's admins and editors; manage (delete, change partners): its admins and
 * secretariat admins.
 */
export type InitiativeAction = 'initiative:read' | 'initiative:write' | 'initiative:manage';
export interface InitiativeResource {
  kind: 'initiative';
  organisationId: string;
  partnerOrganisationIds: readonly string[];
}

/** What one person may see and do, loaded once per request and asked many times (lists, dashboards). */
export class AccessScope {
  constructor(
    readonly userId: string,
    /** Readable organisations, with the relation and the caller's role in each. */
    readonly organisations: ReadonlyMap<string, OrganisationAccess>,
  ) {}

  get readableOrganisationIds(): string[] {
    return [...this.organisations.keys()];
  }

  get memberOrganisationIds(): string[] {
    return [...this.organisations.values()].filter((access) => access.role !== null).map((access) => access.organisationId);
  }

  can(action: InitiativeAction, resource: InitiativeResource): boolean {
    const owner = this.organisations.get(resource.organisationId);
    switch (action) {
      case 'initiative:read':
        return !!owner || resource.partnerOrganisationIds.some((id) => this.organisations.get(id)?.role);
      case 'initiative:write':
        return owner?.role === 'admin' || owner?.role === 'editor';
      case 'initiative:manage':
        return !!owner?.canManage;
    }
  }

  /** 404 when the caller may not know the resource exists, 403 when it may read it but not do this. */
  require(action: InitiativeAction, resource: InitiativeResource, what = 'The initiative'): void {
    if (!this.can('initiative:read', resource)) throw new NotFoundError(what);
    if (!this.can(action, resource)) {
      throw new ForbiddenError(
        action === 'initiative:manage'
          ? 'Only administrators of the owning organisation can do this'
          : 'Only editors and administrators of the owning organisation can change this initiative',
      );
    }
  }
}

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
  constructor(private readonly db: DataSource) {}

  /** Every organisation the caller may read, with why. */
  async visibleOrganisations(auth: AuthContext): Promise<OrganisationAccess[]> {
    return this.query(auth.userId, null);
  }

  /** Everything the caller may read, for deciding many resources at once. */
  async scope(auth: AuthContext): Promise<AccessScope> {
    const visible = await this.visibleOrganisations(auth);
    return new AccessScope(auth.userId, new Map(visible.map((access) => [access.organisationId, access])));
  }

  async can(auth: AuthContext, action: InitiativeAction, resource: InitiativeResource): Promise<boolean> {
    return (await this.scope(auth)).can(action, resource);
  }

  async require(auth: AuthContext, action: InitiativeAction, resource: InitiativeResource): Promise<AccessScope> {
    const scope = await this.scope(auth);
    scope.require(action, resource);
    return scope;
  }

  async organisationAccess(auth: AuthContext, organisationId: string): Promise<OrganisationAccess | null> {
    const [access] = await this.query(auth.userId, organisationId);
    return access ?? null;
  }

  /** Throws 404 when the caller may not even know the organisation exists, 403 when it may read but not act. */
  async requireAccess(auth: AuthContext, permission: OrganisationPermission, organisationId: string): Promise<OrganisationAccess> {
    const access = await this.organisationAccess(auth, organisationId);
    if (!access) throw new NotFoundError('The organisation');
    if (permission === 'organisation:manage' && !access.canManage) {
      throw new ForbiddenError('Only administrators of this organisation can do this');
    }
    return access;
  }

  async isSecretariatAdmin(auth: AuthContext): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id
       WHERE m.user_id = $1 AND o.kind = 'secretariat' AND m.role = 'admin' LIMIT 1`,
      [auth.userId],
    );
    return rows.length > 0;
  }

  private async query(userId: string, organisationId: string | null): Promise<OrganisationAccess[]> {
    const rows: Array<{ id: string; relation: AccessRelation; role: MemberRole | null; secretariat_admin: boolean }> =
      await this.db.query(
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
                (SELECT role FROM mine WHERE mine.organisation_id = v.id) AS role,
                EXISTS (SELECT 1 FROM mine WHERE kind = 'secretariat' AND role = 'admin') AS secretariat_admin
         FROM visible v
         WHERE $2::uuid IS NULL OR v.id = $2::uuid
         ORDER BY v.id, v.rank`,
        [userId, organisationId],
      );
    return rows.map((row) => ({
      organisationId: row.id,
      relation: row.relation,
      role: row.role,
      canManage: row.role === 'admin' || row.secretariat_admin,
    }));
  }
}
