import { defineConfig } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PORT = Number(process.env['E2E_PORT'] ?? 3110);
const PG_PORT = Number(process.env['E2E_PG_PORT'] ?? 5510);
/** The V8 heap settings every API process runs with (see tools/scripts/run.mjs). */
const API_NODE_ARGS: string[] = JSON.parse(readFileSync(join(__dirname, '../apps/api/node-args.json'), 'utf8'));
/** …and the glibc malloc settings, in its environment. */
const API_ENV: Record<string, string> = JSON.parse(readFileSync(join(__dirname, '../apps/api/malloc-env.json'), 'utf8'));

/**
 * Journeys in Debian's Chromium (no browser download here) against the built app on a fresh embedded
 * PostgreSQL with the demo workspace, started exactly as the quick start does.
 */
export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.e2e.ts',
  outputDir: '../tmp/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../tmp/test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `rm -rf tmp/e2e-data && node ${API_NODE_ARGS.join(' ')} dist/apps/api/apps/api/src/main.js`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ...API_ENV,
      PORT: String(PORT),
      EMBEDDED_PG_PORT: String(PG_PORT),
      DATA_DIR: 'tmp/e2e-data',
      SEED_DEMO: 'true',
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      NO_COLOR: '1',
      // Reminders are checked every 2 s so a journey can see one arrive.
      REMINDER_INTERVAL_SECONDS: '2',
    },
  },
});
