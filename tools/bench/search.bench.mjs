// `npm run bench:search` — not a test: prints figures for workspace search on PostgreSQL full text.
//   Generates BENCH_LESSONS (100,000) published lessons in English, French and Spanish across the demo
//   organisations (mixed visibility), builds their search vectors and the GIN index (timed), then measures
//   typical searches end to end over HTTP as a signed-in country editor: BENCH_RUNS (40) runs per query
//   after a warm-up, reported as p50/p95 latency per query and overall, plus throughput.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { benchmark, connect, percentile, root, rss, setting, signIn, startApi, startPostgres } from './bench-support.mjs';

const LESSONS = setting('BENCH_LESSONS', 100_000, 2_000);
const RUNS = setting('BENCH_RUNS', 40, 5);
const BATCH = 2000;
const { searchVectorSql } = createRequire(import.meta.url)(join(root, 'dist/apps/api/libs/api/search/src/lib/search-indexer.js'));

// A fixed-seed generator, so every run indexes the same text.
let seed = 20261124;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];
const VOCABULARY = {
  en: 'housing health equity community workers informal settlements budget local government transport clinics schools education employment wages social protection cash transfers air quality water sanitation participation monitoring inequality districts households women youth data survey committee financing policy evaluation nutrition migrants rural urban'.split(' '),
  fr: 'logement santé équité communauté agents quartiers informels budget collectivités transport cliniques écoles éducation emploi salaires protection sociale transferts qualité air eau assainissement participation suivi inégalités districts ménages femmes jeunes données enquête comité financement politique évaluation nutrition migrants rural urbain'.split(' '),
  es: 'vivienda salud equidad comunidad trabajadores asentamientos informales presupuesto gobierno local transporte clínicas escuelas educación empleo salarios protección social transferencias calidad aire agua saneamiento participación seguimiento desigualdades distritos hogares mujeres jóvenes datos encuesta comité financiación política evaluación nutrición migrantes rural urbano'.split(' '),
};
const DETERMINANTS = ['social', 'economic', 'environmental'];
const SECTORS = ['health', 'labour', 'housing', 'education', 'social_protection', 'environment', 'finance', 'local_government'];
const STAGES = ['plan', 'act', 'observe', 'reflect'];
const VISIBILITY = ['network', 'network', 'region', 'organisation'];
const sentence = (language, words) => Array.from({ length: words }, () => pick(VOCABULARY[language])).join(' ');
const some = (list) => list.filter(() => random() < 0.35);

async function generate(db) {
  const organisations = (await db.query(`SELECT id FROM organisations WHERE kind IN ('country_pathfinder', 'core_partner', 'who_regional_office')`)).rows.map((r) => r.id);
  const started = performance.now();
  for (let offset = 0; offset < LESSONS; offset += BATCH) {
    const values = [];
    const params = [];
    for (let i = 0; i < Math.min(BATCH, LESSONS - offset); i++) {
      const language = pick(['en', 'en', 'fr', 'es']);
      const row = [
        pick(organisations), sentence(language, 6), sentence(language, 60), sentence(language, 40), sentence(language, 30), sentence(language, 30),
        some(DETERMINANTS), some(SECTORS), pick(STAGES), language, pick(VISIBILITY), new Date(Date.UTC(2022, 0, 1) + random() * 4 * 365 * 86400_000),
      ];
      values.push(`(${row.map((_, index) => `$${params.length + index + 1}`).join(', ')}, 'published')`);
      params.push(...row);
    }
    await db.query(
      `INSERT INTO lessons (organisation_id, title, context, worked, did_not_work, recommendation, determinants, sectors, cycle_stage, language, visibility, published_at, status)
       VALUES ${values.join(', ')}`,
      params,
    );
  }
  return performance.now() - started;
}

