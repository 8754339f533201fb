// `npm run bench:dashboard` — not a test: prints figures for the network dashboard (`GET /api/cycles-dashboard`).
//   Generates BENCH_PATHFINDERS (200) country pathfinders in SQL with a fixed seed, each with 5 initiatives × 10 cycles
//   (9 closed, 1 active in a random stage, with stage events), ~3 milestones per cycle (some overdue), 2 measures per
//   initiative with 24 monthly points, activity, reports, lessons, a monthly meeting with attendance, plus weekly
//   regional webinars. The dashboard is measured first with 20 pathfinders, then with all of them, BENCH_RUNS (60)
//   sequential runs after a warm-up, as the secretariat (the whole network): p50/p95/p99, throughput, response size,
//   rows and X-Query-Count (the API runs with SQL_QUERY_COUNT=true); then 4 parallel clients for 5 s, and the API's RSS.
//   BENCH_CPU_PROF=1 runs the API under `node --cpu-prof`; the profile is written to tmp/prof when the API stops.
//   BENCH_BREAKDOWN=1 also runs the built DashboardService in this process on a pool of 10 connections and prints, per
//   statement, its round trip and PostgreSQL's own execution time (EXPLAIN ANALYZE): what is SQL and what is not;
//   BENCH_BREAKDOWN=plans prints the query plans too.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { benchmark, connect, percentile, root, rss, setting, signIn, startApi, startPostgres, stopApi } from './bench-support.mjs';

const PATHFINDERS = setting('BENCH_PATHFINDERS', 200, 4);
const SMALL = Math.min(20, PATHFINDERS);
const RUNS = setting('BENCH_RUNS', 60, 5);
const WARMUP = 5;
const CLIENTS = 4;
const CONCURRENT_SECONDS = setting('BENCH_CONCURRENT_SECONDS', 5, 1);
const PROFILE_DIR = process.env.BENCH_CPU_PROF ? join(root, 'tmp/prof') : undefined;
const INITIATIVES = 5;
const CYCLES = 10;
const DAY = 86_400_000;
const NOW = Date.now();

// A fixed-seed generator (mulberry32), so every run builds the same network.
let seed = 20261125;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + random() * (high - low);
const some = (list) => {
  const chosen = list.filter(() => random() < 0.35);
  return chosen.length ? chosen : [pick(list)];
};
const isoDate = (time) => new Date(time).toISOString().slice(0, 10);
const localStamp = (time) => new Date(time).toISOString().slice(0, 16).replace('T', ' ');

const DETERMINANTS = ['social', 'economic', 'environmental'];
const SECTORS = ['health', 'labour', 'housing', 'education', 'social_protection', 'environment', 'finance', 'local_government'];
const STAGES = ['plan', 'act', 'observe', 'reflect'];
const TOPICS = ['Healthy housing', 'Cash transfers and health', 'Clean air near schools', 'Safe water in informal settlements', 'Decent work for community health workers',
  'Active transport', 'School meals', 'Heat action plans', 'Social protection for migrants', 'Local budgets for health equity'];
const IDEAS = ['community monitors', 'district committee', 'SMS alerts', 'household visits', 'ventilation grants', 'school champions', 'mobile clinics', 'local radio'];
// Dashboards aggregate this column; most measures show no signal, some improve, fewer concern.
const SIGNALS = ['none', 'none', 'none', 'none', 'none', 'improvement', 'improvement', 'improvement', 'concern', 'concern', 'both'];

