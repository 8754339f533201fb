import { Injectable } from '@nestjs/common';
import { UsersService, type Person } from '@simashe/api-accounts';
import { byCodePoint, distinctIds, NotFoundError, PreparedStatements, type AuthContext } from '@simashe/api-core';
import { AccessPolicy, OrganisationsService, type AccessResource, type AccessScope, type ActionOn, type Membership } from '@simashe/api-organisations';
import type { Meeting } from '@simashe/contracts';
import { DataSource } from 'typeorm';

export interface MeetingRow {
  id: string;
  title: string;
  description: string;
  kind: Meeting['kind'];
  organiser_organisation_id: string;
  local_start: string;
  duration_minutes: number;
  time_zone: string;
  rrule: string | null;
  conferencing_url: string | null;
  capacity: number | null;
  network_wide: boolean;
  cancelled_at: Date | null;
}

/** A person a meeting concerns, with their first organisation when the list shows it. */
export type MeetingPerson = Person & { organisationName: string | null };

type MeetingResource = Extract<AccessResource, { kind: 'meeting' }>;

/** A meeting of this organiser, as far as organising goes (invitations never make an organiser). */
const organisedBy = (organisationId: string): MeetingResource => ({ kind: 'meeting', organiserOrganisationId: organisationId, networkWide: false, invitation: 'none' });

/** A meeting's own columns; its organiser's name is api-organisations' (`OrganisationsService.names`). */
export const MEETING_SQL = `SELECT m.*, to_char(m.local_start, 'YYYY-MM-DD"T"HH24:MI') AS local_start FROM meetings m`;

/**
 * Who invitees are, in SQL over a `mine` CTE of the person's memberships (organisation_id, kind, region_code, role):
 * individuals, invited organisations, and pathfinders and regional offices of an invited region. With
 * `withoutViewers`, membership through a read-only viewer role does not count.
 */
function invitedSql(userParam: string, withoutViewers = false): string {
  const role = withoutViewers ? ` AND mine.role <> 'viewer'` : '';
  return `EXISTS (
    SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id AND (
      i.user_id = ${userParam}
      OR i.organisation_id IN (SELECT organisation_id FROM mine WHERE true${role})
      OR (i.region_code IS NOT NULL AND EXISTS (
        SELECT 1 FROM mine WHERE mine.region_code = i.region_code AND mine.kind IN ('country_pathfinder', 'who_regional_office')${role}))
    )
  )`;
}

/**
 * The person's memberships (AccessPolicy.memberships) as the `mine` CTE, from four array parameters starting at
 * `$first` (organisation ids, roles, kinds, region codes: `mineParams`).
 */
function mineSql(first: number): string {
  return `WITH mine AS (
  SELECT * FROM unnest($${first}::uuid[], $${first + 1}::text[], $${first + 2}::text[], $${first + 3}::text[]) AS m(organisation_id, role, kind, region_code)
)`;
}

function mineParams(memberships: readonly Membership[]): unknown[] {
  return [memberships.map((m) => m.organisationId), memberships.map((m) => m.role), memberships.map((m) => m.kind), memberships.map((m) => m.regionCode)];
}

/** Whether the caller ($1, with `mine`) may see meeting `mt`: organisers' members, invitees, everyone for network-wide webinars. */
const VISIBLE_SQL = `(mt.network_wide OR mt.organiser_organisation_id IN (SELECT organisation_id FROM mine) OR ${invitedSql('$1')})`;

/**
 * Loads the facts about meetings that the AccessPolicy decides on (how the caller is invited) and asks it; the
 * list of visible meetings is the same rule as SQL, for lists. It decides nothing itself.
 */
@Injectable()
export class MeetingAccess {
  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
    private readonly prepared: PreparedStatements,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  /**
   * The meetings (not cancelled) the caller may see, whole, in one statement (after their memberships, which the
   * AccessPolicy keeps with their scope): the calendar reads them on every visit.
   */
  async visibleRows(userId: string): Promise<MeetingRow[]> {
    const memberships = await this.policy.memberships(userId);
    return this.prepared.query<MeetingRow>(
      `${mineSql(2)}
       ${MEETING_SQL} WHERE m.cancelled_at IS NULL AND m.id IN (SELECT mt.id FROM meetings mt WHERE ${VISIBLE_SQL})`,
      [userId, ...mineParams(memberships)],
    );
  }

