import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/catalog.js';
import { slugify } from '../src/catalog/slug.js';

const dir = mkdtempSync(join(tmpdir(), 'stackradar-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function userFile(content: unknown): string {
  const file = join(dir, `catalog-${++n}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('bundled catalog', () => {
  const all = loadCatalog().all();

  it('covers the article and at least 25 other frameworks, one slug each', () => {
    expect(all.length).toBeGreaterThanOrEqual(33);
    expect(new Set(all.map((f) => f.slug)).size).toBe(all.length);
  });

  it('points the article’s eight at their core repositories', () => {
    const repos = Object.fromEntries(all.map((f) => [f.slug, f.repo]));
    expect(repos).toMatchObject({
      laravel: 'laravel/framework',
      cakephp: 'cakephp/cakephp',
      django: 'django/django',
      'ruby-on-rails': 'rails/rails',
      flask: 'pallets/flask',
      phoenix: 'phoenixframework/phoenix',
      express: 'expressjs/express',
      'spring-boot': 'spring-projects/spring-boot',
    });
  });

  it('has well-formed entries and no alias shared between two frameworks', () => {
    const owner = new Map<string, string>();
    for (const f of all) {
      expect(f.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(f.docs).toMatch(/^https:\/\//);
      expect(f.slug).toBe(slugify(f.name));
      for (const key of [f.name, ...f.aliases].map(slugify)) {
        expect(owner.get(key) ?? f.slug, `"${key}" of ${f.slug}`).toBe(f.slug);
        owner.set(key, f.slug);
      }
    }
  });

  it('names real packages for the eight', () => {
    const pkg = (slug: string) => all.find((f) => f.slug === slug)?.package;
    expect(pkg('laravel')).toEqual({ registry: 'packagist', name: 'laravel/framework' });
    expect(pkg('phoenix')).toEqual({ registry: 'hex', name: 'phoenix' });
    expect(pkg('spring-boot')).toEqual({ registry: 'maven', name: 'org.springframework.boot:spring-boot' });
    expect(pkg('ruby-on-rails')).toEqual({ registry: 'rubygems', name: 'rails' });
    expect(pkg('express')).toEqual({ registry: 'npm', name: 'express' });
  });
});

describe('resolve', () => {
  const catalog = loadCatalog();
  const slugOf = (s: string) => catalog.resolve(s)?.slug;

  it('matches names and aliases by slug', () => {
    for (const s of ['Express', 'express', 'Express.js', 'ExpressJS', 'Express JS', ' EXPRESS ']) {
      expect(slugOf(s), s).toBe('express');
    }
    for (const s of ['Ruby on Rails', 'Rails', 'RoR', 'ruby-on-rails']) expect(slugOf(s), s).toBe('ruby-on-rails');
    for (const s of ['Spring Boot', 'spring-boot', 'SpringBoot']) expect(slugOf(s), s).toBe('spring-boot');
    expect(slugOf('Nest')).toBe('nestjs');
    expect(slugOf('Nest.js')).toBe('nestjs');
    expect(slugOf('ASP.NET Core')).toBe('asp-net-core');
    expect(slugOf('Vert.x')).toBe('vert-x');
    expect(slugOf('Play')).toBe('play-framework');
  });

  it('returns undefined for unknown or empty names', () => {
    expect(catalog.resolve('Nonexistent Framework')).toBeUndefined();
    expect(catalog.resolve('')).toBeUndefined();
    expect(catalog.resolve('...')).toBeUndefined();
  });

  it('hands out copies', () => {
    catalog.all()[0]!.aliases.push('Mutated');
    expect(catalog.resolve('Mutated')).toBeUndefined();
    expect(catalog.all()[0]!.aliases).not.toContain('Mutated');
  });
});

describe('user file merged over the bundled catalog', () => {
  it('overrides only the fields given, matching by name or alias, and adds new frameworks', () => {
    const bundledCount = loadCatalog().all().length;
    const file = userFile({
      frameworks: [
        { name: 'laravel', docs: 'https://laravel.com/docs/12.x' },
        { name: 'Express', package: null, aliases: ['Express 5'] },
        { name: 'Rails', docs: 'https://api.rubyonrails.org' },
        {
          name: 'Zeta',
          language: 'Zig',
          repo: 'example/zeta',
          docs: 'https://zeta.example.org',
          aliases: ['Zeta Web', 'Actix'],
          package: { registry: 'go', name: 'example.org/zeta' },
        },
      ],
    });
    const catalog = loadCatalog(file);
    expect(catalog.all()).toHaveLength(bundledCount + 1);

    expect(catalog.resolve('Laravel Framework')).toEqual({
      name: 'laravel',
      slug: 'laravel',
      aliases: ['Laravel Framework'],
      language: 'PHP',
      repo: 'laravel/framework',
      docs: 'https://laravel.com/docs/12.x',
      package: { registry: 'packagist', name: 'laravel/framework' },
    });

    const express = catalog.resolve('Express 5');
    expect(express?.repo).toBe('expressjs/express');
    expect(express).not.toHaveProperty('package');
    // aliases given by the user replace the bundled ones
    expect(catalog.resolve('Express.js')).toBeUndefined();
    expect(catalog.resolve('express')?.slug).toBe('express');

    // named by an alias: same framework, same identity
    const rails = catalog.resolve('Ruby on Rails');
    expect(rails).toMatchObject({ name: 'Ruby on Rails', slug: 'ruby-on-rails', repo: 'rails/rails' });
    expect(rails?.docs).toBe('https://api.rubyonrails.org');

    // a user's alias beats a bundled one; the bundled framework keeps its own name
    expect(catalog.resolve('Zeta Web')?.repo).toBe('example/zeta');
    expect(catalog.resolve('Actix')?.slug).toBe('zeta');
    expect(catalog.resolve('Actix Web')?.repo).toBe('actix/actix-web');
  });

  it('keeps the bundled order and appends new frameworks', () => {
    const file = userFile({
      frameworks: [{ name: 'Zeta', language: 'Zig', repo: 'zeta/zeta', docs: 'https://zeta.example' }],
    });
    const all = loadCatalog(file).all();
    expect(all[0]?.slug).toBe('laravel');
    expect(all.at(-1)).toEqual({
      name: 'Zeta',
      slug: 'zeta',
      aliases: [],
      language: 'Zig',
      repo: 'zeta/zeta',
      docs: 'https://zeta.example',
    });
  });
});

describe('invalid user file', () => {
  const problem = (content: unknown) => {
    const file = userFile(content);
    try {
      loadCatalog(file);
    } catch (err) {
      const message = (err as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toContain(file);
      return message.slice(message.indexOf(file) + file.length);
    }
    throw new Error('expected loadCatalog to throw');
  };

  it('reports a missing file', () => {
    const file = join(dir, 'missing.json');
    expect(() => loadCatalog(file)).toThrow(`catalog ${file}: file not found`);
  });

  it('reports bad JSON', () => {
    expect(problem('{ "frameworks": [ }')).toMatch(/^: not valid JSON \(/);
  });

  it('names the bad field', () => {
    expect(problem({ frameworks: [{ name: 'Laravel' }, { name: 'X', repo: 'no-slash' }] })).toBe(
      ': frameworks[1].repo: must be "owner/name"',
    );
    expect(problem({ frameworks: [{ name: 'Laravel', docs: 'ftp://x.org' }] })).toBe(
      ': frameworks[0].docs: must be an http(s) URL',
    );
    expect(problem({ frameworks: [{ name: 'Laravel', package: { registry: 'cpan', name: 'x' } }] })).toMatch(
      /^: frameworks\[0\]\.package\.registry: must be one of packagist, pypi, /,
    );
    expect(problem({ frameworks: [{ name: '' }] })).toBe(': frameworks[0].name: must be a non-empty string');
    expect(problem({ frameworks: [{ name: 'Laravel', doc: 'https://x.org' }] })).toMatch(
      /^: frameworks\[0\]: Unrecognized key/,
    );
    expect(problem({ framework: [] })).toMatch(/^: (frameworks|file)/);
    expect(problem([])).toMatch(/^: file: /);
  });

  it('requires repo, docs and language for a framework the bundled catalog lacks', () => {
    expect(problem({ frameworks: [{ name: 'Zeta', language: 'Zig' }] })).toBe(
      ': frameworks[0] ("Zeta"): a framework not in the bundled catalog needs repo, docs',
    );
  });

  it('rejects two entries for one framework', () => {
    expect(problem({ frameworks: [{ name: 'Express' }, { name: 'Express.js' }] })).toBe(
      ': frameworks[1].name: "Express.js" is the same framework ("express") as frameworks[0]',
    );
    expect(problem({ frameworks: [{ name: '!!!' }] })).toBe(': frameworks[0].name: "!!!" has no letters or digits');
  });
});
