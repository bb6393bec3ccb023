/**
 * A whole `stackradar refresh` of thousands of frameworks, as a user runs it (the built CLI, one child
 * process per run, under /usr/bin/time for its peak RSS): a generated article served locally, a user
 * catalog, the fake GitHub answering after 50 ms, docs sites answering after 300 ms on several loopback
 * hosts. Three runs a database: the first, the next day's (docs links still fresh: none checked), and one
 * after the docs age has passed (every link checked again). Requests are counted twice: from the fakes'
 * logs and from the run's own stats (`runs --format json`), with each stage's time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startArticleServer } from '../test/support/article-server.js';
import { startFakeGitHub, syntheticRepos } from '../test/support/fake-github/index.js';
import type { CatalogPackage } from '../src/catalog/catalog.js';
import { CLI } from './cli.js';
import { articleHtml, catalogJson, frameworkNames, startDocsSites } from './refresh-scale-fixtures.js';
import { withDatabase } from './store.js';
import { cleanEnv, progress, round } from './util.js';

const TOKEN = 'bench-token';
const DAY = 86_400_000;
const GITHUB_LATENCY_MS = 50;
const DOCS_LATENCY_MS = 300;
const DOCS_HOSTS = 32;
const RUN_TIMEOUT_MS = 15 * 60_000;
const DATABASE = 'stackradar_bench_refresh';
/** Days after the first run: the next day (docs fresh), and past the default 7-day docs age. */
const RUNS = [
  { label: 'first', day: 0 },
  { label: 'next day', day: 1 },
  { label: 'after docs age', day: 8 },
] as const;

export type Driver = 'embedded' | 'postgres';

interface StageStats {
  name: string;
  ms: number;
  requests: Record<string, number>;
}

export interface RefreshRun {
  label: string;
  exitCode: number | null;
  seconds: number;
  peakRssMB: number;
  stages: StageStats[];
  /** Requests the stand-ins served during the run. */
  served: { graphql: number; rest: number; search: number; docs: number; article: number };
  loadBefore: number;
}

export interface RefreshScaleResult {
  n: number;
  driver: Driver;
  docsHosts: number;
  runs: RefreshRun[];
  /** PostgreSQL only: bytes per snapshot row (one framework, one day), indexes included. */
  storage?: { snapshotRows: number; bytesPerFrameworkDay: number; tables: Record<string, number> };
  error?: string;
}

export interface Timed {
  code: number | null;
  ms: number;
  peakRssMB: number;
  stdout: string;
  stderr: string;
}

/** `node args…` under `/usr/bin/time -v`: wall time spawn to exit, and the child's maximum RSS. */
export function runTimed(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-v', process.execPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
      resolve({ code, ms: performance.now() - start, peakRssMB: kb ? round(Number(kb) / 1024) : Number.NaN, stdout, stderr });
    });
  });
}

/** Each stage's stats from `runs --format json`; none when the output is not whole (a failed run's long error). */
function lastRunStages(stdout: string): StageStats[] {
  try {
    const [last] = JSON.parse(stdout) as { stages: StageStats[] | null }[];
    return last?.stages ?? [];
  } catch {
    return [];
  }
}

async function storage(url: string): Promise<RefreshScaleResult['storage']> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = ['snapshots', 'package_snapshots', 'package_downloads'];
    const sizes = await sql<{ name: string; bytes: string }[]>`
      select c.relname as name, pg_total_relation_size(c.oid)::text as bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname in ${sql(tables)}`;
    const [{ rows }] = (await sql`select count(*)::int as rows from snapshots`) as unknown as [{ rows: number }];
    const bytes = Object.fromEntries(sizes.map((s) => [s.name, Number(s.bytes)]));
    const total = Object.values(bytes).reduce((a, b) => a + b, 0);
    return { snapshotRows: rows, bytesPerFrameworkDay: round(total / rows), tables: bytes };
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function prepareDatabase(driver: Driver, adminUrl: string, dir: string): Promise<Record<string, string>> {
  if (driver === 'embedded') return { STACKRADAR_DATA_DIR: path.join(dir, 'data') };
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  return { DATABASE_URL: withDatabase(adminUrl, DATABASE) };
}

async function dropDatabase(adminUrl: string): Promise<void> {
  if (process.env.BENCH_KEEP_DATABASE === 'true') return;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
  } finally {
    await admin.end({ timeout: 1 });
  }
}

/** What runs on the refreshed database before it goes: its environment, and the requests the stand-ins have served. */
export type AfterRefresh = (env: NodeJS.ProcessEnv, served: () => number) => Promise<void>;

