/**
 * What a refresh of thousands of frameworks needs besides the fake GitHub: plausible, distinct framework
 * names, an article listing them under numbered headings, a user catalog mapping each to a synthetic
 * repository and a docs page, and docs sites that answer after a delay on several loopback addresses
 * (one host each, so the checker's per-host cap applies as it would across real docs hosts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CatalogPackage, Registry } from '../src/catalog/catalog.js';
import BUNDLED from '../src/catalog/catalog.json' with { type: 'json' };
import { slugify } from '../src/catalog/slug.js';

const HEADS = ['Ar', 'Bel', 'Cal', 'Dor', 'Eld', 'Fen', 'Gal', 'Hal', 'Ith', 'Jor', 'Kel', 'Lum', 'Mor', 'Nym', 'Orv', 'Pyr', 'Quen', 'Ros', 'Syl', 'Tam', 'Ulm', 'Vor', 'Wyn', 'Xan', 'Zel'];
const MIDDLES = ['a', 'en', 'ix', 'o', 'us', 'ar', 'is', 'on', 'ia', 'yx', 'el', 'ath', 'und', 'or', 'ic', 'ax', 'ene', 'ir', 'um', 'ova'];
const TAILS = ['', 'JS', ' Kit', ' Boot', 'PHP', 'py', ' Web', 'Stack', ' Core', ' Rails', 'Flow', ' API', 'Go', 'RS', 'Ex', ' Hub', ' Lite', ' MVC', 'Net', ' Forge', ' Server', 'ly'];
const LANGUAGES = ['JavaScript', 'TypeScript', 'Python', 'PHP', 'Ruby', 'Java', 'Go', 'Rust', 'Elixir', 'Kotlin', 'C#', 'Scala'];
const TOPICS = ['REST APIs', 'real-time apps', 'microservices', 'server-rendered sites', 'GraphQL servers', 'event-driven services'];

interface Framework {
  name: string;
  language: string;
}

/** `n` distinct names (distinct slugs too), e.g. "Belix Boot", "Quenova", "Tamar.Net". */
export function frameworkNames(n: number): Framework[] {
  const seen = new Set<string>();
  const out: Framework[] = [];
  for (const tail of TAILS) {
    for (const middle of MIDDLES) {
      for (const head of HEADS) {
        const name = `${head}${middle}${tail}`;
        const slug = slugify(name);
        if (seen.has(slug)) continue;
        seen.add(slug);
        out.push({ name, language: LANGUAGES[out.length % LANGUAGES.length] ?? 'Go' });
        if (out.length === n) return out;
      }
    }
  }
  throw new Error(`only ${out.length} distinct names, ${n} asked`);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An article with one `<h2>` per framework (its name): a description and a short list of pros each. */
export function articleHtml(frameworks: Framework[]): string {
  const entries = frameworks.map(({ name, language }, i) => {
    const topic = TOPICS[i % TOPICS.length] ?? 'web apps';
    return [
      // Unnumbered: the parser strips "1. " to "999. " from a heading, not four-digit numbers.
      `<h2 id="f${i}">${escape(name)}</h2>`,
      `<p>${escape(name)} is a ${language} backend framework for ${topic}, with routing, middleware and an ORM.</p>`,
      '<p><strong>Pros:</strong></p>',
      `<ul><li>Fast start-up</li><li>Good documentation</li><li>Built for ${topic}</li></ul>`,
    ].join('\n');
  });
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<title>Top ${frameworks.length} Backend Frameworks</title></head><body><main><article>`,
    `<h1>Top ${frameworks.length} Backend Frameworks</h1>`,
    '<p>Every backend framework worth a look this year, by language, with what each is good at.</p>',
    ...entries,
    '</article></main></body></html>',
  ].join('\n');
}

/**
 * The user catalog: framework i → synth/repo-i on the fake GitHub, its docs on docs host i mod hosts, and
 * `packageOf(i)` when given.
 */
export function catalogJson(frameworks: Framework[], docsHosts: string[], packageOf: (i: number) => CatalogPackage | undefined = () => undefined): string {
  return JSON.stringify({
    frameworks: frameworks.map(({ name, language }, i) => {
      const pkg = packageOf(i);
      return { name, language, repo: `synth/repo-${i}`, docs: `${docsHosts[i % docsHosts.length]}/docs/${i}`, ...(pkg ? { package: pkg } : {}) };
    }),
  });
}

/** A synthetic package name in each registry's own form. */
const PACKAGE_NAMES: Record<Registry, (i: number) => string> = {
  npm: (i) => `synth-${i}`,
  pypi: (i) => `synth-${i}`,
  rubygems: (i) => `synth-${i}`,
  packagist: (i) => `synth/pkg-${i}`,
  hex: (i) => `synth_${i}`,
  maven: (i) => `org.synth:pkg-${i}`,
  crates: (i) => `synth-${i}`,
  nuget: (i) => `Synth.Pkg${i}`,
  go: (i) => `example.com/synth/pkg-${i}`,
};

/**
 * Framework i's package in the bundled catalog's proportions: the registry of bundled entry i mod its
 * length (none where that entry has none), under a synthetic name.
 */
export function packageInProportion(i: number): CatalogPackage | undefined {
  const { frameworks } = BUNDLED as { frameworks: { package?: { registry: Registry } }[] };
  const registry = frameworks[i % frameworks.length]?.package?.registry;
  return registry ? { registry, name: PACKAGE_NAMES[registry](i) } : undefined;
}

interface DocsSites {
  /** One base URL per host: http://127.0.1.k:port. */
  urls: string[];
  /** Requests served, by method. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

/** `hosts` docs sites on 127.0.1.1…: 200 after `latencyMs` for /docs/*, 404 elsewhere. */
export async function startDocsSites(hosts: number, latencyMs: number): Promise<DocsSites> {
  const requests = new Map<string, number>();
  const servers: http.Server[] = [];
  const urls: string[] = [];
  for (let k = 1; k <= hosts; k++) {
    const server = http.createServer((req, res) => {
      const method = req.method ?? 'GET';
      requests.set(method, (requests.get(method) ?? 0) + 1);
      setTimeout(() => res.writeHead(req.url?.startsWith('/docs/') ? 200 : 404, { 'content-type': 'text/html' }).end(), latencyMs);
    });
    const address = `127.0.1.${k}`;
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    servers.push(server);
    urls.push(`http://${address}:${(server.address() as AddressInfo).port}`);
  }
  const closeOne = (server: http.Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { urls, requests, close: async () => void (await Promise.all(servers.map(closeOne))) };
}
