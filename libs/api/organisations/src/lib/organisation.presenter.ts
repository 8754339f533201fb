import type { Country, ExpertiseArea, Organisation, OrganisationKind, Region, RegionCode } from '@simashe/contracts';
import type { OrganisationAccess } from './access-scope';

export interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  region_code: RegionCode | null;
  region_name: string | null;
  region_office_name: string | null;
  country_iso3: string | null;
  country_iso2: string | null;
  country_name: string | null;
  member_count: number;
  time_zone: string;
  work_day_start: string;
  work_day_end: string;
  expertise: ExpertiseArea[];
  website: string | null;
}

export const ORGANISATION_ROW_SQL = `
  SELECT o.id, o.name, o.kind, o.region_code, r.name AS region_name, r.office_name AS region_office_name,
         o.country_iso3, o.time_zone, to_char(o.work_day_start, 'HH24:MI') AS work_day_start,
         to_char(o.work_day_end, 'HH24:MI') AS work_day_end, c.iso2 AS country_iso2, c.name AS country_name,
         o.expertise, o.website,
         (SELECT count(*)::int FROM memberships m WHERE m.organisation_id = o.id) AS member_count
  FROM organisations o
  LEFT JOIN who_regions r ON r.code = o.region_code
  LEFT JOIN countries c ON c.iso3 = o.country_iso3`;

export function presentOrganisation(row: OrganisationRow, access: OrganisationAccess): Organisation {
  const { region, country } = regionAndCountry(row);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    region,
    country,
    myRole: access.role,
    relation: access.relation,
    memberCount: row.member_count,
    timeZone: row.time_zone,
    workDayStart: row.work_day_start,
    workDayEnd: row.work_day_end,
    expertise: row.expertise,
    website: row.website,
  };
}

export function regionAndCountry(row: Pick<OrganisationRow, 'region_code' | 'region_name' | 'region_office_name' | 'country_iso3' | 'country_iso2' | 'country_name'>): { region: Region | null; country: Country | null } {
  const region: Region | null = row.region_code
    ? { code: row.region_code, name: row.region_name ?? '', officeName: row.region_office_name ?? '' }
    : null;
  const country: Country | null =
    row.country_iso3 && row.region_code
      ? { iso3: row.country_iso3, iso2: row.country_iso2 ?? '', name: row.country_name ?? '', regionCode: row.region_code }
      : null;
  return { region, country };
}