/** Search vectors for every lesson in one statement, then the GIN index: what a full reindex costs. */
async function buildIndex(db) {
  await db.query('DROP INDEX search_entries_tsv_idx');
  const started = performance.now();
  await db.query(`
    INSERT INTO search_entries (kind, ref_id, language, organisation_id, region_code, country_iso3, audience,
                                determinants, sectors, cycle_stage, occurred_at, tsv)
    SELECT 'lesson', l.id, l.language, l.organisation_id, o.region_code, o.country_iso3, l.visibility, l.determinants, l.sectors, l.cycle_stage, l.published_at,
           ${searchVectorSql('l.language', 'l.title', "concat_ws(E'\\n\\n', l.context, l.worked, l.did_not_work, l.recommendation)", 'l.determinants', 'l.sectors')}
    FROM lessons l JOIN organisations o ON o.id = l.organisation_id
    -- The demo workspace's lessons are indexed already (by the app, as they were seeded).
    WHERE NOT EXISTS (SELECT 1 FROM search_entries s WHERE s.kind = 'lesson' AND s.ref_id = l.id)`);
  await db.query(`
    INSERT INTO search_documents (kind, ref_id, language, title, body, link)
    SELECT 'lesson', l.id, l.language, l.title, concat_ws(E'\\n\\n', l.context, l.worked, l.did_not_work, l.recommendation), '/lessons/' || l.id
    FROM lessons l WHERE NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.kind = 'lesson' AND d.ref_id = l.id)`);
  const vectors = performance.now() - started;
  const indexStarted = performance.now();
  await db.query('CREATE INDEX search_entries_tsv_idx ON search_entries USING gin (tsv)');
  const index = performance.now() - indexStarted;
  await db.query('ANALYZE search_entries');
  // Partitioned: the sizes are the sums over the partitions' own tables and indexes.
  const size = (await db.query(`SELECT pg_size_pretty(sum(pg_relation_size(relid))) AS size FROM pg_partition_tree('search_entries_tsv_idx')`)).rows[0].size;
  return { vectors, index, size };
}

const QUERIES = [
  ['one word', 'q=housing'],
  ['two words, French, accents', `q=${encodeURIComponent('santé logement')}`],
  ['without accents', 'q=equite%20sante'],
  ['phrase', `q=${encodeURIComponent('"cash transfers"')}`],
  ['word minus word', 'q=budget%20-transport'],
  ['word + region', 'q=participation&region=AFRO'],
  ['word + determinant + sector', 'q=salud&determinant=social&sector=housing'],
  ['word + stage, newest first', 'q=monitoring&stage=reflect&sort=date'],
  ['word + date range', 'q=nutrition&from=2024-01-01&to=2024-12-31'],
  ['filters only, newest first', 'kind=lesson&sector=finance&sort=date'],
  ['page 5', 'q=health&page=5'],
];

