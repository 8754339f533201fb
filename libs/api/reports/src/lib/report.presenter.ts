import { nameOf } from '@simashe/api-accounts';
import { byCodePoint } from '@simashe/api-core';
import type { OrganisationSummary } from '@simashe/api-organisations';
import type { RegionCode, Report, ReportStatus } from '@simashe/contracts';

/** A report as its own tables hold it (`REPORT_ROW_SQL`): people and organisations by id only. */
export interface StoredReportRow {
  id: string;
  title: string;
  organisation_id: string;
  period_start: string;
  period_end: string;
  status: ReportStatus;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  created_by: string | null;
  last_edited_at: Date;
  reviewers: Array<{ id: string; done: boolean }>;
}

/** A stored row with the names and region that api-organisations and api-accounts give (`nameReportRows`). */
export interface ReportRow extends Omit<StoredReportRow, 'reviewers'> {
  organisation_name: string;
  region_code: RegionCode | null;
  created_by_name: string | null;
  reviewers: Array<{ id: string; name: string; done: boolean }>;
}

/**
 * One report row with when it was last edited (its details, or its text's newest version) and its reviewers, all in
 * the one statement, so a list of any length is one query. Names come from their owners afterwards, in one batch per
 * list (`nameReportRows`): `users` and `organisations` are never read here.
 */
export const REPORT_ROW_SQL = `
  SELECT r.id, r.title, r.organisation_id,
         to_char(r.period_start, 'YYYY-MM-DD') AS period_start, to_char(r.period_end, 'YYYY-MM-DD') AS period_end,
         r.status, r.archived_at, r.created_at, r.updated_at, r.created_by,
         GREATEST(r.updated_at, r.last_version_at) AS last_edited_at,
         COALESCE((SELECT json_agg(json_build_object('id', rr.reviewer_id, 'done', rr.completed_at IS NOT NULL))
                   FROM report_reviews rr WHERE rr.report_id = r.id), '[]') AS reviewers
  FROM reports r`;

/**
 * The stored rows with their organisation's name and region and their people's names, given the owners' batch
 * answers. As the joins did before: a row whose organisation is gone is left out (an inner join), an author who is
 * gone has no name (a left join), a reviewer who is gone is left out; reviewers by name.
 */
export function nameReportRows(rows: StoredReportRow[], organisations: Map<string, OrganisationSummary>, people: Map<string, string>): ReportRow[] {
  return rows.flatMap((row) => {
    const organisation = organisations.get(row.organisation_id);
    if (!organisation) return [];
    const reviewers = row.reviewers
      .filter((reviewer) => people.has(reviewer.id))
      .map((reviewer) => ({ id: reviewer.id, name: people.get(reviewer.id) as string, done: reviewer.done }))
      .sort((a, b) => byCodePoint(a.name, b.name));
    return [
      {
        ...row,
        organisation_name: organisation.name,
        region_code: organisation.regionCode,
        created_by_name: nameOf(people, row.created_by),
        reviewers,
      },
    ];
  });
}

/** Everyone a list of stored rows names (authors and reviewers), for one lookup. */
export function reportPeopleIds(rows: StoredReportRow[]): string[] {
  return rows.flatMap((row) => [row.created_by, ...row.reviewers.map((reviewer) => reviewer.id)].filter((id): id is string => id !== null));
}

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
