import { Inject, Injectable } from '@nestjs/common';
import { nameOf, UsersService } from '@simashe/api-accounts';
import { APP_CONFIG, byCodePoint, ConflictError, distinctIds, eventActor, EventBus, ExpiringCache, ForbiddenError, NotFoundError, PreparedStatements, ValidationError, type AppConfig, type AuthContext } from '@simashe/api-core';
import type {
  DirectoryEntry,
  UpdateOrganisationRequest,
  CreateOrganisationRequest,
  ListOrganisationsQuery,
  MemberRole,
  Organisation,
  OrganisationDetail,
  OrganisationKind,
  PartnerDirectoryEntry,
  RegionCode,
  RegionWithCountries,
} from '@simashe/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from './access.policy';
import type { OrganisationAccess } from './access-scope';
import { ORGANISATION_ROW_SQL, presentOrganisation, type OrganisationRow } from './organisation.presenter';
import {
  existingOrganisationIds,
  firstOrganisationNamesOf,
  memberIdsInRegionsOf,
  memberIdsOf,
  membershipsOf,
  organisationsNamed,
  organisationsNamedLike,
  organisationsInRegions,
  organisationsOfKindInRegion,
  organisationSummaries,
  countriesByIso3,
  organisationsWithNames,
  type OrganisationSummaryRow,
} from './organisations.repository';
import { AccessGrantEntity, CountryEntity, MembershipEntity, OrganisationEntity, RegionEntity } from './organisation.entities';

/** An organisation as other domains show it and file things under it. */
export interface OrganisationSummary {
  id: string;
  name: string;
  kind: OrganisationKind;
  regionCode: RegionCode | null;
  countryIso3: string | null;
}

/** A summary with the name and two-letter code of the organisation's country (null without one). */
export interface OrganisationWithCountry extends OrganisationSummary {
  countryName: string | null;
  countryIso2: string | null;
}

function presentSummary(row: OrganisationSummaryRow): OrganisationSummary {
  return { id: row.id, name: row.name, kind: row.kind as OrganisationKind, regionCode: row.region_code as RegionCode | null, countryIso3: row.country_iso3 };
}

