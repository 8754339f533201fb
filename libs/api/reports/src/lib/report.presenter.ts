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
}

export const REPORT_ROW_SQL = `
  SELECT r.id, r.title, r.organisation_id, o.name AS organisation_name, o.region_code,
         to_char(r.period_start, 'YYYY-MM-DD') AS period_start, to_char(r.period_end, 'YYYY-MM-DD') AS period_end,
         r.status, r.archived_at, r.created_at, r.updated_at
  FROM reports r JOIN organisations o ON o.id = r.organisation_id`;

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
  };
}
