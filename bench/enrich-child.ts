/**
 * One enrich measurement in its own process, so its peak RSS is the GitHub client's alone (the fake
 * GitHub runs in the parent). Input: BENCH_GITHUB_URL, BENCH_REPOS_FILE (a JSON array of owner/name),
 * BENCH_NOW. Output: one JSON line on stdout.
 */
import { readFileSync } from 'node:fs';
import { createGitHubClient, createMemoryCache, fetchRepositories } from '../src/enrich/github.js';
import { createLogger } from '../src/logger.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const repos = JSON.parse(readFileSync(env('BENCH_REPOS_FILE'), 'utf8')) as string[];
// The production client as the enrich stage builds it: throttling, retries and timings at their defaults.
const client = createGitHubClient({ token: env('GITHUB_TOKEN'), apiUrl: env('BENCH_GITHUB_URL'), logger: createLogger('warn'), cache: createMemoryCache() });
const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
const cpuBefore = process.cpuUsage();
const start = performance.now();
const { results, stats } = await fetchRepositories(client, repos, { now: new Date(env('BENCH_NOW')) });
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  `${JSON.stringify({
    ms,
    requests: stats.requests,
    graphqlCost: stats.graphqlCost,
    failed: [...results.values()].filter((r) => 'error' in r).length,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssBeforeMB,
    // maxRSS is in KiB: the high-water mark of the whole process.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
