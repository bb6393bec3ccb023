/**
 * For tests of whole runs and the scheduler: the local stand-ins (article site with a docs page, fake
 * GitHub with the eight frameworks, fake package registries, a user catalog pointing their docs at the
 * stand-in), and long-running CLI children whose JSON log lines can be awaited.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startArticleServer, fixture, type ArticleServer } from './article-server.js';
import { CLI, runCli } from './cli.js';
import { eightFrameworks, startFakeGitHub, type FakeGitHub } from './fake-github/index.js';
import { startFakeRegistries, type FakeRegistries } from './fake-registries/index.js';
import type { TestDatabase } from './stores.js';

export const TOKEN = 'ghp_jobsTestToken_0123456789SECRET';
export const NAMES = ['Laravel', 'CakePHP', 'Django', 'Ruby on Rails', 'Flask', 'Phoenix', 'Express', 'Spring Boot'];

export interface Standins {
  articles: ArticleServer;
  github: FakeGitHub;
  registries: FakeRegistries;
  /** The environment of a CLI child on `database`: stand-ins, user catalog, a token (GraphQL) unless removed. */
  env(database: TestDatabase, extra?: Record<string, string | undefined>): Record<string, string | undefined>;
  close(): Promise<void>;
}

/**
 * `packages: false` gives no framework a package, for tests that time whole runs: the fake registries keep
 * the real registries' published pace, which adds seconds to every run.
 */
export async function startStandins(options: { packages?: boolean } = {}): Promise<Standins> {
  const articles = await startArticleServer();
  articles.pages.set('/article.html', { body: fixture('keycdn-original.html') });
  articles.pages.set('/docs', { body: '<h1>Docs</h1>' });
  // Budgets far above the real ones: several databases and dozens of runs share one fake.
  const github = await startFakeGitHub({
    repos: eightFrameworks(new Date()),
    tokens: [TOKEN],
    limits: { anonymous: 100_000, authenticated: 100_000, graphql: 100_000, searchAnonymous: 100_000, searchAuthenticated: 100_000 },
  });
  const registries = await startFakeRegistries();
  const dir = mkdtempSync(path.join(tmpdir(), 'stackradar-jobs-'));
  const catalog = path.join(dir, 'catalog.json');
  // Docs on the stand-in: the real hosts would make every run wait for DNS. CakePHP's package is not in
  // the fake registries: it stands for a framework without a package.
  const withPackage = (name: string) => options.packages !== false && name !== 'CakePHP';
  const entries = NAMES.map((name) => ({ name, docs: `${articles.url}/docs`, ...(withPackage(name) ? {} : { package: null }) }));
  writeFileSync(catalog, JSON.stringify({ frameworks: entries }));
  return {
    articles,
    github,
    registries,
    env: (database, extra = {}) => ({
      DATABASE_URL: database.databaseUrl,
      STACKRADAR_DATA_DIR: database.dataDir,
      STACKRADAR_SOURCE_URL: `${articles.url}/article.html`,
      STACKRADAR_CATALOG: catalog,
      STACKRADAR_ALLOW_PRIVATE_NETWORK: 'true',
      STACKRADAR_FETCH_RETRIES: '1',
      STACKRADAR_FETCH_TIMEOUT: '10',
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: TOKEN,
      STACKRADAR_REGISTRY_URLS: registries.envValue,
      LOG_LEVEL: 'info',
      ...extra,
    }),
    async close() {
      await Promise.all([articles.close(), github.close(), registries.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type LogLine = Record<string, unknown> & { msg?: string };

/** A CLI child that keeps running: its stderr JSON lines, awaitable, and its exit. */
export interface CliChild {
  child: ChildProcessWithoutNullStreams;
  lines: LogLine[];
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first line (from the start) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnCli(args: string[], env: Record<string, string | undefined>): CliChild {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, GITHUB_TOKEN: undefined, GH_TOKEN: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [CLI, ...args], { env: childEnv });
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete) {
      if (!line.startsWith('{')) continue;
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        // not a log line
      }
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return {
    child,
    lines,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitFor(match, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching log line within ${timeoutMs} ms; stderr:\n${stderr.slice(-3000)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
        void exited.then(({ code, signal }) =>
          setTimeout(() => {
            check();
            if (!waiters.has(check)) return;
            cleanup();
            reject(new Error(`exited (${code ?? signal}) before a matching log line; stderr:\n${stderr.slice(-3000)}`));
          }, 0),
        );
      });
    },
  };
}

/** One read-only query through the CLI, as JSON rows. */
export async function sqlRows<T = Record<string, unknown>>(query: string, env: Record<string, string | undefined>): Promise<T[]> {
  const result = await runCli(['sql', query, '--format', 'json'], { env: { ...env, LOG_LEVEL: 'warn' } });
  if (result.code !== 0) throw new Error(`sql failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T[];
}

export const runFinished = (line: LogLine) => typeof line.runId === 'number' && typeof line.status === 'string' && 'rssBytes' in line;
export const stage = (name: string) => (line: LogLine) => line.stage === name;