/** Multi-row INSERTs, split under PostgreSQL's 65,535 parameters per statement. */
async function insert(db, table, columns, rows) {
  const perStatement = Math.floor(60_000 / columns.length);
  for (let offset = 0; offset < rows.length; offset += perStatement) {
    const params = [];
    const values = [];
    for (const row of rows.slice(offset, offset + perStatement)) {
      values.push(`(${row.map((_, index) => `$${params.length + index + 1}`).join(', ')})`);
      params.push(...row);
    }
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

const TABLES = {
  organisations: ['id', 'name', 'kind', 'region_code', 'country_iso3'],
  users: ['id', 'email', 'name', 'password_hash', 'time_zone'],
  memberships: ['organisation_id', 'user_id', 'role'],
  initiatives: ['id', 'organisation_id', 'title', 'aim_what', 'aim_how_much', 'aim_by_when', 'determinants', 'sectors', 'created_by', 'created_at', 'updated_at'],
  cycles: ['id', 'initiative_id', 'number', 'title', 'stage', 'plan', 'reflection', 'started_at', 'stage_changed_at', 'closed_at'],
  cycle_stage_events: ['cycle_id', 'from_stage', 'to_stage', 'backwards', 'actor_id', 'at'],
  cycle_milestones: ['cycle_id', 'title', 'owner_id', 'due_on', 'status', 'position', 'created_at', 'completed_at'],
  measures: ['id', 'initiative_id', 'name', 'kind', 'unit', 'direction', 'target', 'chart_type', 'latest_signal', 'created_at'],
  measure_points: ['measure_id', 'date', 'value', 'numerator', 'denominator'],
  cycle_activity: ['initiative_id', 'kind', 'detail', 'actor_id', 'at'],
  reports: ['organisation_id', 'title', 'period_start', 'period_end', 'status', 'created_by', 'created_at', 'updated_at'],
  lessons: ['organisation_id', 'author_id', 'title', 'context', 'determinants', 'sectors', 'cycle_stage', 'language', 'status', 'visibility', 'published_at'],
  meetings: ['id', 'organiser_organisation_id', 'title', 'kind', 'local_start', 'duration_minutes', 'time_zone', 'rrule', 'created_by'],
  meeting_invitees: ['meeting_id', 'organisation_id', 'region_code'],
  meeting_attendance: ['meeting_id', 'occurrence_local_start', 'user_id', 'self_check_in'],
};
const emptyRows = () => Object.fromEntries(Object.keys(TABLES).map((table) => [table, []]));
const totals = Object.fromEntries(Object.keys(TABLES).map((table) => [table, 0]));

async function flush(db, rows) {
  for (const [table, list] of Object.entries(rows)) {
    await insert(db, table, TABLES[table], list);
    totals[table] += list.length;
  }
}

/** Occurrence starts (UTC, ms) of a series every `stepDays` from `first`, within the last 90 days and not in the future. */
function recentOccurrences(first, stepDays, count) {
  const starts = [];
  for (let k = 0; k < count; k += 1) {
    const start = first + k * stepDays * DAY;
    if (start > NOW) break;
    if (start >= NOW - 90 * DAY) starts.push(start);
  }
  return starts;
}

/** A monthly series on the 10th at 12:00 UTC, started a year ago (24 occurrences: half are still to come). */
function monthlyStarts() {
  const now = new Date(NOW);
  const starts = [];
  for (let k = 0; k < 24; k += 1) starts.push(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + k, 10, 12));
  return starts;
}

/** Weekly regional webinars (one per WHO region), organised by the regional office or the secretariat. */
async function regionalWebinars(db) {
  const organisers = (await db.query(`SELECT id, kind, region_code FROM organisations WHERE kind IN ('who_regional_office', 'secretariat')`)).rows;
  const secretariat = organisers.find((o) => o.kind === 'secretariat').id;
  const regions = (await db.query('SELECT code FROM who_regions ORDER BY code')).rows.map((r) => r.code);
  const first = NOW - 52 * 7 * DAY - ((NOW - 52 * 7 * DAY) % DAY) + 14 * 3_600_000;
  const rows = emptyRows();
  const webinars = new Map();
  for (const region of regions) {
    const id = randomUUID();
    const organiser = organisers.find((o) => o.kind === 'who_regional_office' && o.region_code === region)?.id ?? secretariat;
    rows.meetings.push([id, organiser, `${region} weekly learning webinar`, 'webinar', localStamp(first), 60, 'UTC', 'FREQ=WEEKLY;COUNT=60', null]);
    rows.meeting_invitees.push([id, null, region]);
    webinars.set(region, { id, occurrences: recentOccurrences(first, 7, 60) });
  }
  await flush(db, rows);
  return webinars;
}

/** Everything of pathfinders [from, to): organisations, people, initiatives down to points, reports, lessons, meetings. */
async function generate(db, countries, webinars, from, to) {
  const started = performance.now();
  const rows = emptyRows();
  const monthly = monthlyStarts();
  for (let index = from; index < to; index += 1) {
    const country = countries[index % countries.length];
    const organisationId = randomUUID();
    const userId = randomUUID();
    rows.organisations.push([organisationId, `${country.name} pathfinder ${String(index + 1).padStart(3, '0')}`, 'country_pathfinder', country.region_code, country.iso3]);
    rows.users.push([userId, `pathfinder.${index + 1}@bench.simashe.org`, `Focal point ${index + 1}`, 'not-a-password-hash', 'UTC']);
    rows.memberships.push([organisationId, userId, 'admin']);

    for (let i = 0; i < INITIATIVES; i += 1) {
      const initiativeId = randomUUID();
      const topic = pick(TOPICS);
      // Cycles back to back, newest first: the active one started 1–8 weeks ago, closed ones lasted 5–12 weeks.
      const activeStart = NOW - between(7, 56) * DAY;
      const spans = [];
      let end = activeStart;
      for (let k = CYCLES - 1; k >= 1; k -= 1) {
        const stop = end - between(0, 10) * DAY;
        const start = stop - between(35, 84) * DAY;
        spans.unshift({ start, end: stop });
        end = start;
      }
      const createdAt = end - between(7, 30) * DAY;
      const determinants = some(DETERMINANTS);
      const sectors = some(SECTORS);
      rows.initiatives.push([initiativeId, organisationId, `${topic} (${i + 1})`, `Reduce inequities in ${topic.toLowerCase()}`, 'by 20 %', isoDate(NOW + between(180, 900) * DAY),
        determinants, sectors, userId, new Date(createdAt), new Date(NOW - between(0, 20) * DAY)]);
      rows.cycle_activity.push([initiativeId, 'initiative_created', topic, userId, new Date(createdAt)]);

      for (let number = 1; number <= CYCLES; number += 1) {
        const cycleId = randomUUID();
        const active = number === CYCLES;
        const start = active ? activeStart : spans[number - 1].start;
        const stop = active ? NOW : spans[number - 1].end;
        const stage = active ? pick(STAGES) : 'closed';
        const reached = active ? STAGES.indexOf(stage) + 1 : 5;
        const title = `${pick(IDEAS)} ${number}`;
        // Stage events: plan at the start, later stages spread over the cycle; closed at its end.
        const events = [];
        for (let s = 0; s < reached; s += 1) {
          const at = s === 4 ? stop : start + ((stop - start) * s * between(0.8, 1)) / (active ? reached : 4.2);
          events.push({ from: s === 0 ? null : ['plan', 'act', 'observe', 'reflect'][s - 1], to: ['plan', 'act', 'observe', 'reflect', 'closed'][s], at });
        }
        const plan = JSON.stringify({ question: `Will ${title} help?`, prediction: 'Yes, in two districts', who: 'District team', where: 'Two districts', when: 'This quarter', data: 'Weekly counts' });
        const reflection = active ? null : JSON.stringify({ whatChanged: 'Uptake rose', learned: 'Work through schools', decision: pick(['adopt', 'adapt', 'abandon']) });
        rows.cycles.push([cycleId, initiativeId, number, title, stage, plan, reflection, new Date(start), new Date(events[events.length - 1].at), active ? null : new Date(stop)]);
        for (const event of events) {
          rows.cycle_stage_events.push([cycleId, event.from, event.to, false, userId, new Date(event.at)]);
          rows.cycle_activity.push([initiativeId, event.from ? 'stage_changed' : 'cycle_started', `${number}. ${title}: ${event.from ?? ''} → ${event.to}`, userId, new Date(event.at)]);
        }
        // ~3 milestones: done in closed cycles (a few abandoned), a mix of done, overdue and upcoming in the active one.
        const planned = active ? between(42, 84) * DAY : stop - start;
        const milestones = 2 + Math.floor(random() * 3);
        for (let m = 0; m < milestones; m += 1) {
          const created = start + between(0, 0.2) * planned;
          const due = start + between(0.25, 1) * planned;
          let status;
          let completed = null;
          if (!active) {
            status = random() < 0.95 ? 'done' : 'todo';
            if (status === 'done') completed = Math.min(stop, Math.max(created + DAY, due + between(-10, 5) * DAY));
          } else if (due < NOW) {
            status = random() < 0.6 ? 'done' : pick(['todo', 'doing', 'blocked']);
            if (status === 'done') completed = Math.min(NOW, Math.max(created + 3_600_000, due - between(0, 7) * DAY));
          } else {
            status = random() < 0.2 ? 'done' : pick(['todo', 'doing']);
            if (status === 'done') completed = between(created, NOW);
          }
          rows.cycle_milestones.push([cycleId, `Milestone ${m + 1} of cycle ${number}`, userId, isoDate(due), status, m, new Date(created), completed === null ? null : new Date(completed)]);
          if (completed !== null) rows.cycle_activity.push([initiativeId, 'milestone_done', `Milestone ${m + 1}`, userId, new Date(completed)]);
        }
        for (let o = 0; o < 2; o += 1) rows.cycle_activity.push([initiativeId, 'observation_added', 'Observed in the districts', userId, new Date(between(start, stop))]);
      }

      // Two measures: an outcome on a run or XmR chart, a process proportion on a p-chart; 24 monthly points each.
      for (const chart of [pick(['run', 'xmr']), 'p']) {
        const measureId = randomUUID();
        const outcome = chart !== 'p';
        rows.measures.push([measureId, initiativeId, outcome ? 'Respiratory admissions per 1,000 children' : 'Households reached', outcome ? 'outcome' : 'process',
          outcome ? 'per 1,000' : '%', outcome ? 'lower_is_better' : 'higher_is_better', outcome ? 10 : 0.8, chart, pick(SIGNALS), new Date(createdAt)]);
        let level = outcome ? between(10, 30) : between(0.2, 0.6);
        for (let month = 23; month >= 0; month -= 1) {
          const now = new Date(NOW);
          const date = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - month, 1);
          if (outcome) {
            level = Math.max(0, level + between(-1.5, 1.2));
            rows.measure_points.push([measureId, isoDate(date), Math.round(level * 10) / 10, null, null]);
          } else {
            level = Math.min(0.95, Math.max(0.05, level + between(-0.03, 0.04)));
            const denominator = 100 + Math.floor(random() * 400);
            const numerator = Math.round(level * denominator);
            rows.measure_points.push([measureId, isoDate(date), numerator / denominator, numerator, denominator]);
          }
          rows.cycle_activity.push([initiativeId, 'data_added', '1 point', userId, new Date(date + 5 * DAY)]);
        }
      }
    }

    // Reporting and learning: three half-year reports, four published lessons and a draft.
    const year = new Date(NOW).getUTCFullYear();
    [[`${year - 1}-01-01`, `${year - 1}-06-30`, 'submitted'], [`${year - 1}-07-01`, `${year - 1}-12-31`, 'submitted'], [`${year}-01-01`, `${year}-06-30`, pick(['draft', 'in_review'])]]
      .forEach(([periodStart, periodEnd, status], k) => {
        const updated = new Date(NOW - (2 - k) * between(120, 180) * DAY - between(0, 30) * DAY);
        rows.reports.push([organisationId, `Progress report ${periodStart.slice(0, 7)}`, periodStart, periodEnd, status, userId, updated, updated]);
      });
    for (let l = 0; l < 5; l += 1) {
      const published = l < 4;
      rows.lessons.push([organisationId, userId, `What we learned about ${pick(TOPICS).toLowerCase()}`, 'Context of the lesson', some(DETERMINANTS), some(SECTORS), pick(STAGES),
        pick(['en', 'en', 'fr', 'es']), published ? 'published' : 'draft', pick(['network', 'region', 'organisation']), published ? new Date(NOW - between(0, 700) * DAY) : null]);
    }

    // The pathfinder's monthly action-learning session, attended most months; its region's weekly webinar, half the weeks.
    const sessionId = randomUUID();
    rows.meetings.push([sessionId, organisationId, 'Monthly action-learning session', 'action_learning_session', localStamp(monthly[0]), 90, 'UTC', 'FREQ=MONTHLY;COUNT=24', userId]);
    for (const start of monthly.filter((time) => time <= NOW && time >= NOW - 90 * DAY)) {
      if (random() < 0.8) rows.meeting_attendance.push([sessionId, localStamp(start), userId, true]);
    }
    const webinar = webinars.get(country.region_code);
    for (const start of webinar?.occurrences ?? []) {
      if (random() < 0.5) rows.meeting_attendance.push([webinar.id, localStamp(start), userId, true]);
    }
  }
  await flush(db, rows);
  await db.query('ANALYZE');
  return performance.now() - started;
}

