import { Injectable } from '@nestjs/common';
import { NotFoundError, type AuthContext } from '@simashe/api-core';
import { AccessPolicy, type AccessScope } from '@simashe/api-organisations';
import type { ReportStatus } from '@simashe/contracts';
import type { ReportPermissions } from './report.presenter';

export interface ReportFacts {
  organisationId: string;
  status: ReportStatus;
  archived: boolean;
}

export const reportResource = (report: ReportFacts) => ({ kind: 'report' as const, ...report });

/** What the presenter shows, as the AccessPolicy decides it: may the caller type in the document, and manage the report? */
export function reportPermissions(scope: AccessScope, report: ReportFacts): ReportPermissions {
  const resource = reportResource(report);
  return { access: scope.can('document:edit', resource) ? 'edit' : 'read', canManage: scope.can('report:manage', resource) };
}

/** Loads report facts into the AccessPolicy's questions; it decides nothing itself. */
@Injectable()
export class ReportAccess {
  constructor(private readonly policy: AccessPolicy) {}

  /** The caller's permissions on the report, or null when the caller may not read it. */
  async permissions(auth: AuthContext, report: ReportFacts): Promise<(ReportPermissions & { scope: AccessScope }) | null> {
    const scope = await this.policy.scope(auth);
    if (!scope.can('report:read', reportResource(report))) return null;
    return { ...reportPermissions(scope, report), scope };
  }

  notFound(): NotFoundError {
    return new NotFoundError('The report');
  }
}