  /**
   * These meetings' titles, organisers and whether they are network-wide, by id, in one query (unknown ids absent):
   * what other domains (discussions) know of a meeting, without reading `meetings`. Decides nothing.
   */
  async subjects(ids: Iterable<string>): Promise<Map<string, { id: string; title: string; organiserOrganisationId: string; networkWide: boolean }>> {
    const unique = distinctIds(ids);
    if (unique.length === 0) return new Map();
    const rows: Array<{ id: string; title: string; organiser_organisation_id: string; network_wide: boolean }> = await this.db.query(
      'SELECT id, title, organiser_organisation_id, network_wide FROM meetings WHERE id = ANY($1::uuid[])',
      [unique],
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, title: row.title, organiserOrganisationId: row.organiser_organisation_id, networkWide: row.network_wide }]));
  }

  /** Organisers' members, invitees, and everyone for network-wide webinars: 'meeting:read' of the policy, in SQL for lists. */
  async visibleIds(userId: string, { includeCancelled = false, meetingId = null as string | null } = {}): Promise<string[]> {
    const memberships = await this.policy.memberships(userId);
    const rows: Array<{ id: string }> = await this.db.query(
      `${mineSql(4)}
       SELECT mt.id FROM meetings mt
       WHERE ($2 OR mt.cancelled_at IS NULL) AND ($3::uuid IS NULL OR mt.id = $3::uuid) AND ${VISIBLE_SQL}`,
      [userId, includeCancelled, meetingId, ...mineParams(memberships)],
    );
    return rows.map((row) => row.id);
  }

  /** The meeting as the policy sees it: organiser, network-wide, and how the caller is invited. */
  async resource(auth: AuthContext, row: MeetingRow): Promise<MeetingResource> {
    const memberships = await this.policy.memberships(auth.userId);
    const [invited] = await this.db.query(
      `${mineSql(3)} SELECT ${invitedSql('$1')} AS any, ${invitedSql('$1', true)} AS contributor FROM meetings mt WHERE mt.id = $2`,
      [auth.userId, row.id, ...mineParams(memberships)],
    );
    const invitation = invited?.contributor ? 'contributor' : invited?.any ? 'viewer' : 'none';
    return { kind: 'meeting', organiserOrganisationId: row.organiser_organisation_id, networkWide: row.network_wide, invitation };
  }

  /**
   * The meeting, once the policy allows the action (404 when the caller may not see it, 403 with the reason), with
   * the scope and facts it was decided on, so further questions about it need no more queries.
   */
  async authorise(auth: AuthContext, id: string, action: ActionOn<'meeting'>, includeCancelled = false): Promise<{ row: MeetingRow; scope: AccessScope; resource: MeetingResource }> {
    const [row]: MeetingRow[] = await this.db.query(`${MEETING_SQL} WHERE m.id = $1`, [id]);
    if (!row || (row.cancelled_at && !includeCancelled)) throw new NotFoundError('The meeting');
    // The scope first: the resource's memberships then come from what it just read (kept by AccessPolicy for AUTH_CACHE_SECONDS).
    const scope = await this.policy.scope(auth);
    const resource = await this.resource(auth, row);
    scope.require(action, resource, 'The meeting');
    return { row, scope, resource };
  }

  async require(auth: AuthContext, id: string, action: ActionOn<'meeting'>, includeCancelled = false): Promise<MeetingRow> {
    return (await this.authorise(auth, id, action, includeCancelled)).row;
  }

  async readable(auth: AuthContext, id: string, includeCancelled = false): Promise<MeetingRow> {
    return this.require(auth, id, 'meeting:read', includeCancelled);
  }

  /** A new meeting's organiser: the caller must organise for that organisation (invitations do not matter). */
  async requireOrganiser(auth: AuthContext, organisationId: string): Promise<void> {
    (await this.policy.scope(auth)).requirePermitted('meeting:organise', organisedBy(organisationId));
  }

  /**
   * Everyone a meeting concerns: organisers' members, invitees (people, members of invited organisations, members of
   * the pathfinders and regional office of an invited region) and webinar registrants, by name (at most 1000).
   * People and memberships are read through their owners, in batches; each person's first organisation only for
   * lists that show it (`withOrganisations`), not for reminders and notices.
   */
  async people(meetingId: string, { withOrganisations = false } = {}): Promise<MeetingPerson[]> {
    const [meeting]: Array<{ organiser_organisation_id: string; user_ids: string[]; organisation_ids: string[]; region_codes: string[]; registrant_ids: string[] }> =
      await this.db.query(
        `SELECT m.organiser_organisation_id,
                ARRAY(SELECT i.user_id FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.user_id IS NOT NULL)::text[] AS user_ids,
                ARRAY(SELECT i.organisation_id FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.organisation_id IS NOT NULL)::text[] AS organisation_ids,
                ARRAY(SELECT i.region_code FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.region_code IS NOT NULL)::text[] AS region_codes,
                ARRAY(SELECT r.user_id FROM webinar_registrations r WHERE r.meeting_id = m.id)::text[] AS registrant_ids
         FROM meetings m WHERE m.id = $1`,
        [meetingId],
      );
    if (!meeting) return [];
    const [members, regional] = await Promise.all([
      this.organisations.memberIds([meeting.organiser_organisation_id, ...meeting.organisation_ids]),
      this.organisations.memberIdsInRegions(meeting.region_codes, ['country_pathfinder', 'who_regional_office']),
    ]);
    const concerned = distinctIds([...members, ...meeting.user_ids, ...regional, ...meeting.registrant_ids]);
    const [people, organisationNames] = await Promise.all([
      this.users.people(concerned),
      withOrganisations ? this.organisations.firstOrganisationNames(concerned) : Promise.resolve(new Map<string, string>()),
    ]);
    return [...people.values()]
      .sort((a, b) => byCodePoint(a.name, b.name))
      .slice(0, 1000)
      .map((person) => ({ ...person, organisationName: organisationNames.get(person.id) ?? null }));
  }
}