const KIND_ORDER = ['secretariat', 'who_regional_office', 'country_pathfinder', 'core_partner', 'member_institution'];

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
    private readonly events: EventBus,
    private readonly users: UsersService,
    private readonly prepared: PreparedStatements,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'authCacheSeconds'>,
  ) {
    this.recent = new ExpiringCache(config.authCacheSeconds * 1000);
    // Names, kinds and places change only when organisations are created (the API never renames one); whatever
    // changes organisations here says so with `access.changed`, on every instance.
    events.on('access.changed', () => this.recent.clear());
  }

  /** Organisations' summaries read moments ago, by id, for `AUTH_CACHE_SECONDS`: every list of every domain names them. */
  private readonly recent: ExpiringCache<string, OrganisationSummary>;

  /** Which of these ids are organisations, in one query (other domains check references here). */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    const unique = distinctIds(ids);
    return new Set(unique.length ? await existingOrganisationIds(this.db, unique) : []);
  }

  /**
   * These organisations' name, kind and place, by id, in one query: other domains show and file things under an
   * organisation through this, never by joining `organisations`. Unknown ids are absent; nulls are ignored.
   */
  async summaries(ids: Iterable<string | null | undefined>, manager?: EntityManager): Promise<Map<string, OrganisationSummary>> {
    const unique = distinctIds(ids);
    // Inside a transaction: read there (it may hold a new organisation), never from or into the cache.
    if (manager) return new Map((unique.length ? await organisationSummaries(manager, unique) : []).map((row) => [row.id, presentSummary(row)]));
    // A prepared statement: lists of every domain ask this on each request.
    return this.recent.getMany(unique, async (missing) => (await organisationSummaries(this.prepared, missing)).map((row) => [row.id, presentSummary(row)]));
  }

  /**
   * As `summaries`, with the name and two-letter code of each organisation's country (null without one): for pages
   * that show where an organisation is. Countries are reference data, read once.
   */
  async summariesWithCountry(ids: Iterable<string | null | undefined>, manager?: EntityManager): Promise<Map<string, OrganisationWithCountry>> {
    const [summaries, countries] = await Promise.all([this.summaries(ids, manager), this.countries()]);
    return new Map(
      [...summaries.values()].map((summary) => {
        const country = summary.countryIso3 ? countries.get(summary.countryIso3) : undefined;
        return [summary.id, { ...summary, countryName: country?.name ?? null, countryIso2: country?.iso2 ?? null }];
      }),
    );
  }

  /** WHO member states by ISO3 (seeded by a migration, never changed by the API): read on first use, then kept. */
  private countries(): Promise<Map<string, { name: string; iso2: string }>> {
    this.countriesRead ??= countriesByIso3(this.db).then(
      (rows) => new Map(rows.map((row) => [row.iso3, { name: row.name, iso2: row.iso2 }])),
      (error: unknown) => {
        this.countriesRead = undefined;
        throw error;
      },
    );
    return this.countriesRead;
  }

  private countriesRead: Promise<Map<string, { name: string; iso2: string }>> | undefined;

  /**
   * For each of these WHO regions, the ids of its organisations, in one query: lists that filter by an organisation's
   * region ask here rather than join `organisations` (a region with none is absent; nulls are ignored).
   */
  async idsInRegions(regionCodes: Iterable<string | null | undefined>): Promise<Map<string, string[]>> {
    const unique = distinctIds(regionCodes);
    const byRegion = new Map<string, string[]>();
    for (const row of unique.length ? await organisationsInRegions(this.prepared, unique) : []) {
      const ids = byRegion.get(row.region_code) ?? [];
      ids.push(row.id);
      byRegion.set(row.region_code, ids);
    }
    return byRegion;
  }

  /** The ids of the organisations with exactly these names, by name, in one query (the demo finds its organisations so). */
  async idsNamed(names: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    const unique = [...new Set(names)];
    const rows = unique.length ? await organisationsWithNames(manager ?? this.db, unique) : [];
    return new Map(rows.map((row) => [row.name, row.id]));
  }

  /** The names of these organisations, by id (see `summaries`). */
  async names(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    const summaries = await this.summaries(ids);
    return new Map([...summaries.values()].map((summary) => [summary.id, summary.name]));
  }

  /** One organisation's name (null for no id or an unknown one), through the same cached lookup as `names`. */
  async name(id: string | null | undefined): Promise<string | null> {
    return nameOf(await this.names([id]), id);
  }

  /** The organisations of a kind in a region (e.g. a region's WHO office), by name; none for a null region. */
  async ofKindInRegion(kind: OrganisationKind, regionCode: string | null): Promise<OrganisationSummary[]> {
    if (regionCode === null) return [];
    return (await organisationsOfKindInRegion(this.db, kind, regionCode)).map(presentSummary);
  }

  /** Who belongs to which of these organisations, one pair per membership, in one query (unordered). */
  async memberships(organisationIds: Iterable<string>): Promise<Array<{ organisationId: string; userId: string }>> {
    const unique = distinctIds(organisationIds);
    const rows = unique.length ? await membershipsOf(this.db, unique) : [];
    return rows.map((row) => ({ organisationId: row.organisation_id, userId: row.user_id }));
  }

  /** Everyone who belongs to any of these organisations, each once (whom a mention of an organisation reaches). */
  async memberIds(organisationIds: Iterable<string>): Promise<string[]> {
    const unique = distinctIds(organisationIds);
    return unique.length ? memberIdsOf(this.db, unique) : [];
  }

  /**
   * Everyone who belongs to an organisation of one of these kinds in one of these WHO regions, each once, in one
   * query (whom an invitation of a region reaches: its pathfinders and regional office).
   */
  async memberIdsInRegions(regionCodes: Iterable<string | null | undefined>, kinds: readonly OrganisationKind[]): Promise<string[]> {
    const unique = distinctIds(regionCodes);
    return unique.length && kinds.length ? memberIdsInRegionsOf(this.db, unique, kinds) : [];
  }

  /**
   * The name of each of these people's first organisation (the membership created first), by person id, in one
   * query. People who belong to none (or are unknown) are absent; nulls are ignored.
   */
  async firstOrganisationNames(userIds: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    const unique = distinctIds(userIds);
    const rows = unique.length ? await firstOrganisationNamesOf(this.db, unique) : [];
    return new Map(rows.map((row) => [row.user_id, row.name]));
  }

  /** Organisations whose name contains `text` (case-insensitive; `%` and `_` are plain characters), by name. */
  named(text: string, limit: number): Promise<Array<{ id: string; name: string }>> {
    return organisationsNamed(this.db, text, limit);
  }

  /**
   * For each word, the ids of the organisations whose name contains it, regardless of case and accents, in one
   * query: lists that find things by their organisation's name ask here (words matching none are absent).
   */
  async idsNamedLike(words: readonly string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(words)];
    const rows = unique.length ? await organisationsNamedLike(this.db, unique) : [];
    return new Map(rows.map((row) => [row.word, row.ids]));
  }

  async list(auth: AuthContext, query: ListOrganisationsQuery): Promise<Organisation[]> {
    const accesses = (await this.policy.visibleOrganisations(auth)).filter(
      (access) => !query.relation || access.relation === query.relation,
    );
    const rows = await this.rows(accesses.map((a) => a.organisationId));
    const accessById = new Map(accesses.map((a) => [a.organisationId, a]));
    return rows
      .filter((row) => !query.kind || row.kind === query.kind)
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name))
      .map((row) => presentOrganisation(row, accessById.get(row.id) as OrganisationAccess));
  }

  async detail(auth: AuthContext, organisationId: string): Promise<OrganisationDetail> {
    const access = await this.policy.requireAccess(auth, 'organisation:read', organisationId);
    const [row] = await this.rows([organisationId]);
    const memberships: Array<{ user_id: string; role: MemberRole; joined_at: Date; representative: boolean }> = await this.db.query(
      'SELECT m.user_id, m.role, m.created_at AS joined_at, m.representative FROM memberships m WHERE m.organisation_id = $1',
      [organisationId],
    );
    // Names and emails are the people's (api-accounts); members in the order of their names (code points).
    const people = await this.users.people(memberships.map((m) => m.user_id));
    const members = memberships
      .flatMap((m) => {
        const person = people.get(m.user_id);
        return person ? [{ ...m, name: person.name, email: person.email }] : [];
      })
      .sort((a, b) => byCodePoint(a.name, b.name));
    const pending: Array<{ id: string; email: string; role: MemberRole; created_at: Date; expires_at: Date }> =
      access.canManage
        ? await this.db.query(
            `SELECT id, email, role, created_at, expires_at FROM invitations
             WHERE organisation_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
             ORDER BY created_at DESC`,
            [organisationId],
          )
        : [];
    const grants: Array<{ organisation_id: string; name: string; created_at: Date }> = await this.db.query(
      `SELECT g.grantee_organisation_id AS organisation_id, o.name, g.created_at
       FROM access_grants g JOIN organisations o ON o.id = g.grantee_organisation_id
       WHERE g.resource_type = 'organisation' AND g.resource_id = $1 ORDER BY o.name`,
      [organisationId],
    );
    return {
      ...presentOrganisation(row, access),
      canManage: access.canManage,
      members: members.map((m) => ({
        userId: m.user_id,
        name: m.name,
        email: m.email,
        role: m.role,
        joinedAt: new Date(m.joined_at).toISOString(),
        representative: m.representative,
      })),
      pendingInvitations: pending.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        createdAt: new Date(i.created_at).toISOString(),
        expiresAt: new Date(i.expires_at).toISOString(),
      })),
      partnerGrants: grants.map((g) => ({
        organisationId: g.organisation_id,
        organisationName: g.name,
        grantedAt: new Date(g.created_at).toISOString(),
      })),
    };
  }

  async changeRole(auth: AuthContext, organisationId: string, userId: string, role: MemberRole): Promise<void> {
    await this.policy.requireAccess(auth, 'organisation:manage', organisationId);
    const from = await this.db.transaction(async (manager) => {
      const membership = await this.lockedMembership(manager, organisationId, userId);
      if (membership.role === 'admin' && role !== 'admin') await this.assertAnotherAdmin(manager, organisationId, userId);
      await manager.update(MembershipEntity, { organisationId, userId }, { role });
      return membership.role as MemberRole;
    });
    await this.events.emit('access.changed', { userIds: [userId] });
    if (from !== role) await this.events.emit('member.role_changed', { actor: eventActor(auth), organisationId, userId, from, to: role });
  }

  async removeMember(auth: AuthContext, organisationId: string, userId: string): Promise<void> {
    // Anyone who can read an organisation they belong to may leave it; removing others needs manage rights.
    if (userId !== auth.userId) await this.policy.requireAccess(auth, 'organisation:manage', organisationId);
    const role = await this.db.transaction(async (manager) => {
      const membership = await this.lockedMembership(manager, organisationId, userId);
      if (membership.role === 'admin') await this.assertAnotherAdmin(manager, organisationId, userId);
      await manager.delete(MembershipEntity, { organisationId, userId });
      return membership.role as MemberRole;
    });
    await this.events.emit('access.changed', { userIds: [userId] });
    await this.events.emit('member.removed', { actor: eventActor(auth), organisationId, userId, role, left: userId === auth.userId });
  }

  async grantPartner(auth: AuthContext, organisationId: string, partnerOrganisationId: string): Promise<void> {
    await this.policy.requireAccess(auth, 'organisation:manage', organisationId);
    if (partnerOrganisationId === organisationId) {
      throw new ValidationError('An organisation cannot be granted access to itself', [{ path: 'partnerOrganisationId', message: 'Choose another organisation' }]);
    }
    const partner = await this.db.getRepository(OrganisationEntity).findOneBy({ id: partnerOrganisationId });
    if (!partner || partner.kind !== 'core_partner') throw new NotFoundError('The core partner');
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(AccessGrantEntity)
      .values({ granteeOrganisationId: partner.id, resourceType: 'organisation', resourceId: organisationId, grantedBy: auth.userId })
      .orIgnore()
      .returning('id')
      .execute();
    // Granting again what is already granted changes nothing, and is not an event.
    if ((inserted.raw as unknown[]).length > 0) {
      // Every member of the partner now reads this organisation.
      await this.events.emit('access.changed', { userIds: null });
      await this.events.emit('partner_grant.added', { actor: eventActor(auth), organisationId, partnerOrganisationId: partner.id, partnerName: partner.name });
    }
  }

  async revokePartner(auth: AuthContext, organisationId: string, partnerOrganisationId: string): Promise<void> {
    await this.policy.requireAccess(auth, 'organisation:manage', organisationId);
    const result = await this.db.getRepository(AccessGrantEntity).delete({
      granteeOrganisationId: partnerOrganisationId,
      resourceType: 'organisation',
      resourceId: organisationId,
    });
    if (!result.affected) throw new NotFoundError('The partner access');
    await this.events.emit('access.changed', { userIds: null });
    await this.events.emit('partner_grant.removed', { actor: eventActor(auth), organisationId, partnerOrganisationId });
  }

  /** Core partners are public knowledge in the network: admins pick from them to grant access. */
  async partnerDirectory(): Promise<PartnerDirectoryEntry[]> {
    const partners = await this.db.getRepository(OrganisationEntity).find({ where: { kind: 'core_partner' }, order: { name: 'ASC' } });
    return partners.map((p) => ({ id: p.id, name: p.name }));
  }

  async directory(): Promise<DirectoryEntry[]> {
    const rows: Array<{ id: string; name: string; kind: DirectoryEntry['kind']; region_code: DirectoryEntry['regionCode']; time_zone: string; work_day_start: string; work_day_end: string }> =
      await this.db.query(
        `SELECT id, name, kind, region_code, time_zone, to_char(work_day_start, 'HH24:MI') AS work_day_start, to_char(work_day_end, 'HH24:MI') AS work_day_end
         FROM organisations ORDER BY name`,
      );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      regionCode: row.region_code,
      timeZone: row.time_zone,
      workDayStart: row.work_day_start,
      workDayEnd: row.work_day_end,
    }));
  }

  async regions(): Promise<RegionWithCountries[]> {
    const [regions, countries] = await Promise.all([
      this.db.getRepository(RegionEntity).find({ order: { code: 'ASC' } }),
      this.db.getRepository(CountryEntity).find({ order: { name: 'ASC' } }),
    ]);
    return regions.map((region) => ({
      code: region.code as RegionWithCountries['code'],
      name: region.name,
      officeName: region.officeName,
      countries: countries
        .filter((c) => c.regionCode === region.code)
        .map((c) => ({ iso3: c.iso3, iso2: c.iso2, name: c.name, regionCode: region.code as RegionWithCountries['code'] })),
    }));
  }

  async create(auth: AuthContext, input: CreateOrganisationRequest): Promise<Organisation> {
    if (!(await this.policy.isSecretariatAdmin(auth))) {
      throw new ForbiddenError('Only secretariat administrators can create organisations');
    }
    let regionCode: string | null = input.regionCode ?? null;
    if (input.countryIso3) {
      const country = await this.db.getRepository(CountryEntity).findOneBy({ iso3: input.countryIso3 });
      if (!country) throw new ValidationError('Unknown country', [{ path: 'countryIso3', message: 'Not a WHO Member State code' }]);
      if (regionCode && regionCode !== country.regionCode) {
        throw new ValidationError('Country and region disagree', [
          { path: 'regionCode', message: `${country.name} belongs to ${country.regionCode}` },
        ]);
      }
      regionCode = country.regionCode;
    }
    const existing = await this.db
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('lower(o.name) = lower(:name)', { name: input.name })
      .getOne();
    if (existing) throw new ConflictError('An organisation with this name already exists');
    const saved = await this.db.getRepository(OrganisationEntity).save({
      name: input.name,
      kind: input.kind,
      regionCode,
      countryIso3: input.countryIso3 ?? null,
      timeZone: input.timeZone ?? 'UTC',
    });
    // The secretariat, and a region's office, now see one more organisation.
    await this.events.emit('access.changed', { userIds: null });
    const [row] = await this.rows([saved.id]);
    return presentOrganisation(row, { organisationId: saved.id, relation: 'secretariat', role: null, canManage: true });
  }

  /** Admins set where and when their organisation works (used by "find a time"). */
  async update(auth: AuthContext, organisationId: string, changes: UpdateOrganisationRequest): Promise<OrganisationDetail> {
    await this.policy.requireAccess(auth, 'organisation:manage', organisationId);
    const [current] = await this.rows([organisationId]);
    const start = changes.workDayStart ?? current.work_day_start;
    const end = changes.workDayEnd ?? current.work_day_end;
    if (end <= start) throw new ValidationError('The working day must end after it starts', [{ path: 'workDayEnd', message: 'Ends before it starts' }]);
    await this.db.query('UPDATE organisations SET time_zone = $2, work_day_start = $3, work_day_end = $4, expertise = $5, website = $6 WHERE id = $1', [
      organisationId,
      changes.timeZone ?? current.time_zone,
      start,
      end,
      changes.expertise ?? current.expertise,
      changes.website === undefined ? current.website : changes.website,
    ]);
    return this.detail(auth, organisationId);
  }

  /** Admins name which of their members represent the organisation in the network (the public members page lists them). */
  async setRepresentative(auth: AuthContext, organisationId: string, userId: string, representative: boolean): Promise<void> {
    await this.policy.requireAccess(auth, 'organisation:manage', organisationId);
    const result = await this.db.getRepository(MembershipEntity).update({ organisationId, userId }, { representative });
    if (!result.affected) throw new NotFoundError('The member');
  }

  private rows(ids: string[]): Promise<OrganisationRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.query(`${ORGANISATION_ROW_SQL} WHERE o.id = ANY($1::uuid[])`, [ids]);
  }

  private async lockedMembership(manager: EntityManager, organisationId: string, userId: string): Promise<MembershipEntity> {
    const membership = await manager
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.organisation_id = :organisationId AND m.user_id = :userId', { organisationId, userId })
      .getOne();
    if (!membership) throw new NotFoundError('The member');
    return membership;
  }

  /** Locks the organisation's admin rows so two concurrent demotions cannot both pass. */
  private async assertAnotherAdmin(manager: EntityManager, organisationId: string, leavingUserId: string): Promise<void> {
    const admins = await manager
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where("m.organisation_id = :organisationId AND m.role = 'admin'", { organisationId })
      .getMany();
    if (!admins.some((admin) => admin.userId !== leavingUserId)) {
      throw new ConflictError('An organisation needs at least one admin: make someone else admin first');
    }
  }
}