async function get(base, cookie, path) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
  return { ms, text, queries: Number(response.headers.get('x-query-count') ?? NaN) };
}

/** Sequential runs after a warm-up: latency percentiles, throughput, size, rows and the query count of the last run. */
async function measure(base, cookie, path, runs = RUNS) {
  for (let i = 0; i < WARMUP; i += 1) await get(base, cookie, path);
  const times = [];
  const queries = new Set();
  let last;
  const wall = performance.now();
  for (let i = 0; i < runs; i += 1) {
    last = await get(base, cookie, path);
    times.push(last.ms);
    queries.add(last.queries);
  }
  const seconds = (performance.now() - wall) / 1000;
  times.sort((a, b) => a - b);
  const body = JSON.parse(last.text);
  return {
    p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: runs / seconds,
    kb: Buffer.byteLength(last.text) / 1024, rows: body.rows.length, queries: [...queries].join('/'),
  };
}

/** `CLIENTS` clients in parallel for `CONCURRENT_SECONDS`. */
async function concurrent(base, cookie, path) {
  const times = [];
  const until = performance.now() + CONCURRENT_SECONDS * 1000;
  const wall = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) times.push((await get(base, cookie, path)).ms);
  }));
  const seconds = (performance.now() - wall) / 1000;
  times.sort((a, b) => a - b);
  return { rps: times.length / seconds, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/**
 * The dashboard's work split by statement: the built DashboardService and the services it calls, on a pg pool standing
 * in for TypeORM's DataSource (all they use is `query`). Round trips overlap (the service runs them in parallel).
 */
async function breakdown(databaseUrl, userId, runs = 20) {
  const require = createRequire(import.meta.url);
  const lib = (path) => require(join(root, 'dist/apps/api/libs/api', path));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const statements = new Map();
  const db = {
    async query(sql, params) {
      const caller = /at (?:async )?(\w+\.\w+) /.exec(new Error().stack.split('\n').slice(2).join('\n'))?.[1] ?? 'query';
      const started = performance.now();
      const result = await pool.query(sql, params);
      const entry = statements.get(`${caller}|${sql}`) ?? { caller, sql, params, times: [], rows: 0 };
      entry.times.push(performance.now() - started);
      entry.rows = result.rows.length;
      statements.set(`${caller}|${sql}`, entry);
      return result.rows;
    },
  };
  const repo = new (lib('cycles/src/lib/cycles.repository.js').CyclesRepository)(db);
  const service = new (lib('cycles/src/lib/dashboard.service.js').DashboardService)(
    repo,
    new (lib('organisations/src/lib/access.policy.js').AccessPolicy)(db),
    new (lib('reports/src/lib/reports.service.js').ReportsService)(db),
    new (lib('meetings/src/lib/meetings.service.js').MeetingsService)(db),
    new (lib('lessons/src/lib/lessons.service.js').LessonsService)(db),
  );
  const auth = { userId, sessionId: 'bench', email: 'secretariat.admin@demo.simashe.org' };
  for (let i = 0; i < WARMUP; i += 1) await service.dashboard(auth, {});
  statements.clear();
  const totals = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await service.dashboard(auth, {});
    totals.push(performance.now() - started);
  }
  totals.sort((a, b) => a - b);
  console.log(`\nin-process breakdown (${runs} runs, medians): whole dashboard() ${ms(percentile(totals, 50))} ms\n`);
  console.log('| statement | rows | round trip (ms) | PostgreSQL execution (ms) |\n| --- | --- | --- | --- |');
  for (const entry of statements.values()) {
    const [plan] = (await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${entry.sql}`, entry.params)).rows;
    entry.times.sort((a, b) => a - b);
    const label = `${entry.caller}: ${entry.sql.replace(/\s+/g, ' ').trim().slice(0, 40)}…`;
    console.log(`| ${label} | ${entry.rows.toLocaleString('en')} | ${ms(percentile(entry.times, 50))} | ${ms(plan['QUERY PLAN'][0]['Execution Time'])} |`);
  }
  if (process.env.BENCH_BREAKDOWN === 'plans') {
    for (const entry of statements.values()) {
      const plan = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${entry.sql}`, entry.params)).rows.map((row) => row['QUERY PLAN']);
      console.log(`\n${entry.caller}\n${plan.join('\n')}`);
    }
  }
  await pool.end();
}

