import type { Evidence, Lesson, LessonFile } from '@simashe/contracts';

export interface LessonRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  region_code: string | null;
  country_name: string | null;
  country_iso2: string | null;
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

/**
 * Lessons with who may read them, as a search audience: drafts stay with the organisation's members;
 * published lessons reach the organisation's readers, its region, or the whole network.
 */
export const LESSON_ROWS_SQL = `
  SELECT l.*, o.name AS organisation_name, o.region_code, c.name AS country_name, c.iso2 AS country_iso2,
         CASE WHEN l.status = 'draft' THEN 'members' ELSE l.visibility END AS audience, NULL::uuid AS meeting_id,
         (SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'contentType', f.content_type, 'size', f.size,
                                                     'createdAt', to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) ORDER BY f.created_at), '[]')
          FROM lesson_files f WHERE f.lesson_id = l.id) AS files
  FROM lessons l
  JOIN organisations o ON o.id = l.organisation_id
  LEFT JOIN countries c ON c.iso3 = o.country_iso3`;

/** `authors`: people's names by id (`UsersService.names`), read once for a whole list. */
export function presentLesson(row: LessonRow, authors: ReadonlyMap<string, string>, canEdit: boolean): Lesson {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    regionCode: row.region_code,
    countryName: row.country_name,
    countryIso2: row.country_iso2,
    authorName: row.author_id === null ? null : (authors.get(row.author_id) ?? null),
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
export function lessonBody(row: Pick<LessonRow, 'context' | 'actions' | 'worked' | 'did_not_work' | 'recommendation' | 'initiative'>): string {
  return [row.context, row.actions, row.worked, row.did_not_work, row.recommendation, row.initiative].filter(Boolean).join('\n\n');
}