await benchmark(async () => {
  const { databaseUrl } = await startPostgres();
  const started = await startApi(databaseUrl, { REMINDER_INTERVAL_SECONDS: '0' });
  const db = await connect(databaseUrl);
  console.log(`search benchmark: ${LESSONS.toLocaleString('en')} published lessons (en/fr/es), ${RUNS} runs per query, as a signed-in country editor`);
  const generated = await generate(db);
  if (process.env.BENCH_SQL_BEFORE) for (const sql of process.env.BENCH_SQL_BEFORE.split(';;')) await db.query(sql);
  const built = await buildIndex(db);
  // For trying a storage or index change on the same data before writing it as a migration.
  if (process.env.BENCH_SQL) for (const sql of process.env.BENCH_SQL.split(';;')) await db.query(sql);
  if (process.env.BENCH_HOLD) {
    // For trying queries by hand on the generated data: the database stays up until the process is stopped.
    console.log(`holding: ${databaseUrl} (API ${started.base})`);
    await new Promise(() => {});
  }
  const sizes = (await db.query(`SELECT (SELECT pg_size_pretty(sum(pg_relation_size(relid))) FROM pg_partition_tree('search_entries')) AS heap,
    (SELECT pg_size_pretty(sum(pg_total_relation_size(relid))) FROM pg_partition_tree('search_entries')) AS total,
    round(avg(pg_column_size(tsv))) AS tsv, round(avg(pg_column_size(e))) AS row FROM search_entries e`)).rows[0];
  console.log(`search_entries: heap ${sizes.heap} (with TOAST and indexes ${sizes.total}); average row ${sizes.row} B, of which the vector ${sizes.tsv} B`);
  if (process.env.BENCH_EXPLAIN) {
    // Where the time goes for two French words found in nearly every French lesson: the newest candidates of all
    // languages in one statement (before: estimated from table-wide statistics, it read every match through the
    // GIN index and sorted them), and one statement per language partition (after: the French partition's
    // statistics know the words are frequent there, so it walks the newest French entries and stops).
    const words = `websearch_to_tsquery('simashe_fr', 'santé logement')`;
    const english = `websearch_to_tsquery('simashe_en', 'santé logement')`;
    const plans = {
      'before: one statement for every language': `SELECT e.kind, e.ref_id FROM search_entries e
        WHERE (e.language = 'fr' AND e.tsv @@ ${words}) OR (e.language = 'en' AND e.tsv @@ ${english})
        ORDER BY e.occurred_at DESC, e.ref_id LIMIT 1001`,
      'after: one branch per language partition': `(SELECT e.kind, e.ref_id, e.occurred_at FROM search_entries e WHERE e.language = 'fr' AND e.tsv @@ ${words} ORDER BY e.occurred_at DESC, e.ref_id LIMIT 1001)
        UNION ALL (SELECT e.kind, e.ref_id, e.occurred_at FROM search_entries e WHERE e.language = 'en' AND e.tsv @@ ${english} ORDER BY e.occurred_at DESC, e.ref_id LIMIT 1001)
        ORDER BY occurred_at DESC, ref_id LIMIT 1001`,
    };
    for (const [label, sql] of Object.entries(plans)) {
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
      console.log(`\n${label}:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  console.log(`\n| step | time |\n| --- | --- |`);
  console.log(`| generate and insert ${LESSONS.toLocaleString('en')} lessons | ${(generated / 1000).toFixed(1)} s |`);
  console.log(`| build weighted search vectors (all rows) | ${(built.vectors / 1000).toFixed(1)} s |`);
  console.log(`| build GIN index (${built.size}) | ${(built.index / 1000).toFixed(1)} s |`);

  const { cookie } = await signIn(started.base, 'kenya.editor@demo.simashe.org');
  const all = [];
  const perQuery = [];
  const seen = new Set();
  console.log(`\n| query | results | p50 (ms) | p95 (ms) | p99 (ms) |\n| --- | --- | --- | --- | --- |`);
  const wall = performance.now();
  for (const [label, query] of QUERIES) {
    const times = [];
    let totalText = '';
    for (let run = -3; run < RUNS; run++) {
      const t0 = performance.now();
      const response = await fetch(`${started.base}/api/search?${query}`, { headers: { cookie } });
      const body = await response.json();
      if (!response.ok) throw new Error(`${label}: ${response.status} ${JSON.stringify(body)}`);
      if (run >= 0) times.push(performance.now() - t0);
      for (const item of body.items) seen.add(item.id);
      totalText = `${body.total.toLocaleString('en')}${body.totalExact === false ? '+' : ''}`;
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    perQuery.push(percentile(times, 95));
    console.log(`| ${label} | ${totalText} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(times, 99).toFixed(1)} |`);
  }
  const seconds = (performance.now() - wall) / 1000;
  all.sort((a, b) => a - b);
  console.log(`| **all queries** | | **${percentile(all, 50).toFixed(1)}** | **${percentile(all, 95).toFixed(1)}** | **${percentile(all, 99).toFixed(1)}** |`);
  console.log(`\nthroughput (one client, sequential): ${((QUERIES.length * (RUNS + 3)) / seconds).toFixed(0)} searches/s`);
  // Results stay what the searcher may read: the Kenyan editor reads the network's, AFRO's region's and Kenya's own.
  const [{ outside }] = (
    await db.query(
      `SELECT count(*)::int AS outside FROM search_entries e
       WHERE e.ref_id = ANY($1::uuid[]) AND NOT (e.audience = 'network' OR (e.audience = 'region' AND e.region_code = 'AFRO')
         OR e.organisation_id IN (SELECT m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'kenya.editor@demo.simashe.org'))`,
      [[...seen]],
    )
  ).rows;
  await db.end();
  console.log(`results checked against the searcher's access: ${seen.size.toLocaleString('en')} distinct hits, ${outside} outside it`);
  if (outside > 0) throw new Error(`${outside} results the searcher may not read`);
  const memory = rss(started.api.pid);
  console.log(`API RSS: ${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB)`);
  const slowest = Math.max(...perQuery);
  console.log(`goal p95 < 50 ms for every query: ${slowest < 50 ? 'met' : 'not met'} (slowest query p95 ${slowest.toFixed(1)} ms)`);
});