const ms = (value) => value.toFixed(1);
await benchmark(async () => {
  const { databaseUrl } = await startPostgres();
  // First start: migrations and the demo workspace; then the API stops while the network is generated.
  await stopApi((await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0' })).api);
  const db = await connect(databaseUrl);
  console.log(`dashboard benchmark: ${PATHFINDERS} generated pathfinders × ${INITIATIVES} initiatives × ${CYCLES} cycles (+ the demo workspace), ` +
    `${RUNS} sequential runs per view after ${WARMUP} warm-up runs, as the secretariat admin (the whole network)`);
  const countries = (await db.query('SELECT iso3, name, region_code FROM countries ORDER BY iso3')).rows;
  const webinars = await regionalWebinars(db);
  const generatedSmall = await generate(db, countries, webinars, 0, SMALL);

  const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  const started = await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0', SEED_DEMO: 'false', SQL_QUERY_COUNT: 'true' }, nodeArgs);
  const { api, base } = started;
  const { cookie } = await signIn(base, 'secretariat.admin@demo.simashe.org');
  const small = await measure(base, cookie, '/api/cycles-dashboard');

  const generatedRest = await generate(db, countries, webinars, SMALL, PATHFINDERS);
  const full = await measure(base, cookie, '/api/cycles-dashboard');
  const memory = rss(api.pid);
  const parallel = await concurrent(base, cookie, '/api/cycles-dashboard');
  const memoryAfter = rss(api.pid);
  const [one] = (await db.query(`SELECT id FROM organisations WHERE name LIKE '% pathfinder 001'`)).rows;
  const region = await measure(base, cookie, '/api/cycles-dashboard?region=AFRO', 20);
  const single = await measure(base, cookie, `/api/cycles-dashboard?organisationId=${one.id}`, 20);
  const afro = await measure(base, (await signIn(base, 'afro.officer@demo.simashe.org')).cookie, '/api/cycles-dashboard', 20);
  const [secretariat] = (await db.query(`SELECT id FROM users WHERE email = 'secretariat.admin@demo.simashe.org'`)).rows;
  await db.end();

  console.log(`\n| step | time |\n| --- | --- |`);
  console.log(`| generate and insert ${SMALL} pathfinders | ${(generatedSmall / 1000).toFixed(1)} s |`);
  console.log(`| generate and insert ${PATHFINDERS - SMALL} more | ${(generatedRest / 1000).toFixed(1)} s |`);
  console.log(`\n| table | rows |\n| --- | --- |`);
  for (const [table, count] of Object.entries(totals)) console.log(`| ${table} | ${count.toLocaleString('en')} |`);

  console.log(`\n| view | pathfinders | p50 (ms) | p95 (ms) | p99 (ms) | req/s | response (KB) | SQL queries |\n| --- | --- | --- | --- | --- | --- | --- | --- |`);
  const line = (label, r) => console.log(`| ${label} | ${r.rows} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.rps.toFixed(1)} | ${r.kb.toFixed(1)} | ${r.queries} |`);
  line(`network, ${SMALL} generated + demo`, small);
  line(`**network, ${PATHFINDERS} generated + demo**`, full);
  line('network, `?region=AFRO`', region);
  line('network, `?organisationId=` one pathfinder', single);
  line('AFRO regional office (its region)', afro);
  console.log(`\n${CLIENTS} parallel clients for ${CONCURRENT_SECONDS} s (full network): ${parallel.rps.toFixed(1)} req/s, ` +
    `p50 ${ms(parallel.p50)} ms, p95 ${ms(parallel.p95)} ms, p99 ${ms(parallel.p99)} ms`);
  console.log(`API RSS: ${memory.rss.toFixed(0)} MB after the sequential runs, ${memoryAfter.rss.toFixed(0)} MB after the parallel run (peak ${memoryAfter.peak.toFixed(0)} MB)`);
  const counts = new Set([small, full, region, single, afro].map((r) => r.queries));
  console.log(`queries per request constant (${small.rows} → ${full.rows} pathfinders, every view): ${counts.size === 1 ? 'yes' : 'no'} (${[...counts].join(', ')})`);
  console.log(`goal p95 < 100 ms on the full network: ${full.p95 < 100 ? 'met' : 'not met'} (${ms(full.p95)} ms)`);
  if (process.env.BENCH_BREAKDOWN) await breakdown(databaseUrl, secretariat.id);
  // The profile is written when the API exits.
  await stopApi(api);
  if (PROFILE_DIR) console.log(`CPU profile of the API: ${PROFILE_DIR}`);
});
