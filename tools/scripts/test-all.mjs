// `npm test`: every check — lint, type checks, unit and API integration tests on a real PostgreSQL,
// then the e2e journeys in Debian's Chromium, then every benchmark at smoke size. Prints one closing "N passed, N failed" line.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

const RESULTS = 'tmp/test-results';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A Debian package the tests need (Chromium for e2e, redis-server for the multi-instance tests): installed when missing, as root. */
function ensureDebianPackage(path, pkg, why) {
  if (existsSync(path)) return;
  if (process.getuid?.() !== 0) {
    console.error(`${pkg} not found at ${path}, needed for ${why}. Install it (sudo apt-get install -y ${pkg}).`);
    process.exit(1);
  }
  console.log(`Installing Debian ${pkg} for ${why}…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`, { stdio: 'inherit' });
}

function ensureChromium() {
  ensureDebianPackage(chromium, 'chromium', 'the e2e tests');
}

function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for (const file of existsSync(RESULTS) ? readdirSync(RESULTS) : []) {
    const report = JSON.parse(readFileSync(join(RESULTS, file), 'utf8'));
    if (report.stats) {
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
      skipped += report.stats.skipped;
      const walk = (suite) => {
        for (const spec of suite.specs ?? []) if (!spec.ok) failures.push(`${spec.file} › ${spec.title}\n${JSON.stringify(spec.tests?.[0]?.results?.at(-1)?.error?.message ?? '').slice(0, 1500)}`);
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const suite of report.suites ?? []) walk(suite);
    } else {
      passed += report.numPassedTests;
      failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
      skipped += report.numPendingTests + report.numTodoTests;
      for (const suite of report.testResults ?? []) {
        const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
        for (const test of failedTests) failures.push(`${suite.name} › ${test.fullName}\n${(test.failureMessages ?? []).join('\n').slice(0, 1500)}`);
        if (!failedTests.length && suite.status === 'failed') failures.push(`${suite.name}\n${(suite.message ?? '').slice(0, 1500)}`);
      }
    }
  }
  return { passed, failed, skipped, failures };
}

/**
 * Runs each `npm run bench:<name>` script's benchmark once with BENCH_SIZE=smoke. A benchmark fails when it
 * exits non-zero or prints no p95 figure; each counts as one test in the closing line.
 */
async function smokeBenchmarks(names) {
  let ok = true;
  for (const name of names) {
    const started = Date.now();
    const { code, output } = await new Promise((resolve) => {
      const child = spawn(process.execPath, [`tools/bench/${name}.bench.mjs`], { env: { ...process.env, BENCH_SIZE: 'smoke' } });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
    });
    const figures = /p95/.test(output) && /\|\s*\**[0-9][0-9,]*(\.[0-9]+)?\**( s| ms| MB)?\s*\|/.test(output);
    const passed = code === 0 && figures;
    console.log(`\nbench:${name} (smoke, ${((Date.now() - started) / 1000).toFixed(0)} s): ${passed ? 'ok' : `FAILED (exit ${code}${figures ? '' : ', no figures'})`}`);
    if (!passed) console.log(output);
    writeFileSync(join(RESULTS, `bench-${name}.json`), JSON.stringify({ numPassedTests: passed ? 1 : 0, numFailedTests: passed ? 0 : 1, numPendingTests: 0, numTodoTests: 0 }));
    ok &&= passed;
  }
  return ok;
}

ensureChromium();
ensureDebianPackage('/usr/bin/redis-server', 'redis-server', 'the multi-instance (Redis) tests');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const checks = await run('npx', ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '--parallel=2', '--outputStyle=static']);
const e2e = await run('npx', ['nx', 'run', 'e2e:e2e', '--outputStyle=static']);
// The benchmarks at smoke size (the e2e run has built the API they start), so none of them can rot unseen.
const benches = await smokeBenchmarks(['collab', 'search', 'dashboard', 'monitoring', 'load']);

const { passed, failed, skipped, failures } = summarise();
// The failures again at the very end, where a truncated CI log still shows them.
for (const failure of failures) console.log(`\nFAILED: ${failure}`);
console.log(`\nlint/typecheck/unit+integration: ${checks === 0 ? 'ok' : 'FAILED'}; e2e: ${e2e === 0 ? 'ok' : 'FAILED'}; benchmarks (smoke): ${benches ? 'ok' : 'FAILED'}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(checks !== 0 || e2e !== 0 || !benches || failed > 0 || passed === 0 ? 1 : 0);
