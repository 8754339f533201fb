import type { RegionCode, Report, ReportStatus } from '@simashe/contracts';

export interface ReportRow {
  id: string;
  title: string;
  organisation_id: string;
  organisation_name: string;
  region_code: RegionCode | null;
  period_start: string;
  period_end: string;
  status: ReportStatus;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  last_edited_at: Date;
  reviewers: Array<{ id: string; name: string; done: boolean }>;
}

/**
 * One report row with its author, when it was last edited (its details, or its text's newest version) and its
 * reviewers, all in the one statement, so a list of any length is one query.
 */
export const REPORT_ROW_SQL = `
  SELECT r.id, r.title, r.organisation_id, o.name AS organisation_name, o.region_code,
         to_char(r.period_start, 'YYYY-MM-DD') AS period_start, to_char(r.period_end, 'YYYY-MM-DD') AS period_end,
         r.status, r.archived_at, r.created_at, r.updated_at, r.created_by, author.name AS created_by_name,
         GREATEST(r.updated_at, (SELECT max(v.created_at) FROM collab_versions v WHERE v.document_id = r.id)) AS last_edited_at,
         COALESCE((SELECT json_agg(json_build_object('id', rr.reviewer_id, 'name', ru.name, 'done', rr.completed_at IS NOT NULL) ORDER BY ru.name)
                   FROM report_reviews rr JOIN users ru ON ru.id = rr.reviewer_id WHERE rr.report_id = r.id), '[]') AS reviewers
  FROM reports r JOIN organisations o ON o.id = r.organisation_id LEFT JOIN users author ON author.id = r.created_by`;

export interface ReportPermissions {
  access: 'edit' | 'read';
  canManage: boolean;
}

export function presentReport(row: ReportRow, permissions: ReportPermissions): Report {
  return {
    id: row.id,
    title: row.title,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    regionCode: row.region_code,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status,
    archived: row.archived_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    access: permissions.access,
    canManage: permissions.canManage,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    lastEditedAt: new Date(row.last_edited_at).toISOString(),
    reviewers: row.reviewers,
  };
}