/** More stand-ins for a section that needs them: their environment, the catalog's packages, hooks around each run. */
export interface ExtraStandIns {
  env: Record<string, string>;
  packageOf(i: number): CatalogPackage | undefined;
  beforeRun(day: number): void;
  afterRun(run: RefreshRun): void;
}

/**
 * The first `runs` (default all three) refreshes of `n` frameworks on a new database of `driver`, then
 * `after` (the review section) when they all succeeded.
 */
export async function benchRefreshScale(n: number, driver: Driver, now: Date, adminUrl: string, runs: number = RUNS.length, after?: AfterRefresh, extra?: ExtraStandIns): Promise<RefreshScaleResult> {
  const frameworks = frameworkNames(n);
  const articles = await startArticleServer();
  // Each run is a new day with its topic searches (one per language), and the runs follow one another within
  // seconds: GitHub's 30 searches a minute would make a bench run wait for the fake's window, not for stackradar.
  const github = await startFakeGitHub({ repos: syntheticRepos(now, n, Math.ceil(n / 100)), tokens: [TOKEN], limits: { searchAuthenticated: 1_000 } });
  const docs = await startDocsSites(DOCS_HOSTS, DOCS_LATENCY_MS);
  const dir = mkdtempSync(path.join(tmpdir(), 'stackradar-bench-scale-'));
  const result: RefreshScaleResult = { n, driver, docsHosts: DOCS_HOSTS, runs: [] };
  try {
    github.setFaults({ latencyMs: GITHUB_LATENCY_MS });
    articles.pages.set('/top-backend-frameworks.html', { body: articleHtml(frameworks) });
    const catalog = path.join(dir, 'catalog.json');
    writeFileSync(catalog, catalogJson(frameworks, docs.urls, extra?.packageOf));
    const database = await prepareDatabase(driver, adminUrl, dir);
    const env = (day: number) =>
      cleanEnv({
        ...database,
        STACKRADAR_SOURCE_URL: `${articles.url}/top-backend-frameworks.html`,
        STACKRADAR_CATALOG: catalog,
        STACKRADAR_ALLOW_PRIVATE_NETWORK: 'true',
        STACKRADAR_NOW: new Date(now.getTime() + day * DAY).toISOString(),
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: TOKEN,
        ...extra?.env,
      });
    for (const { label, day } of RUNS.slice(0, runs)) {
      progress(`refresh-scale: N = ${n.toLocaleString('en')}, ${driver}, ${label} run (load ${round(loadavg()[0] ?? 0, 2)})`);
      github.resetLog();
      docs.requests.clear();
      articles.hits.clear();
      extra?.beforeRun(day);
      const loadBefore = round(loadavg()[0] ?? 0, 2);
      const run = await runTimed([CLI, 'refresh'], env(day));
      const last = lastRunStages((await runTimed([CLI, 'runs', '--limit', '1', '--format', 'json'], env(day))).stdout);
      const count = (resource: string) => github.requests.filter((r) => r.resource === resource).length;
      const measured: RefreshRun = {
        label,
        exitCode: run.code,
        seconds: round(run.ms / 1000, 1),
        peakRssMB: run.peakRssMB,
        stages: last,
        served: {
          graphql: count('graphql'),
          rest: count('core'),
          search: count('search'),
          docs: [...docs.requests.values()].reduce((a, b) => a + b, 0),
          article: [...articles.hits.values()].reduce((a, b) => a + b, 0),
        },
        loadBefore,
      };
      result.runs.push(measured);
      extra?.afterRun(measured);
      progress(`refresh-scale: ${round(run.ms / 1000, 1)} s, exit ${run.code}, peak RSS ${run.peakRssMB} MB`);
      if (run.code !== 0) {
        result.error = `${label} run exited with ${run.code}: ${run.stderr.trim().split('\n').filter((l) => !/^\s/.test(l)).slice(-2).join(' | ').slice(0, 300)}`;
        break;
      }
    }
    if (driver === 'postgres' && database.DATABASE_URL) result.storage = await storage(database.DATABASE_URL);
    const served = () => github.requests.length + [...docs.requests.values()].reduce((a, b) => a + b, 0) + [...articles.hits.values()].reduce((a, b) => a + b, 0);
    if (after && !result.error) await after(env(runs - 1), served);
    return result;
  } finally {
    await Promise.all([articles.close(), github.close(), docs.close()]);
    if (driver === 'postgres') await dropDatabase(adminUrl);
    rmSync(dir, { recursive: true, force: true });
  }
}
