/**
 * `stackradar frameworks`: the catalog a user's articles are read with — the bundled one merged with
 * theirs — as rows in every format, without a database.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

describe('stackradar frameworks', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stackradar-frameworks-'));
    env = { STACKRADAR_DATA_DIR: path.join(dir, 'data') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the bundled catalog with names, aliases, repository, docs and package, opening no database', async () => {
    const result = await runCli(['frameworks', '--format', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThanOrEqual(41);
    expect(rows.find((row) => row.name === 'Express')).toEqual({
      name: 'Express',
      slug: 'express',
      language: 'JavaScript',
      aliases: ['Express.js', 'ExpressJS', 'Express JS'],
      repo: 'expressjs/express',
      docs: 'https://expressjs.com',
      package: { registry: 'npm', name: 'express' },
    });
    expect(existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('merges the user catalog (--catalog) and prints csv and md', async () => {
    const catalog = path.join(dir, 'catalog.json');
    writeFileSync(
      catalog,
      JSON.stringify({
        frameworks: [
          { name: 'Express', docs: 'https://expressjs.com/en/5x/api.html' },
          { name: 'Elysia', aliases: ['ElysiaJS'], language: 'TypeScript', repo: 'elysiajs/elysia', docs: 'https://elysiajs.com' },
        ],
      }),
    );
    const csv = await runCli(['--catalog', catalog, 'frameworks', '--format', 'csv'], { env });
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trimEnd().split(/\r?\n/);
    expect(lines[0]).toBe('name,slug,language,aliases,repo,docs,package');
    expect(lines).toContain('Express,express,JavaScript,"[""Express.js"",""ExpressJS"",""Express JS""]",expressjs/express,https://expressjs.com/en/5x/api.html,npm express');
    expect(lines.at(-1)).toBe('Elysia,elysia,TypeScript,"[""ElysiaJS""]",elysiajs/elysia,https://elysiajs.com,');
    const md = await runCli(['frameworks', '--format', 'md'], { env: { ...env, STACKRADAR_CATALOG: catalog } });
    expect(md.stdout.split('\n')[0]).toBe('| name | slug | language | aliases | repo | docs | package |');
    expect(md.stdout).toContain('| Elysia | elysia | TypeScript |');
  });
});
