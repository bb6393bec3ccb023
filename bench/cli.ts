/**
 * The built CLI as a user runs it (`node dist/cli/main.js …`, whole process), against local stand-ins:
 * the article's site, a fake GitHub with the eight frameworks, the fake package registries, and a docs
 * site that every framework's docs link points at through a user catalog, so no real network or DNS is
 * involved.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture, startArticleServer } from '../test/support/article-server.js';
import { startDocsServer } from '../test/support/docs-server.js';
import { eightFrameworks, startFakeGitHub } from '../test/support/fake-github/index.js';
import { FIXTURE_TODAY, startFakeRegistries } from '../test/support/fake-registries/index.js';
import { cleanEnv, median, mustSucceed, progress, round, runNode, type ChildResult } from './util.js';

export const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const TOKEN = 'bench-token';
const DAY = 86_400_000;
/** The article's frameworks by their catalog names (the user catalog merges over the bundled one by slug). */
const FRAMEWORKS = ['Laravel', 'CakePHP', 'Django', 'Ruby on Rails', 'Flask', 'Phoenix', 'Express', 'Spring Boot'];
/** The registry stand-in's packages; CakePHP's is not among them (as in the tests, it stands for a framework without one). */
const WITHOUT_PACKAGE = new Set(['CakePHP']);
/** The first run's day is the registry stand-in's: its daily series run up to the day before, so the first run backfills them whole. */
const NOW = new Date(`${FIXTURE_TODAY}T06:00:00Z`);

export interface Timings {
  medianSeconds: number;
  runs: number[];
}

export interface CliResult {
  refreshFirst: Timings;
  refreshExisting: Timings;
  /** The registries stage within those refreshes, from each run's stats (`runs --format json`). */
  registriesFirst: Timings;
  registriesExisting: Timings;
  help: Timings;
  query: Timings;
}

const timings = (results: { ms: number }[]): Timings => ({
  medianSeconds: round(median(results.map((r) => r.ms)) / 1000, 2),
  runs: results.map((r) => round(r.ms / 1000, 2)),
});

/** Each refresh's registries stage on one database, oldest run first. */
function registriesStages(runsJson: string): { ms: number }[] {
  const runs = JSON.parse(runsJson) as { id: number; command: string; stages: { name: string; ms: number }[] | null }[];
  return runs
    .filter((r) => r.command === 'refresh')
    .sort((a, b) => a.id - b.id)
    .map((r) => ({ ms: r.stages?.find((s) => s.name === 'registries')?.ms ?? Number.NaN }));
}

export async function benchCli(repeats: { refresh: number; startup: number }): Promise<CliResult> {
  const articles = await startArticleServer();
  // Six refreshes of six topic searches each within a minute: more than GitHub's 30 searches a minute,
  // which a daily schedule never comes near; the fake's window would time the wait, not stackradar.
  const github = await startFakeGitHub({ repos: eightFrameworks(NOW), tokens: [TOKEN], limits: { searchAuthenticated: 1_000 } });
  const docs = await startDocsServer();
  const registries = await startFakeRegistries();
  const dir = mkdtempSync(path.join(tmpdir(), 'stackradar-bench-'));
  try {
    articles.pages.set('/article.html', { body: fixture('keycdn-original.html') });
    const catalog = path.join(dir, 'catalog.json');
    const entries = FRAMEWORKS.map((name, i) => ({ name, docs: `${docs.url}/docs/${i}`, ...(WITHOUT_PACKAGE.has(name) ? { package: null } : {}) }));
    writeFileSync(catalog, JSON.stringify({ frameworks: entries }));
    /** The run's environment; the registry stand-in's today moves with the run's clock. */
    const env = (dataDir: string, day: number) => {
      const at = new Date(NOW.getTime() + day * DAY);
      registries.setToday(at.toISOString().slice(0, 10));
      return cleanEnv({
        STACKRADAR_DATA_DIR: dataDir,
        STACKRADAR_SOURCE_URL: `${articles.url}/article.html`,
        STACKRADAR_CATALOG: catalog,
        STACKRADAR_ALLOW_PRIVATE_NETWORK: 'true',
        STACKRADAR_NOW: at.toISOString(),
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: TOKEN,
        STACKRADAR_REGISTRY_URLS: registries.envValue,
      });
    };
    const cli = async (what: string, args: string[], environment: NodeJS.ProcessEnv) =>
      mustSucceed(what, await runNode([CLI, ...args], environment));

    // First runs: each on a new data directory, so each creates the database (initdb + migrations).
    const first: ChildResult[] = [];
    for (let i = 0; i < repeats.refresh; i++) {
      progress(`cli: refresh on a new database (${i + 1}/${repeats.refresh})`);
      first.push(await cli('refresh (new database)', ['refresh'], env(path.join(dir, `new-${i}`), 0)));
    }
    // Later runs: one directory, a day apart, as the daily schedule would run them.
    const existingDir = path.join(dir, 'new-0');
    const existing: ChildResult[] = [];
    for (let i = 1; i <= repeats.refresh; i++) {
      progress(`cli: refresh on an existing database (${i}/${repeats.refresh})`);
      existing.push(await cli('refresh (existing database)', ['refresh'], env(existingDir, i)));
    }

    const stagesOf = async (dataDir: string) => registriesStages((await cli('runs', ['runs', '--format', 'json'], env(dataDir, 0))).stdout);
    const registriesFirst: { ms: number }[] = [];
    for (let i = 0; i < repeats.refresh; i++) registriesFirst.push(...(await stagesOf(path.join(dir, `new-${i}`))).slice(0, 1));
    const registriesExisting = (await stagesOf(existingDir)).slice(1);

    const help: ChildResult[] = [];
    const query: ChildResult[] = [];
    progress(`cli: start-up, --help and one query (${repeats.startup} each)`);
    for (let i = 0; i < repeats.startup; i++) {
      help.push(await cli('--help', ['--help'], env(existingDir, 0)));
      const result = await cli('sql', ['sql', 'select * from framework_latest', '--format', 'json'], env(existingDir, 0));
      const rows = (JSON.parse(result.stdout) as unknown[]).length;
      if (rows !== FRAMEWORKS.length) throw new Error(`framework_latest has ${rows} rows after the refreshes, expected ${FRAMEWORKS.length}`);
      query.push(result);
    }
    return {
      refreshFirst: timings(first),
      refreshExisting: timings(existing),
      registriesFirst: timings(registriesFirst),
      registriesExisting: timings(registriesExisting),
      help: timings(help),
      query: timings(query),
    };
  } finally {
    await Promise.all([articles.close(), github.close(), docs.close(), registries.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
