import { Injectable } from '@nestjs/common';
import type { AuthContext } from '@simashe/api-core';
import { AccessPolicy, type AccessScope } from '@simashe/api-organisations';

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
  /** The AccessPolicy's scope these were read from, for the questions lists ask of each row. */
  access: AccessScope;
}

export type MeetingScopeResolver = (auth: AuthContext) => Promise<string[]>;

/**
 * Builds a person's scope. Meetings decide their own visibility, so the meetings module registers how to
 * list the meetings someone sees (search does not depend on meetings).
 */
@Injectable()
export class SearchScopes {
  private meetingResolver: MeetingScopeResolver = async () => [];

  constructor(private readonly policy: AccessPolicy) {}

  registerMeetings(resolver: MeetingScopeResolver): void {
    this.meetingResolver = resolver;
    this.meetingsRegistered = true;
  }

  /** Whether the meetings module said how to list the meetings someone sees (the app checks it at start). */
  meetingsRegistered = false;

  /** The AccessPolicy's scope, in the terms search entries are labelled with. */
  async scopeFor(auth: AuthContext): Promise<SearchScope> {
    const [scope, meetings] = await Promise.all([this.policy.scope(auth), this.meetingResolver(auth)]);
    return {
      readable: scope.readableOrganisationIds,
      members: scope.memberOrganisationIds,
      regions: [...scope.regions],
      secretariat: scope.secretariat,
      meetings,
      access: scope,
    };
  }
}

/**
 * The AccessPolicy's read rules (lesson:read, meeting:read, report:read) in SQL, for lists: "this entry's audience
 * includes the person", over a table aliased `alias` with columns
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
