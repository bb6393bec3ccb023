import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs the `fast` project: everything a newcomer needs to trust a change, in about two
 * minutes. `npm run test:all` (and CI) adds `slow`: the memory soak, the scheduler's real cron waits and
 * the browser test of the HTML report.
 */
const SLOW = ['test/scheduler-memory.test.ts', 'test/scheduler.test.ts', 'test/report-browser.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
