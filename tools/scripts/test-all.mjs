// `npm test`: every check — lint, type checks, unit and API integration tests on a real PostgreSQL,
// then the e2e journeys in Debian's Chromium. Prints one closing "N passed, N failed" line.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

const RESULTS = 'tmp/test-results';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${chromium}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log('Installing Debian chromium for the e2e tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}

function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of existsSync(RESULTS) ? readdirSync(RESULTS) : []) {
    const report = JSON.parse(readFileSync(join(RESULTS, file), 'utf8'));
    if (report.stats) {
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
      skipped += report.stats.skipped;
    } else {
      passed += report.numPassedTests;
      failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
      skipped += report.numPendingTests + report.numTodoTests;
    }
  }
  return { passed, failed, skipped };
}

ensureChromium();
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const checks = await run('npx', ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '--parallel=2', '--outputStyle=static']);
const e2e = await run('npx', ['nx', 'run', 'e2e:e2e', '--outputStyle=static']);

const { passed, failed, skipped } = summarise();
console.log(`\nlint/typecheck/unit+integration: ${checks === 0 ? 'ok' : 'FAILED'}; e2e: ${e2e === 0 ? 'ok' : 'FAILED'}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(checks !== 0 || e2e !== 0 || failed > 0 || passed === 0 ? 1 : 0);
