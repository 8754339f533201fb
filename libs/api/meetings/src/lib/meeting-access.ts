import { Injectable } from '@nestjs/common';
import { NotFoundError, PreparedStatements, type AuthContext } from '@simashe/api-core';
import { AccessPolicy, type AccessResource, type AccessScope, type ActionOn } from '@simashe/api-organisations';
import type { Meeting } from '@simashe/contracts';
import { DataSource } from 'typeorm';

export interface MeetingRow {
  id: string;
  title: string;
  description: string;
  kind: Meeting['kind'];
  organiser_organisation_id: string;
  organiser_name: string;
  local_start: string;
  duration_minutes: number;
  time_zone: string;
  rrule: string | null;
  conferencing_url: string | null;
  capacity: number | null;
  network_wide: boolean;
  cancelled_at: Date | null;
}

export interface MeetingPersonRow {
  user_id: string;
  name: string;
  email: string;
  time_zone: string;
  reminder_minutes: number[];
  email_reminders: boolean;
  /** The person's interface language (en, fr, es, ar): what their inbox messages speak. */
  preferred_language: string;
  organisation_name: string | null;
}

type MeetingResource = Extract<AccessResource, { kind: 'meeting' }>;

/** A meeting of this organiser, as far as organising goes (invitations never make an organiser). */
const organisedBy = (organisationId: string): MeetingResource => ({ kind: 'meeting', organiserOrganisationId: organisationId, networkWide: false, invitation: 'none' });

export const MEETING_SQL = `SELECT m.*, to_char(m.local_start, 'YYYY-MM-DD"T"HH24:MI') AS local_start, o.name AS organiser_name
  FROM meetings m JOIN organisations o ON o.id = m.organiser_organisation_id`;

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

const MINE_SQL = `WITH mine AS (
  SELECT m.organisation_id, m.role, o.kind, o.region_code FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1
)`;

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
  ) {}

  /** The meetings (not cancelled) the caller may see, whole, in one statement: the calendar reads them on every visit. */
  visibleRows(userId: string): Promise<MeetingRow[]> {
    return this.prepared.query<MeetingRow>(
      `${MINE_SQL}
       ${MEETING_SQL} WHERE m.cancelled_at IS NULL AND m.id IN (SELECT mt.id FROM meetings mt WHERE ${VISIBLE_SQL})`,
      [userId],
    );
  }

  /** Organisers' members, invitees, and everyone for network-wide webinars: 'meeting:read' of the policy, in SQL for lists. */
  async visibleIds(userId: string, { includeCancelled = false, meetingId = null as string | null } = {}): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `${MINE_SQL}
       SELECT mt.id FROM meetings mt
       WHERE ($2 OR mt.cancelled_at IS NULL) AND ($3::uuid IS NULL OR mt.id = $3::uuid) AND ${VISIBLE_SQL}`,
      [userId, includeCancelled, meetingId],
    );
    return rows.map((row) => row.id);
  }

  /** The meeting as the policy sees it: organiser, network-wide, and how the caller is invited. */
  async resource(auth: AuthContext, row: MeetingRow): Promise<MeetingResource> {
    const [invited] = await this.db.query(
      `${MINE_SQL} SELECT ${invitedSql('$1')} AS any, ${invitedSql('$1', true)} AS contributor FROM meetings mt WHERE mt.id = $2`,
      [auth.userId, row.id],
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
    const [scope, resource] = await Promise.all([this.policy.scope(auth), this.resource(auth, row)]);
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

  /** Everyone a meeting concerns: organisers' members, invitees and webinar registrants. */
  people(meetingId: string): Promise<MeetingPersonRow[]> {
    return this.db.query(
      `WITH meeting AS (SELECT * FROM meetings WHERE id = $1),
       concerned AS (
         SELECT ms.user_id FROM memberships ms, meeting WHERE ms.organisation_id = meeting.organiser_organisation_id
         UNION SELECT i.user_id FROM meeting_invitees i WHERE i.meeting_id = $1 AND i.user_id IS NOT NULL
         UNION SELECT ms.user_id FROM meeting_invitees i JOIN memberships ms ON ms.organisation_id = i.organisation_id WHERE i.meeting_id = $1
         UNION SELECT ms.user_id FROM meeting_invitees i JOIN organisations o ON o.region_code = i.region_code
                 AND o.kind IN ('country_pathfinder', 'who_regional_office') JOIN memberships ms ON ms.organisation_id = o.id WHERE i.meeting_id = $1
         UNION SELECT r.user_id FROM webinar_registrations r WHERE r.meeting_id = $1
       )
       SELECT u.id AS user_id, u.name, u.email, u.time_zone, u.reminder_minutes, u.email_reminders, u.preferred_language,
              (SELECT o.name FROM memberships ms JOIN organisations o ON o.id = ms.organisation_id WHERE ms.user_id = u.id ORDER BY ms.created_at LIMIT 1) AS organisation_name
       FROM concerned c JOIN users u ON u.id = c.user_id ORDER BY u.name LIMIT 1000`,
      [meetingId],
    );
  }
}
