import { Injectable } from '@nestjs/common';
import type { AuthContext } from '@simashe/api-core';
import { AccessPolicy } from '@simashe/api-organisations';
import { DataSource } from 'typeorm';

/** What one person may read, in the terms search entries are labelled with (their audience). */
export interface SearchScope {
  /** Organisations the person may read (members, regional offices, secretariat, partner grants). */
  readable: string[];
  /** Organisations the person belongs to: drafts are for them. */
  members: string[];
  /** WHO regions of the organisations they belong to; "my region" lessons are for them. */
  regions: string[];
  /** Secretariat members read region-wide lessons of every region. */
  secretariat: boolean;
  /** Meetings they organise or are invited to (or open webinars). */
  meetings: string[];
}

export type MeetingScopeResolver = (auth: AuthContext) => Promise<string[]>;

/**
 * Builds a person's scope. Meetings decide their own visibility, so the meetings module registers how to
 * list the meetings someone sees (search does not depend on meetings).
 */
@Injectable()
export class SearchScopes {
  private meetingResolver: MeetingScopeResolver = async () => [];

  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
  ) {}

  registerMeetings(resolver: MeetingScopeResolver): void {
    this.meetingResolver = resolver;
  }

  async scopeFor(auth: AuthContext): Promise<SearchScope> {
    const [visible, memberships, meetings] = await Promise.all([
      this.policy.visibleOrganisations(auth),
      this.db.query(
        `SELECT m.organisation_id, o.region_code, o.kind FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1`,
        [auth.userId],
      ) as Promise<Array<{ organisation_id: string; region_code: string | null; kind: string }>>,
      this.meetingResolver(auth),
    ]);
    return {
      readable: visible.map((access) => access.organisationId),
      members: memberships.map((m) => m.organisation_id),
      regions: [...new Set(memberships.map((m) => m.region_code).filter((code): code is string => code !== null))],
      secretariat: memberships.some((m) => m.kind === 'secretariat'),
      meetings,
    };
  }
}

/**
 * The SQL condition "this entry's audience includes the person", over a table aliased `alias` with columns
 * audience, organisation_id, region_code and meeting_id. Appends its parameters to `params`.
 */
export function audienceCondition(scope: SearchScope, params: unknown[], alias = 'e'): string {
  const at = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return `(
    ${alias}.audience = 'network'
    OR (${alias}.audience = 'region' AND (${at(scope.secretariat)}::boolean OR ${alias}.region_code = ANY(${at(scope.regions)}::text[])
        OR ${alias}.organisation_id = ANY(${at(scope.readable)}::uuid[])))
    OR (${alias}.audience = 'organisation' AND ${alias}.organisation_id = ANY(${at(scope.readable)}::uuid[]))
    OR (${alias}.audience = 'members' AND ${alias}.organisation_id = ANY(${at(scope.members)}::uuid[]))
    OR (${alias}.audience = 'meeting' AND ${alias}.meeting_id = ANY(${at(scope.meetings)}::uuid[]))
  )`;
}
