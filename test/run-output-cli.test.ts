/**
 * What a run says (issue 24, item 7), through the built CLI on both drivers: on a terminal the
 * registries stage shows on the progress line and the progress never runs into the summary; with
 * several sources the ingest table names each entry's source; versions are numbered per source.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/article-server.js';
import { CLI, runCli } from './support/cli.js';
import { startStandins, type Standins } from './support/jobs.js';
import { DRIVERS, createTestDatabase, skipPostgres, type TestDatabase } from './support/stores.js';

const LONG = 180_000;
const CLEAR = '\r\x1b[2K';
const STAGES = /^(fetching|parsing|enriching|registries|storing)/;

/** Runs the CLI with stdout and stderr on a pseudo-terminal (util-linux `script`), as a person at a terminal sees it. */
function runOnTerminal(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; screen: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, GITHUB_TOKEN: undefined, GH_TOKEN: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const command = [process.execPath, CLI, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qefc', command, '/dev/null'], { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    let screen = '';
    child.stdout.on('data', (chunk) => (screen += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, screen }));
  });
}

/** The lines a terminal shows: a clear wipes what the line held, colours are dropped. */
function shownLines(screen: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = screen.replace(/\x1b\[[0-9;]*m/g, '');
  return plain.split(/\r?\n/).map((line) => line.split(CLEAR).pop() ?? '');
}

describe.each(DRIVERS)('run output on %s', (driver) => {
  const skip = driver === 'postgres' && skipPostgres;
  let standins: Standins;
  let database: TestDatabase;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    if (skip) return;
    standins = await startStandins();
    database = await createTestDatabase(driver);
    env = standins.env(database, { LOG_LEVEL: 'warn', STACKRADAR_NOW: '2026-12-01T06:00:00Z' });
  }, LONG);
  afterAll(async () => {
    if (skip) return;
    await standins.close();
    await database.drop();
  });

  it.skipIf(skip)(
    'on a terminal, the registries stage shows and the summary starts on a line of its own',
    async () => {
      const { code, screen } = await runOnTerminal(['refresh'], env);
      expect(code, screen).toBe(0);
      expect(screen).toMatch(/registries \d+\/7/);
      const lines = shownLines(screen);
      const summary = lines.filter((line) => /ingest http|enrich: stored|refresh: run/.test(line));
      expect(summary, screen).toHaveLength(3);
      for (const line of summary) expect(line, screen).not.toMatch(STAGES);
      expect(lines.find((line) => line.startsWith('refresh: run'))).toMatch(/^refresh: run \d+ succeeded$/);
    },
    LONG,
  );

  it.skipIf(skip)('with several sources the ingest table has a source column, and each source numbers its own versions', async () => {
    const first = `${standins.articles.url}/first.html`;
    const second = `${standins.articles.url}/second.html`;
    standins.articles.pages.set('/first.html', { body: fixture('numbered-h2.html') });
    standins.articles.pages.set('/second.html', { body: fixture('mixed-h4.html') });

    const both = await runCli(['ingest', '--source', first, '--source', second], { env });
    expect(both.code, both.stderr).toBe(0);
    const header = (printed: string) => printed.split('\n')[1];
    expect(header(both.stdout)).toMatch(/^│ source_url\s+│ position\s+│ framework/);
    expect(both.stdout).toContain(second);
    expect(both.stderr).toContain(`ingest ${first}: 8 entries, new version 1`);
    expect(both.stderr).toContain(`ingest ${second}: 8 entries, new version 1`);

    const one = await runCli(['ingest', '--source', first], { env });
    expect(header(one.stdout)).toMatch(/^│ position\s+│ framework/);
    expect(one.stderr).toContain(`ingest ${first}: 8 entries, unchanged (version 1)`);

    standins.articles.pages.set('/second.html', { body: fixture('mixed-h4.html').replace('Very scalable', 'Scales very well') });
    expect((await runCli(['ingest', '--source', second], { env })).stderr).toContain(`ingest ${second}: 8 entries, new version 2`);
    const diff = await runCli(['diff', '--source', second, '--format', 'json'], { env });
    expect(diff.stderr).toContain(`diff ${second}: version 1 → 2, 1 change(s)`);
    expect(JSON.parse(diff.stdout)).toEqual([expect.objectContaining({ from_version: 1, to_version: 2 })]);

    const listed = JSON.parse((await runCli(['sources', '--format', 'json'], { env })).stdout) as { url: string; current_version: number }[];
    expect(listed.find((row) => row.url === first)?.current_version).toBe(1);
    expect(listed.find((row) => row.url === second)?.current_version).toBe(2);
    // The report's table of article versions numbers them the same way.
    const html = (await runCli(['report', '--format', 'html'], { env })).stdout;
    const numbers = (url: string) => [...html.matchAll(new RegExp(`${url}</span></td><td class="r">(\\d+)</td>`, 'g'))].map((m) => Number(m[1]));
    expect(numbers(first)).toEqual([1]);
    expect(numbers(second)).toEqual([1, 2]);
  });
});
