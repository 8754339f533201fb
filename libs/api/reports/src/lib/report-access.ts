import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError, type AuthContext } from '@simashe/api-core';
import { AccessPolicy, type OrganisationAccess } from '@simashe/api-organisations';
import type { ReportStatus } from '@simashe/contracts';
import type { ReportPermissions } from './report.presenter';

export interface ReportFacts {
  organisationId: string;
  status: ReportStatus;
  archived: boolean;
}

/**
 * Report rules, derived from the organisation policy: whoever may read the organisation reads its reports;
 * its own editors and admins write, except while a report is submitted or archived; its admins (and
 * secretariat admins) manage: archive, reopen, save as template.
 */
export function reportPermissions(access: OrganisationAccess, report: ReportFacts): ReportPermissions {
  const writer = access.relation === 'member' && (access.role === 'admin' || access.role === 'editor');
  return {
    access: writer && report.status !== 'submitted' && !report.archived ? 'edit' : 'read',
    canManage: access.canManage,
  };
}

@Injectable()
export class ReportAccess {
  constructor(private readonly policy: AccessPolicy) {}

  async permissions(auth: AuthContext, report: ReportFacts): Promise<(ReportPermissions & { organisation: OrganisationAccess }) | null> {
    const organisation = await this.policy.organisationAccess(auth, report.organisationId);
    return organisation ? { ...reportPermissions(organisation, report), organisation } : null;
  }

  /** Members who write in the organisation, whatever the report's state (renaming, moving through review). */
  async requireWriter(auth: AuthContext, organisationId: string): Promise<OrganisationAccess> {
    const access = await this.policy.requireAccess(auth, 'organisation:read', organisationId);
    if (!(access.relation === 'member' && (access.role === 'admin' || access.role === 'editor')) && !access.canManage) {
      throw new ForbiddenError('Only editors and admins of this organisation can do this');
    }
    return access;
  }

  notFound(): NotFoundError {
    return new NotFoundError('The report');
  }
}
