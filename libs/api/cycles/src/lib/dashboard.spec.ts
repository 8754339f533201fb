import { bootTestApp, createOrganisation, createUser, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { occurrences } from '@simashe/scheduling';
import { CyclesModule } from './cycles.module';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Monday 00:00 UTC of the week holding `time`. */
function weekStart(time: number): number {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
}

/** The burn-down as first written, one milestone at a time: the reference the grouped SQL version must match. */
function referenceBurndown(milestones: Array<{ created_at: Date; due_on: string | null; completed_at: Date | null }>, now: number) {
  const thisWeek = weekStart(now);
  const burndown = [];
  for (let offset = -11; offset <= 4; offset += 1) {
    const start = thisWeek + offset * WEEK;
    const end = start + WEEK;
    const endDate = new Date(end).toISOString().slice(0, 10);
    const planned = milestones.filter((m) => m.created_at.getTime() < Math.max(end, now) && (m.due_on === null || m.due_on >= endDate)).length;
    const open = end <= now || offset === 0
      ? milestones.filter((m) => m.created_at.getTime() < Math.min(end, now) && !(m.completed_at && m.completed_at.getTime() < Math.min(end, now))).length
      : null;
    burndown.push({ week: new Date(start).toISOString().slice(0, 10), open, due: planned });
  }
  return burndown;
}

describe('network dashboard', () => {
  let t: TestApp;
  let secretariat: TestClient;

  beforeAll(async () => {
    // SQL_QUERY_COUNT on: every response carries X-Query-Count.
    // Pathfinders are made as fixtures, behind the API: access is read on every request (AUTH_CACHE_SECONDS 0).
    t = await bootTestApp([CyclesModule], { sqlQueryCount: true, authCacheSeconds: 0 });
    secretariat = await signedInMember(t, (await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' })).id, 'admin');
  });
  afterAll(() => t.close());

  async function initiativeWithCycle(organisationId: string, title: string): Promise<{ initiativeId: string; cycleId: string }> {
    const [initiative] = await t.db.query(`INSERT INTO initiatives (organisation_id, title, aim_what) VALUES ($1, $2, 'Aim') RETURNING id`, [organisationId, title]);
    const [cycle] = await t.db.query(`INSERT INTO cycles (initiative_id, number, title, stage) VALUES ($1, 1, 'First', 'act') RETURNING id`, [initiative.id]);
    return { initiativeId: initiative.id, cycleId: cycle.id };
  }

  /** A pathfinder with two initiatives, each with a closed and an active cycle, milestones, a measure, a report and a lesson. */
  async function pathfinder(iso3: string): Promise<void> {
    const { id } = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: iso3, name: `${iso3} pathfinder` });
    for (const title of ['Housing and health', 'Cash transfers']) {
      const [initiative] = await t.db.query(`INSERT INTO initiatives (organisation_id, title, aim_what) VALUES ($1, $2, 'Aim') RETURNING id`, [id, title]);
      await t.db.query(
        `INSERT INTO cycles (initiative_id, number, title, stage, closed_at) VALUES ($1, 1, 'First', 'closed', now()), ($1, 2, 'Second', 'act', NULL)`,
        [initiative.id],
      );
      await t.db.query(
        `INSERT INTO cycle_milestones (cycle_id, title, due_on, status, completed_at)
         SELECT c.id, 'Milestone', current_date + d, CASE WHEN d < 0 THEN 'done' ELSE 'todo' END, CASE WHEN d < 0 THEN now() END
         FROM cycles c CROSS JOIN unnest(ARRAY[-20, -3, 10]) d WHERE c.initiative_id = $1`,
        [initiative.id],
      );
      await t.db.query(`INSERT INTO measures (initiative_id, name, kind, direction, latest_signal) VALUES ($1, 'Admissions', 'outcome', 'lower_is_better', 'improvement')`, [initiative.id]);
      await t.db.query(`INSERT INTO cycle_activity (initiative_id, kind) VALUES ($1, 'cycle_started'), ($1, 'milestone_done')`, [initiative.id]);
    }
    await t.db.query(`INSERT INTO lessons (organisation_id, title, language, status, published_at) VALUES ($1, 'Lesson', 'en', 'published', now())`, [id]);
    await t.db.query(`INSERT INTO reports (organisation_id, title, period_start, period_end) VALUES ($1, 'Report', '2026-01-01', '2026-06-30')`, [id]);
  }

  async function dashboard(query = ''): Promise<{ queries: number; body: { generatedAt: string; rows: Array<Record<string, unknown>>; burndown: unknown[] } }> {
    const response = await secretariat.get(`/api/cycles-dashboard${query}`);
    expect(response.status).toBe(200);
    return { queries: Number(response.headers['x-query-count']), body: response.body };
  }

  it('counts the SQL statements of a request in X-Query-Count, and runs as many for 12 pathfinders as for 2', async () => {
    const countries = ['KEN', 'GHA', 'BRA', 'LKA', 'SVN', 'IND', 'FRA', 'PER', 'NGA', 'THA', 'ESP', 'CHL'];
    for (const iso3 of countries.slice(0, 2)) await pathfinder(iso3);
    const small = await dashboard();
    for (const iso3 of countries.slice(2)) await pathfinder(iso3);
    const large = await dashboard();
    expect(small.body.rows).toHaveLength(2);
    expect(large.body.rows).toHaveLength(12);
    expect(small.queries).toBeGreaterThan(0);
    expect(large.queries).toBe(small.queries);
  });

  it('counts the burn-down in SQL exactly as counting milestone by milestone would, at week boundaries too', async () => {
    const { id } = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'MEX', name: 'Burn-down pathfinder' });
    const { cycleId } = await initiativeWithCycle(id, 'Boundaries');
    // Instants on, just before and just after week boundaries (to the microsecond), mid-week, and in the future.
    const thisWeek = weekStart(Date.now());
    const instants: string[] = [];
    const dates: Array<string | null> = [null];
    for (let offset = -14; offset <= 6; offset += 1) {
      const boundary = thisWeek + offset * WEEK;
      const iso = new Date(boundary).toISOString();
      instants.push(iso, iso.replace('.000Z', '.000001Z'), new Date(boundary - 1).toISOString().replace('Z', '999Z'), new Date(boundary + 3.5 * DAY).toISOString());
      dates.push(iso.slice(0, 10), new Date(boundary - DAY).toISOString().slice(0, 10), new Date(boundary + 3 * DAY).toISOString().slice(0, 10));
    }
    let seed = 7;
    const pick = <T>(list: T[]): T => list[(seed = (seed * 48271) % 2147483647) % list.length];
    const rows: unknown[][] = [];
    for (let i = 0; i < 400; i += 1) {
      const created = pick(instants);
      const completed = seed % 3 === 0 ? null : pick(instants);
      rows.push([cycleId, created, pick(dates), completed]);
    }
    await t.db.query(
      `INSERT INTO cycle_milestones (cycle_id, title, created_at, due_on, completed_at)
       SELECT (r->>0)::uuid, 'Milestone', (r->>1)::timestamptz, (r->>2)::date, (r->>3)::timestamptz FROM jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify(rows)],
    );
    const { body } = await dashboard(`?organisationId=${id}`);
    const milestones = await t.db.query(
      `SELECT m.created_at, to_char(m.due_on, 'YYYY-MM-DD') AS due_on, m.completed_at FROM cycle_milestones m WHERE m.cycle_id = $1`,
      [cycleId],
    );
    expect(milestones).toHaveLength(400);
    expect(body.burndown).toEqual(referenceBurndown(milestones, new Date(body.generatedAt).getTime()));
  });

  it('counts meetings held and attended over 90 days as expanding every occurrence would, across time zones and DST', async () => {
    const { id } = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'URY', name: 'Meetings pathfinder' });
    const office = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AMRO', name: 'Meetings regional office' });
    const member = await createUser(t.db, { memberOf: [{ organisationId: id, role: 'editor' }] });
    const day = (offset: number, time: string) => `${new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)}T${time}`;
    const definitions = [
      // Weekly for 40 weeks from 30 weeks ago, New York (crosses daylight-saving changes); the pathfinder organises it
      // and its region is invited too (counted once).
      { organiser: id, localStart: day(-210, '09:30'), timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;COUNT=40', region: 'AMRO', invited: null },
      // Monthly from 5 months ago, Tokyo (the previous day in UTC), for the region.
      { organiser: office.id, localStart: day(-150, '07:00'), timeZone: 'Asia/Tokyo', rrule: 'FREQ=MONTHLY;COUNT=12', region: 'AMRO', invited: null },
      // Fortnightly, the pathfinder invited by name.
      { organiser: office.id, localStart: day(-60, '18:00'), timeZone: 'Pacific/Auckland', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=10', region: null, invited: id },
      // Single meetings: inside the window, and just outside it.
      { organiser: id, localStart: day(-10, '15:00'), timeZone: 'UTC', rrule: null, region: null, invited: null },
      { organiser: id, localStart: day(-91, '12:00'), timeZone: 'Europe/Paris', rrule: null, region: null, invited: null },
      // Not concerning it: another region's meeting.
      { organiser: office.id, localStart: day(-20, '10:00'), timeZone: 'UTC', rrule: null, region: 'EURO', invited: null },
      // Under way (began half an hour ago, an hour long): not held yet, its attendance not recorded yet.
      { organiser: id, localStart: new Date(Date.now() - 30 * 60_000).toISOString().slice(0, 16), timeZone: 'UTC', rrule: null, region: null, invited: null },
    ];
    const now = Date.now();
    let expectedHeld = 0;
    let expectedAttended = 0;
    for (const [index, definition] of definitions.entries()) {
      const [meeting] = await t.db.query(
        `INSERT INTO meetings (organiser_organisation_id, title, kind, local_start, duration_minutes, time_zone, rrule)
         VALUES ($1, $2, 'action_learning_session', $3, 60, $4, $5) RETURNING id`,
        [definition.organiser, `Meeting ${index}`, definition.localStart.replace('T', ' '), definition.timeZone, definition.rrule],
      );
      if (definition.region) await t.db.query('INSERT INTO meeting_invitees (meeting_id, region_code) VALUES ($1, $2)', [meeting.id, definition.region]);
      if (definition.invited) await t.db.query('INSERT INTO meeting_invitees (meeting_id, organisation_id) VALUES ($1, $2)', [meeting.id, definition.invited]);
      if (definition.region === 'EURO') continue;
      // The reference: every occurrence built, then those begun in the last 90 days and over by now kept; one in
      // three cancelled, every other one attended.
      const all = occurrences({ localStart: definition.localStart, durationMinutes: 60, timeZone: definition.timeZone, rrule: definition.rrule });
      const recent = all.filter((o) => Date.parse(o.end) <= now && Date.parse(o.start) >= now - 90 * DAY);
      for (const [k, occurrence] of recent.entries()) {
        if (k % 3 === 1) {
          await t.db.query('INSERT INTO meeting_occurrence_changes (meeting_id, occurrence_local_start, cancelled) VALUES ($1, $2, true)', [meeting.id, occurrence.localStart]);
          continue;
        }
        expectedHeld += 1;
        if (k % 2 === 0) {
          await t.db.query('INSERT INTO meeting_attendance (meeting_id, occurrence_local_start, user_id, self_check_in) VALUES ($1, $2, $3, true)', [meeting.id, occurrence.localStart, member.id]);
          expectedAttended += 1;
        }
      }
    }
    expect(expectedHeld).toBeGreaterThan(10);
    const { body } = await dashboard(`?organisationId=${id}`);
    expect(body.rows[0]).toMatchObject({ meetingsHeld90: expectedHeld, attendanceRate90: Math.round((expectedAttended / expectedHeld) * 1000) / 1000 });
  });
});
