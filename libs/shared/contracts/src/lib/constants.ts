/**
 * Plain value lists, free of zod, so the web bundle can use them without pulling in every schema.
 * The schemas in the other files are built from these.
 */
export const SUPPORTED_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
/** Right-to-left languages drive the document direction. */
export const RTL_LANGUAGES: readonly Language[] = ['ar'];

export const WHO_REGION_CODES = ['AFRO', 'AMRO', 'SEARO', 'EURO', 'EMRO', 'WPRO'] as const;
export type RegionCode = (typeof WHO_REGION_CODES)[number];

export const ORGANISATION_KINDS = ['country_pathfinder', 'who_regional_office', 'core_partner', 'secretariat', 'member_institution'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** What a member institution of the network offers, as the public members page and the directory show it. */
export const EXPERTISE_AREAS = [
  'inequality_monitoring',
  'survey_methods',
  'statistics',
  'data_visualisation',
  'qualitative_research',
  'policy_analysis',
  'health_systems',
  'social_determinants',
  'environmental_health',
  'gender_equity',
  'geospatial_analysis',
  'training',
] as const;
export type ExpertiseArea = (typeof EXPERTISE_AREAS)[number];

export const MEMBER_ROLES = ['admin', 'editor', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Why the caller can see an organisation: drives what the home page groups it under. */
export const ACCESS_RELATIONS = ['member', 'regional_office', 'secretariat', 'partner_grant'] as const;
export type AccessRelation = (typeof ACCESS_RELATIONS)[number];

export const REPORT_STATUSES = ['draft', 'in_review', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The real-time document field every report editor binds to. */
export const REPORT_DOCUMENT_FIELD = 'default';
/** Largest single Yjs update or awareness frame the server accepts. */
export const MAX_COLLAB_FRAME_BYTES = 512 * 1024;
