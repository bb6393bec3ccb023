/**
 * Starts the local stand-ins (the article's site, a fake GitHub and the fake package registries) for
 * trying the CLI by hand:
 *   node --import tsx test/support/serve-standins.ts
 * prints the environment to use, and serves until Ctrl-C.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startArticleServer, fixture } from './article-server.js';
import { contenderRepos, eightFrameworks, startFakeGitHub } from './fake-github/index.js';
import { startFakeRegistries } from './fake-registries/index.js';

const now = new Date(process.env.STACKRADAR_NOW ?? Date.now());
const articles = await startArticleServer();
for (const name of ['keycdn-original.html', 'numbered-h2.html', 'mixed-h4.html']) articles.pages.set(`/${name}`, { body: fixture(name) });
// With three web frameworks the article lacks, which review's topic searches find as contenders.
const github = await startFakeGitHub({ repos: [...eightFrameworks(now), ...contenderRepos(now)], tokens: ['stand-in-token'] });
const registries = await startFakeRegistries();
// A catalog over the bundled one: docs on the stand-in (the real sites need the network), and no package
// for CakePHP, which the fake registries do not hold — so a run ends `succeeded`, not `partial`.
articles.pages.set('/docs', { body: '<h1>Docs</h1>' });
const dir = mkdtempSync(path.join(tmpdir(), 'stackradar-standins-'));
const catalog = path.join(dir, 'catalog.json');
const names = ['Laravel', 'CakePHP', 'Django', 'Ruby on Rails', 'Flask', 'Phoenix', 'Express', 'Spring Boot'];
writeFileSync(catalog, JSON.stringify({ frameworks: names.map((name) => ({ name, docs: `${articles.url}/docs`, ...(name === 'CakePHP' ? { package: null } : {}) })) }));

process.stdout.write(
  [
    `export STACKRADAR_SOURCE_URL=${articles.url}/keycdn-original.html`,
    `export GITHUB_API_URL=${github.url}`,
    `export STACKRADAR_REGISTRY_URLS=${registries.envValue}`,
    `export STACKRADAR_CATALOG=${catalog}`,
    'export STACKRADAR_ALLOW_PRIVATE_NETWORK=true',
    `# with a token (GraphQL): export GITHUB_TOKEN=stand-in-token`,
    '',
  ].join('\n'),
);
const stop = async () => {
  await Promise.all([articles.close(), github.close(), registries.close()]);
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
