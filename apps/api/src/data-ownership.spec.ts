import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Each table belongs to one domain lib; the others go through its exported service, never its SQL. This reads the
 * API's source and fails on SQL that names another lib's table (written in capitals, as this codebase writes SQL).
 * Not counted: migrations (api-core), the demo seeder (it fills an empty workspace once), test factories, and the WHO
 * reference data (`countries`, `who_regions`), which every lib may read.
 */
const OWNERS: Record<string, string[]> = {
  accounts: ['users', 'sessions', 'password_reset_tokens'],
  organisations: [
    'organisations',
    'memberships',
    'invitations',
    'access_grants',
    'steering_committee',
    'membership_calls',
    'membership_applications',
    'membership_application_files',
    'membership_reviews',
  ],
  reports: ['reports', 'report_templates', 'report_comments', 'report_images', 'report_mentions', 'report_reviews'],
  collaboration: ['collab_snapshots', 'collab_updates', 'collab_versions', 'collab_contributions'],
  meetings: [
    'meetings',
    'meeting_invitees',
    'meeting_occurrence_changes',
    'meeting_rsvps',
    'meeting_rsvp_reminders',
    'meeting_attendance',
    'meeting_agenda_items',
    'meeting_minutes',
    'webinar_registrations',
    'calendar_feeds',
  ],
  notifications: ['notifications'],
  search: ['search_entries', 'search_documents'],
  lessons: ['lessons', 'lesson_files'],
  discussions: ['discussion_threads', 'discussion_posts'],
  cycles: ['initiatives', 'initiative_partners', 'driver_nodes', 'cycles', 'cycle_milestones', 'cycle_observations', 'cycle_stage_events', 'cycle_activity', 'cycle_evidence_files', 'measures', 'measure_points'],
  monitoring: ['datasets', 'dataset_versions', 'dataset_rows', 'monitoring_charts'],
  audit: ['audit_log'],
  resources: ['resources', 'resource_files', 'resource_collections', 'resource_collection_items'],
  training: ['courses', 'course_modules', 'course_enrolments', 'course_module_progress'],
  publications: ['publications', 'publication_authors', 'publication_links'],
};
const SHARED = ['countries', 'who_regions'];
const NOT_COUNTED_LIBS = ['core', 'demo', 'testing'];

const root = join(__dirname, '..', '..', '..');
const libs = join(root, 'libs', 'api');
const ownerOf = new Map(Object.entries(OWNERS).flatMap(([lib, tables]) => tables.map((table): [string, string] => [table, lib])));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Tables named after FROM, JOIN, INTO, UPDATE or TABLE in a file's text (its SQL lives in template strings). */
export function tablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_]+)\b/g)].map((match) => match[1]))];
}

describe('data ownership', () => {
  it('knows an owner for every table the migrations create', () => {
    const migrations = join(libs, 'core', 'src', 'lib', 'database', 'migrations');
    const created = new Set(sources(migrations).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)/g)].map((m) => m[1])));
    // search_entries' language partitions belong with it.
    const unowned = [...created].filter((table) => !ownerOf.has(table) && !SHARED.includes(table) && !table.startsWith('search_entries_'));
    expect(unowned).toEqual([]);
  });

  it('finds another lib’s table in SQL (the check can fail)', () => {
    expect(tablesIn('SELECT r.id FROM reports r LEFT JOIN users u ON u.id = r.created_by').sort()).toEqual(['reports', 'users']);
  });

  it('has no lib reading or writing another lib’s tables', () => {
    const crossings: string[] = [];
    for (const lib of readdirSync(libs).filter((name) => !NOT_COUNTED_LIBS.includes(name))) {
      for (const file of sources(join(libs, lib, 'src'))) {
        for (const table of tablesIn(readFileSync(file, 'utf8'))) {
          const owner = ownerOf.get(table);
          if (owner && owner !== lib) crossings.push(`${relative(root, file)} uses ${table}, owned by api-${owner}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });
});
