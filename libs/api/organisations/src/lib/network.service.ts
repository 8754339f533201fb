import { Injectable } from '@nestjs/common';
import { byCodePoint, ConflictError, eventActor, EventBus, NotFoundError, ValidationError, type AuthContext } from '@simashe/api-core';
import type { ExpertiseArea, PublicMembers, SteeringCommittee } from '@simashe/contracts';
import { DataSource } from 'typeorm';
import { UsersService } from '@simashe/api-accounts';
import { AccessPolicy } from './access.policy';
import { regionAndCountry, type OrganisationRow } from './organisation.presenter';

const NO_ACCOUNT = 'No account uses this email address; invite the person to an organisation first';

type InstitutionRow = Pick<OrganisationRow, 'id' | 'name' | 'region_code' | 'region_name' | 'region_office_name' | 'country_iso3' | 'country_iso2' | 'country_name'> & {
  expertise: ExpertiseArea[];
  website: string | null;
  representative_ids: string[];
};

/** The person's first organisation (the one they joined first), as the directory names them. */
const FIRST_ORGANISATION_SQL = `(SELECT o.name FROM memberships ms JOIN organisations o ON o.id = ms.organisation_id
  WHERE ms.user_id = s.user_id ORDER BY ms.created_at, o.name LIMIT 1)`;

/** People's names in the order PostgreSQL's `ORDER BY name` gave (code points, the C collation). */
const byName = (a: { name: string }, b: { name: string }) => byCodePoint(a.name, b.name);

/**
 * The network as a whole: its member institutions, secretariat and steering committee. The public members page
 * shows only what the institutions chose to make known (areas of expertise, website, the names of the members they
 * named as representatives); never an email.
 */
@Injectable()
export class NetworkService {
  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
    private readonly events: EventBus,
    private readonly users: UsersService,
  ) {}

  /** Names come from the people's accounts (api-accounts): one lookup for the whole page. */
  async publicMembers(): Promise<PublicMembers> {
    const [institutions, secretariat, committee] = await Promise.all([
      this.db.query(
        `SELECT o.id, o.name, o.region_code, r.name AS region_name, r.office_name AS region_office_name, o.country_iso3,
                c.iso2 AS country_iso2, c.name AS country_name, o.expertise, o.website,
                ARRAY(SELECT m.user_id FROM memberships m WHERE m.organisation_id = o.id AND m.representative) AS representative_ids
         FROM organisations o LEFT JOIN who_regions r ON r.code = o.region_code LEFT JOIN countries c ON c.iso3 = o.country_iso3
         WHERE o.kind = 'member_institution' ORDER BY lower(o.name)`,
      ) as Promise<InstitutionRow[]>,
      this.db.query(
        `SELECT m.user_id, o.name AS organisation_name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE o.kind = 'secretariat' AND m.representative`,
      ) as Promise<Array<{ user_id: string; organisation_name: string }>>,
      this.db.query(`SELECT s.user_id, ${FIRST_ORGANISATION_SQL} AS organisation_name FROM steering_committee s`) as Promise<
        Array<{ user_id: string; organisation_name: string | null }>
      >,
    ]);
    const names = await this.users.names([...institutions.flatMap((row) => row.representative_ids), ...secretariat.map((row) => row.user_id), ...committee.map((row) => row.user_id)]);
    const named = <T extends { user_id: string; organisation_name: string | null }>(rows: T[]) =>
      rows
        .filter((row) => names.has(row.user_id))
        .map((row) => ({ name: names.get(row.user_id) as string, organisationName: row.organisation_name as T['organisation_name'] }))
        .sort(byName);
    return {
      institutions: institutions.map((row) => ({
        id: row.id,
        name: row.name,
        ...regionAndCountry(row),
        expertise: row.expertise,
        website: row.website,
        representatives: row.representative_ids
          .flatMap((id) => (names.has(id) ? [{ name: names.get(id) as string }] : []))
          .sort(byName)
          .map(({ name }) => name),
      })),
      secretariat: named(secretariat),
      steeringCommittee: named(committee),
    };
  }

  async steeringCommittee(auth: AuthContext): Promise<SteeringCommittee> {
    const scope = await this.policy.scope(auth);
    scope.require('network:read', { kind: 'network' });
    const rows: Array<{ user_id: string; organisation_name: string | null; added_at: Date }> = await this.db.query(
      `SELECT s.user_id, ${FIRST_ORGANISATION_SQL} AS organisation_name, s.added_at FROM steering_committee s`,
    );
    const people = await this.users.people(rows.map((row) => row.user_id));
    const items = rows.flatMap((row) => {
      const person = people.get(row.user_id);
      return person ? [{ userId: row.user_id, name: person.name, email: person.email, organisationName: row.organisation_name, addedAt: new Date(row.added_at).toISOString() }] : [];
    });
    return {
      items: items.sort(byName),
      canManage: scope.can('network:manage', { kind: 'network' }),
    };
  }

  /** Secretariat admins appoint someone who already has an account (any organisation's member). */
  async appoint(auth: AuthContext, email: string): Promise<SteeringCommittee> {
    (await this.policy.scope(auth)).require('network:manage', { kind: 'network' });
    const user = await this.users.findByEmail(email);
    if (!user) throw new ValidationError(NO_ACCOUNT, [{ path: 'email', message: NO_ACCOUNT }]);
    const inserted: unknown[] = await this.db.query(
      'INSERT INTO steering_committee (user_id, added_by) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING RETURNING user_id',
      [user.id, auth.userId],
    );
    if (inserted.length === 0) throw new ConflictError('This person is already on the steering committee');
    // Steering-committee members read calls and review applications: their access changed.
    await this.events.emit('access.changed', { userIds: [user.id] });
    // The appointee is told (notifications listens).
    await this.events.emit('network.steering_appointed', { actor: eventActor(auth), userId: user.id });
    return this.steeringCommittee(auth);
  }

  async remove(auth: AuthContext, userId: string): Promise<void> {
    (await this.policy.scope(auth)).require('network:manage', { kind: 'network' });
    // TypeORM answers a DELETE with [rows, count].
    const [, removed] = (await this.db.query('DELETE FROM steering_committee WHERE user_id = $1', [userId])) as [unknown[], number];
    if (removed === 0) throw new NotFoundError('The steering committee member');
    await this.events.emit('access.changed', { userIds: [userId] });
  }
}
