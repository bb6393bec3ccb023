import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs the `fast` project: the unit and parser-corpus tests, the stores and the fakes on both
 * drivers, and a smoke test of the built CLI — what a newcomer needs to trust a change, in a couple of
 * minutes. `npm run test:all` (and CI) adds `slow`: the end-to-end runs of the CLI as a child process
 * against the stand-ins, the memory soak, the scheduler's real cron waits and the browser tests of the
 * HTML report.
 */
const SLOW = [
  'test/cli-messages.test.ts',
  'test/data-dir-cli.test.ts',
  'test/db-serve.test.ts',
  'test/docs-age-cli.test.ts',
  'test/empty-output-cli.test.ts',
  'test/enrich-cli.test.ts',
  'test/events-cli.test.ts',
  'test/frameworks-cli.test.ts',
  'test/ingest-cli.test.ts',
  'test/interrupt-cli.test.ts',
  'test/markdown-cli.test.ts',
  'test/migrate-latest-version.test.ts',
  'test/migrate-package-registries.test.ts',
  'test/migrate-parse-confidence.test.ts',
  'test/migrate-review.test.ts',
  'test/parse-confidence-cli.test.ts',
  'test/real-histories.test.ts',
  'test/readers-during-run-cli.test.ts',
  'test/refresh-runs.test.ts',
  'test/registries-pacer-cli.test.ts',
  'test/registries-cli.test.ts',
  'test/report-browser.test.ts',
  'test/report-cli.test.ts',
  'test/report-html-layout-cli.test.ts',
  'test/report-missing-cli.test.ts',
  'test/review-cli.test.ts',
  'test/review-package-cli.test.ts',
  'test/review-links-cli.test.ts',
  'test/run-output-cli.test.ts',
  'test/schedule-serve-cli.test.ts',
  'test/scheduler-memory.test.ts',
  'test/scheduler.test.ts',
  'test/sources-cli.test.ts',
  'test/sql-system-functions-cli.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    // The fixture articles link to real hosts: a refresh in a test checks them only where a test turns it on.
    env: { STACKRADAR_LINK_CHECKS: 'off' },
    // Child processes start an embedded PostgreSQL each: generous limits keep a busy machine from failing a sound test.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, one file at a time on a 2-core machine; the files
    // spend most of their time waiting on child processes, so two at a time nearly halves the wall time.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW } },
      // Two files at a time, as the fast suite: no test here measures performance (bench/ does; the few time
      // bounds, such as an exit within 5 s of Ctrl-C, are generous), and much of their time is waiting on
      // child processes and real cron slots.
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
