/**
 * Starts the local stand-ins (the article's site and a fake GitHub) for trying the CLI by hand:
 *   node --import tsx test/support/serve-standins.ts
 * prints the environment to use, and serves until Ctrl-C.
 */
import { startArticleServer, fixture } from './article-server.js';
import { eightFrameworks, startFakeGitHub } from './fake-github/index.js';

const now = new Date(process.env.STACKRADAR_NOW ?? Date.now());
const articles = await startArticleServer();
for (const name of ['keycdn-original.html', 'numbered-h2.html', 'mixed-h4.html']) articles.pages.set(`/${name}`, { body: fixture(name) });
const github = await startFakeGitHub({ repos: eightFrameworks(now), tokens: ['stand-in-token'] });

process.stdout.write(
  [
    `export STACKRADAR_SOURCE_URL=${articles.url}/keycdn-original.html`,
    `export GITHUB_API_URL=${github.url}`,
    `# with a token (GraphQL): export GITHUB_TOKEN=stand-in-token`,
    '',
  ].join('\n'),
);
const stop = async () => {
  await Promise.all([articles.close(), github.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
