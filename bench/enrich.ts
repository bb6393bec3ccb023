/**
 * Enrich at N repositories: the fake GitHub (GitHub's real GraphQL schema, 50 ms added to every answer)
 * runs here, the production client in a child process (enrich-child.ts). The fake's own CPU time is
 * reported too, to tell its cost from the client's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeGitHub, syntheticRepos } from '../test/support/fake-github/index.js';
import { cleanEnv, mustSucceed, progress, round, runNode } from './util.js';

export interface EnrichResult {
  n: number;
  /** Repositories whose releases need a second page (weekly releasers). */
  paginated: number;
  /** The bound: one query per 50 repositories, plus the follow-up pages actually needed. */
  requestBound: number;
  requests: number;
  graphqlCost: number;
  failed: number;
  seconds: number;
  peakRssMB: number;
  /** RSS once the modules are loaded, before the first request. */
  baselineRssMB: number;
  clientCpuSeconds: number;
  fakeCpuSeconds: number;
}

const CHILD = fileURLToPath(new URL('./enrich-child.ts', import.meta.url));
const TOKEN = 'bench-token';
const LATENCY_MS = 50;
const BATCH = 50;

export async function benchEnrich(n: number, now: Date): Promise<EnrichResult> {
  // One repository in a hundred releases weekly, so that pagination is exercised at every N.
  const paginated = Math.ceil(n / 100);
  const fake = await startFakeGitHub({ repos: syntheticRepos(now, n, paginated), tokens: [TOKEN] });
  const dir = mkdtempSync(path.join(tmpdir(), 'stackradar-bench-'));
  try {
    fake.setFaults({ latencyMs: LATENCY_MS });
    const reposFile = path.join(dir, 'repos.json');
    writeFileSync(reposFile, JSON.stringify(fake.repos.map((r) => `${r.owner}/${r.name}`)));
    progress(`enrich: N = ${n}`);
    const cpuBefore = process.cpuUsage();
    const run = mustSucceed(
      `enrich N=${n}`,
      await runNode(['--import', 'tsx', CHILD], cleanEnv({ GITHUB_TOKEN: TOKEN, BENCH_GITHUB_URL: fake.url, BENCH_REPOS_FILE: reposFile, BENCH_NOW: now.toISOString() }), 600_000),
    );
    const fakeCpu = process.cpuUsage(cpuBefore);
    const child = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      ms: number; requests: number; graphqlCost: number; failed: number; cpuMs: number; rssBeforeMB: number; peakRssMB: number;
    };
    const served = fake.requests.filter((r) => r.resource === 'graphql');
    if (served.length !== child.requests) throw new Error(`enrich N=${n}: the client counted ${child.requests} requests, the fake served ${served.length}`);
    return {
      n,
      paginated,
      requestBound: Math.ceil(n / BATCH) + Math.ceil(paginated / BATCH),
      requests: child.requests,
      graphqlCost: child.graphqlCost,
      failed: child.failed,
      seconds: round(child.ms / 1000, 2),
      peakRssMB: round(child.peakRssMB),
      baselineRssMB: round(child.rssBeforeMB),
      clientCpuSeconds: round(child.cpuMs / 1000, 2),
      fakeCpuSeconds: round((fakeCpu.user + fakeCpu.system) / 1e6, 2),
    };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
