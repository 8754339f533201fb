// `npm run bench:monitoring` — not a test: prints figures for inequality-monitoring datasets.
//   Writes a file of BENCH_ROWS (1,000,000) lines in the HEAT Plus template layout (settings × years × indicators ×
//   dimensions × subgroups, fixed seed), then:
//   1. imports it through the API (`POST /api/datasets/:id/versions`, multipart, as the demo Kenya editor): wall time,
//      lines/s, and the API's resident memory before and its peak during the import;
//   2. the peers, on the same server, from this process: PostgreSQL's own COPY of the same file into a bare table of
//      the file's columns (no checks, no parsing in JavaScript, no index), and COPY of the same lines into a table
//      made like dataset_rows (LIKE … INCLUDING ALL: the version and line columns, the types, the index): what
//      storing these lines costs PostgreSQL itself, the floor for an import; ratios to both, and the API's CPU time
//      during its import (below the wall time: the API waits for PostgreSQL, not the reverse);
//   3. every summary measure for every group (setting × year × indicator × dimension) computed by @simashe/inequality
//      in this process from the stored rows: groups, measures, time, groups/s; then through the API
//      (`GET /api/datasets/:id/measures`, one request per indicator × dimension): p50/p95/p99.
//   BENCH_CPU_PROF=<dir> runs the API under `node --cpu-prof` (profile written there when the API stops).
import { createReadStream, createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { benchmark, connect, cpuSeconds, percentile, root, rss, setting, signIn, startApi, startPostgres, stopApi } from './bench-support.mjs';

const ROWS = setting('BENCH_ROWS', 1_000_000, 20_000);
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

const COLUMNS = ['setting', 'date', 'source', 'indicator_abbr', 'indicator_name', 'dimension', 'subgroup', 'estimate', 'se', 'ci_lb', 'ci_ub', 'population', 'flag', 'setting_average', 'iso3', 'favourable_indicator', 'indicator_scale', 'ordered_dimension', 'subgroup_order', 'reference_subgroup'];
const DIMENSIONS = [
  { name: 'Economic status (wealth quintile)', ordered: true, subgroups: ['Q1 (poorest)', 'Q2', 'Q3', 'Q4', 'Q5 (richest)'] },
  { name: 'Education', ordered: true, subgroups: ['No education', 'Primary', 'Secondary or higher'] },
  { name: 'Place of residence', ordered: false, subgroups: ['Rural', 'Urban'], reference: 'Urban' },
  { name: 'Subnational region', ordered: false, subgroups: Array.from({ length: 10 }, (_, i) => `Region ${i + 1}`), reference: 'Region 1' },
];
const SUBGROUPS_PER_GROUP_SET = DIMENSIONS.reduce((sum, d) => sum + d.subgroups.length, 0); // 20
const YEARS = 10;
const INDICATORS = 25;

let seed = 20261202;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const round = (value) => Math.round(value * 100) / 100;

/** The version and line prefix of the second peer's lines. */
const PEER_VERSION = '00000000-0000-4000-8000-000000000001';

/** Writes the file (and, given `rowsPath`, its lines prefixed with a version and a line number); returns its line count (without the header). */
async function writeFile(path, rowsPath) {
  const settings = Math.max(1, Math.ceil(ROWS / (YEARS * INDICATORS * SUBGROUPS_PER_GROUP_SET)));
  const out = createWriteStream(path);
  const rowsOut = rowsPath ? createWriteStream(rowsPath) : null;
  const write = async (text, line) => {
    if (rowsOut && line && !rowsOut.write(`${PEER_VERSION},${line},${text}`)) await new Promise((resolve) => rowsOut.once('drain', resolve));
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  };
  await write(`${COLUMNS.join(',')}\n`);
  let lines = 0;
  outer: for (let s = 0; s < settings; s++) {
    const iso3 = `X${String.fromCharCode(65 + (s % 26))}${String.fromCharCode(65 + Math.floor(s / 26) % 26)}`;
    for (let y = 0; y < YEARS; y++) {
      for (let i = 0; i < INDICATORS; i++) {
        const favourable = i % 3 !== 2;
        const average = 30 + random() * 60;
        for (const dimension of DIMENSIONS) {
          for (const [index, subgroup] of dimension.subgroups.entries()) {
            if (lines >= ROWS) break outer;
            const position = dimension.subgroups.length > 1 ? index / (dimension.subgroups.length - 1) : 0.5;
            const estimate = round(Math.min(99, Math.max(1, average + (favourable ? 1 : -1) * 20 * (position - 0.5) + (random() - 0.5) * 4)));
            const se = round(0.5 + random() * 2);
            await write(
              [`Setting ${s + 1}`, 2010 + y, 'DHS', `ind${i + 1}`, `Indicator ${i + 1}`, dimension.name, subgroup, estimate, se, round(estimate - 1.96 * se), round(estimate + 1.96 * se), 100 + Math.floor(random() * 900), '', round(average), iso3,
                favourable ? 1 : 0, 100, dimension.ordered ? 1 : 0, dimension.ordered ? index + 1 : 0, dimension.reference === subgroup ? 1 : 0].join(',') + '\n',
              lines + 2,
            );
            lines++;
          }
        }
      }
    }
  }
  await new Promise((resolve) => out.end(resolve));
  if (rowsOut) await new Promise((resolve) => rowsOut.end(resolve));
  return lines;
}

// BENCH_WRITE_FILE=<path>: only write the file there (to profile the reader and checks on their own).
if (process.env.BENCH_WRITE_FILE) {
  console.log(`${await writeFile(process.env.BENCH_WRITE_FILE)} lines written to ${process.env.BENCH_WRITE_FILE}`);
  process.exit(0);
}

await benchmark(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'simashe-bench-monitoring-'));
  try {
    const file = join(folder, 'dataset.csv');
    const generated = Date.now();
    const rowsFile = join(folder, 'dataset-rows.csv');
    const lines = await writeFile(file, rowsFile);
    const { size } = await import('node:fs').then((fs) => fs.statSync(file));
    console.log(`file: ${lines.toLocaleString('en')} lines, ${(size / 1e6).toFixed(1)} MB (written in ${((Date.now() - generated) / 1000).toFixed(1)} s)`);

    const { databaseUrl } = await startPostgres();
    const { api, base } = await startApi(databaseUrl, {}, PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
    const { cookie, csrfToken } = await signIn(base, 'kenya.editor@demo.simashe.org');
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const db = await connect(databaseUrl);
    const [{ id: kenyaId }] = (await db.query(`SELECT id FROM organisations WHERE name = 'Kenya country pathfinder'`)).rows;
    const created = await fetch(`${base}/api/datasets`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ organisationId: kenyaId, name: 'Benchmark dataset' }) });
    if (created.status !== 201) throw new Error(`creating the dataset: ${created.status} ${await created.text()}`);
    const { id } = await created.json();

    // 1. The import through the API.
    // Each timed load starts after a checkpoint, so none pays for the one before it writing its pages out.
    await db.query('CHECKPOINT');
    const before = rss(api.pid);
    const cpuBefore = cpuSeconds(api.pid);
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, rss(api.pid).rss)), 50);
    const form = new FormData();
    form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'dataset.csv');
    const started = performance.now();
    const response = await fetch(`${base}/api/datasets/${id}/versions`, { method: 'POST', headers, body: form });
    const importMs = performance.now() - started;
    const importCpu = cpuSeconds(api.pid) - cpuBefore;
    clearInterval(sampler);
    const result = await response.json();
    if (response.status !== 200 || !result.saved) throw new Error(`the import was refused: ${response.status} ${JSON.stringify(result).slice(0, 600)}`);
    if (result.rows !== lines) throw new Error(`imported ${result.rows} lines of ${lines}`);
    const stored = Number((await db.query('SELECT count(*) FROM dataset_rows r JOIN dataset_versions v ON v.id = r.version_id WHERE v.dataset_id = $1', [id])).rows[0].count);

    // 2. The peer: PostgreSQL's COPY of the same file into a table of the same columns, nothing checked.
    await db.query(`CREATE TABLE copy_peer (setting text, date int, source text, indicator_abbr text, indicator_name text, dimension text, subgroup text, estimate float8, se float8, ci_lb float8, ci_ub float8,
      population float8, flag text, setting_average float8, iso3 text, favourable_indicator int, indicator_scale float8, ordered_dimension int, subgroup_order int, reference_subgroup int)`);
    await db.query('CHECKPOINT');
    const copyStarted = performance.now();
    await pipeline(createReadStream(file), db.query(copyFrom('COPY copy_peer FROM STDIN (FORMAT csv, HEADER true)')));
    const copyMs = performance.now() - copyStarted;
    const STORED = { favourable_indicator: 'favourable', indicator_scale: 'scale', ordered_dimension: 'ordered', reference_subgroup: 'reference' };
    await db.query('CREATE TABLE copy_peer_rows (LIKE dataset_rows INCLUDING ALL)');
    await db.query('CHECKPOINT');
    const rowsStarted = performance.now();
    await pipeline(createReadStream(rowsFile), db.query(copyFrom(`COPY copy_peer_rows (version_id, line, ${COLUMNS.map((c) => STORED[c] ?? c).join(', ')}) FROM STDIN (FORMAT csv)`)));
    const rowsMs = performance.now() - rowsStarted;

    console.log('\n## Import (1 file, CSV)\n');
    console.log('| | lines | time | lines/s | API RSS before | API RSS peak |');
    console.log('|---|---|---|---|---|---|');
    console.log(`| SIMASHE import (HTTP upload, checks, COPY) | ${stored.toLocaleString('en')} | ${(importMs / 1000).toFixed(2)} s | ${Math.round(lines / (importMs / 1000)).toLocaleString('en')} | ${before.rss.toFixed(0)} MB | ${peak.toFixed(0)} MB |`);
    console.log(`| PostgreSQL COPY of the same file into a bare table (peer) | ${lines.toLocaleString('en')} | ${(copyMs / 1000).toFixed(2)} s | ${Math.round(lines / (copyMs / 1000)).toLocaleString('en')} | – | – |`);
    console.log(`| PostgreSQL COPY of the same lines into a table like dataset_rows (peer) | ${lines.toLocaleString('en')} | ${(rowsMs / 1000).toFixed(2)} s | ${Math.round(lines / (rowsMs / 1000)).toLocaleString('en')} | – | – |`);
    console.log(`\nratio (import / COPY into a table like dataset_rows): ${(importMs / rowsMs).toFixed(2)}×; ratio (import / COPY into a bare table): ${(importMs / copyMs).toFixed(2)}×`);
    console.log(`API CPU time during the import: ${importCpu.toFixed(2)} s of ${(importMs / 1000).toFixed(2)} s (${Math.round((100 * importCpu * 1000) / importMs)} %); memory added by the import: ${(peak - before.rss).toFixed(0)} MB for a ${(size / 1e6).toFixed(0)} MB file`);
    console.log(`goal, an import bound by COPY: ${importMs / rowsMs <= 1.5 && importCpu * 1000 < rowsMs ? 'met' : 'not met'} (import ≤ 1.5× the COPY of its lines, and the API's CPU time below that COPY's)`);

    // 3. Every measure for every group.
    const inequality = loadInequality();
    if (inequality) {
      const groups = await loadGroups(db, id);
      const computeStarted = performance.now();
      let measures = 0;
      for (const group of groups) measures += inequality.computeMeasures(group.input, { simulations: 0 }).length;
      const computeMs = performance.now() - computeStarted;
      console.log('\n## Summary measures, every measure for every group (in process, @simashe/inequality, no simulated intervals)\n');
      console.log('| groups | measures | time | groups/s |');
      console.log('|---|---|---|---|');
      console.log(`| ${groups.length.toLocaleString('en')} | ${measures.toLocaleString('en')} | ${(computeMs / 1000).toFixed(2)} s | ${Math.round(groups.length / (computeMs / 1000)).toLocaleString('en')} |`);
      const timings = [];
      const pairs = (await db.query('SELECT DISTINCT indicator_abbr, dimension FROM dataset_rows ORDER BY 1, 2 LIMIT 40')).rows;
      const setting1 = 'Setting 1';
      for (const pair of pairs) {
        const t0 = performance.now();
        const measured = await fetch(`${base}/api/datasets/${id}/measures?indicator=${encodeURIComponent(pair.indicator_abbr)}&dimension=${encodeURIComponent(pair.dimension)}&setting=${encodeURIComponent(setting1)}`, { headers });
        await measured.arrayBuffer();
        if (measured.status !== 200) throw new Error(`measures: ${measured.status}`);
        timings.push(performance.now() - t0);
      }
      timings.sort((a, b) => a - b);
      console.log(`\nGET /measures (one setting, every year and measure, with intervals), ${timings.length} requests: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms`);
    } else {
      console.log('\n(summary measures: @simashe/inequality is not built yet)');
    }
    console.log(`\nAPI RSS at the end: ${rss(api.pid).rss.toFixed(0)} MB`);
    await db.end();
    await stopApi(api);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

function loadInequality() {
  try {
    return createRequire(import.meta.url)(join(root, 'dist/apps/api/libs/shared/inequality/src/index.js'));
  } catch {
    return null;
  }
}

/** The stored rows, grouped as the measures take them. */
async function loadGroups(db, datasetId) {
  const { rows } = await db.query(
    `SELECT setting, date, indicator_abbr, dimension, subgroup, estimate, se, population, setting_average, favourable, scale, ordered, subgroup_order, reference
     FROM dataset_rows WHERE version_id IN (SELECT id FROM dataset_versions WHERE dataset_id = $1)
     ORDER BY setting, date, indicator_abbr, dimension, subgroup_order`,
    [datasetId],
  );
  const groups = new Map();
  for (const row of rows) {
    const key = `${row.setting}|${row.date}|${row.indicator_abbr}|${row.dimension}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { input: { ordered: row.ordered, favourable: row.favourable, scale: row.scale, settingAverage: row.setting_average, subgroups: [] } }));
    group.input.subgroups.push({ name: row.subgroup, estimate: row.estimate, se: row.se, population: row.population, order: row.subgroup_order, reference: row.reference });
  }
  return [...groups.values()];
}
