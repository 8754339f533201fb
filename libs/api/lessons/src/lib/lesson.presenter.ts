import { nameOf } from '@simashe/api-accounts';
import type { OrganisationWithCountry } from '@simashe/api-organisations';
import type { Evidence, Lesson, LessonFile } from '@simashe/contracts';

/** A lesson as this domain's tables hold it, with its files: its organisation by id only. */
export interface StoredLessonRow {
  id: string;
  organisation_id: string;
  /** Null once the author's account is gone; their name comes from UsersService. */
  author_id: string | null;
  title: string;
  context: string;
  actions: string;
  worked: string;
  did_not_work: string;
  recommendation: string;
  determinants: Lesson['determinants'];
  sectors: Lesson['sectors'];
  levels: Lesson['levels'];
  initiative: string;
  cycle_stage: Lesson['cycleStage'];
  language: Lesson['language'];
  status: Lesson['status'];
  visibility: Lesson['visibility'];
  evidence: Evidence[];
  files: LessonFile[];
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

/** A stored lesson with its organisation's name, region and country, as api-organisations gives them (`nameLessons`). */
export interface LessonRow extends StoredLessonRow {
  organisation_name: string;
  region_code: string | null;
  country_name: string | null;
  country_iso2: string | null;
}

/** A lesson's own columns, its search audience (drafts stay with the organisation's members) and its files. */
const LESSON_COLUMNS_SQL = `l.*, CASE WHEN l.status = 'draft' THEN 'members' ELSE l.visibility END AS audience, NULL::uuid AS meeting_id,
         (SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'contentType', f.content_type, 'size', f.size,
                                                     'createdAt', to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) ORDER BY f.created_at), '[]')
          FROM lesson_files f WHERE f.lesson_id = l.id) AS files`;

/** Lessons from this domain's tables only, with their search audience (for the search index). */
export const STORED_LESSON_SQL = `SELECT ${LESSON_COLUMNS_SQL} FROM lessons l`;

/**
 * Lessons with who may read them, as a search audience: drafts stay with the organisation's members; published
 * lessons reach the organisation's readers, its region, or the whole network. The rule (`audienceCondition`) and the
 * region filter ask for the region of the lesson's organisation, which is api-organisations': the statement is handed
 * the organisations of the regions it asks about as (id, region) pairs, in the parameters named by `organisationIds`
 * and `regionCodes` (OrganisationsService.idsInRegions), and `region_code` here is the organisation's region when it
 * is one of those, else null. It serves those conditions only; rows take their organisation's name, region and
 * country afterwards (`nameLessons`). `organisations` is never read here.
 */
export function lessonRowsSql(organisationIds: string, regionCodes: string): string {
  return `SELECT ${LESSON_COLUMNS_SQL}, r.region_code
  FROM lessons l
  LEFT JOIN unnest(${organisationIds}::uuid[], ${regionCodes}::text[]) AS r (organisation_id, region_code) ON r.organisation_id = l.organisation_id`;
}

/**
 * Stored lessons with their organisation's name, region and country (`summariesWithCountry`, one batch per list).
 * As the join did, a lesson whose organisation is gone is left out.
 */
export function nameLessons(rows: readonly StoredLessonRow[], organisations: ReadonlyMap<string, OrganisationWithCountry>): LessonRow[] {
  return rows.flatMap((row) => {
    const organisation = organisations.get(row.organisation_id);
    if (!organisation) return [];
    return [{ ...row, organisation_name: organisation.name, region_code: organisation.regionCode, country_name: organisation.countryName, country_iso2: organisation.countryIso2 }];
  });
}

/** `authors`: people's names by id (`UsersService.names`), read once for a whole list. */
export function presentLesson(row: LessonRow, authors: ReadonlyMap<string, string>, canEdit: boolean): Lesson {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    regionCode: row.region_code,
    countryName: row.country_name,
    countryIso2: row.country_iso2,
    authorName: nameOf(authors, row.author_id),
    title: row.title,
    context: row.context,
    actions: row.actions,
    worked: row.worked,
    didNotWork: row.did_not_work,
    recommendation: row.recommendation,
    determinants: row.determinants,
    sectors: row.sectors,
    levels: row.levels,
    initiative: row.initiative,
    cycleStage: row.cycle_stage,
    language: row.language,
    status: row.status,
    visibility: row.visibility,
    evidence: row.evidence,
    files: row.files,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    canEdit,
  };
}

/** The searchable text of a lesson, section by section. */
export function lessonBody(row: Pick<StoredLessonRow, 'context' | 'actions' | 'worked' | 'did_not_work' | 'recommendation' | 'initiative'>): string {
  return [row.context, row.actions, row.worked, row.did_not_work, row.recommendation, row.initiative].filter(Boolean).join('\n\n');
}
