import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { UsageError } from '../src/errors.js';

const emptyDir = () => mkdtempSync(path.join(tmpdir(), 'stackradar-config-'));

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const cwd = emptyDir();
    const config = loadConfig({}, {}, cwd);
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: path.join(cwd, '.stackradar'),
      githubApiUrl: 'https://api.github.com',
      githubGraphqlUrl: 'https://api.github.com/graphql',
      sourceUrls: ['https://www.keycdn.com/blog/best-backend-frameworks'],
      cron: '0 6 * * *',
      timeZone: 'UTC',
      allowPrivateNetwork: false,
      now: undefined,
      contact: undefined,
      docsMaxAgeMs: 7 * 86_400_000,
      logLevel: 'info',
    });
  });

  it('reads the docs age as a duration and the contact for the User-Agent', () => {
    const config = loadConfig({}, { STACKRADAR_DOCS_MAX_AGE: '12h', STACKRADAR_CONTACT: 'radar@example.org' }, emptyDir());
    expect(config.docsMaxAgeMs).toBe(12 * 3_600_000);
    expect(config.contact).toBe('radar@example.org');
    expect(loadConfig({}, { STACKRADAR_DOCS_MAX_AGE: '0s' }, emptyDir()).docsMaxAgeMs).toBe(0);
    expect(() => loadConfig({}, { STACKRADAR_DOCS_MAX_AGE: 'soon' }, emptyDir())).toThrow('invalid STACKRADAR_DOCS_MAX_AGE: expected a duration such as 0s, 12h, 7d or 2w');
    expect(() => loadConfig({}, { STACKRADAR_CONTACT: 'a b' }, emptyDir())).toThrow(/invalid STACKRADAR_CONTACT/);
  });

  it('reads the webhooks: several URLs, secret, format and timeout; a bad URL is named without its value', () => {
    expect(loadConfig({}, {}, emptyDir()).webhook).toEqual({ urls: [], secret: undefined, format: 'json', timeoutSecs: 10 });
    const config = loadConfig({}, { STACKRADAR_WEBHOOK_URL: 'http://a.test/h, https://u:p@b.test/h', STACKRADAR_WEBHOOK_SECRET: 's', STACKRADAR_WEBHOOK_FORMAT: 'slack', STACKRADAR_WEBHOOK_TIMEOUT: '3' }, emptyDir());
    expect(config.webhook).toEqual({ urls: ['http://a.test/h', 'https://u:p@b.test/h'], secret: 's', format: 'slack', timeoutSecs: 3 });
    expect(() => loadConfig({}, { STACKRADAR_WEBHOOK_URL: 'ftp://u:hidden@c.test/' }, emptyDir())).toThrow('invalid STACKRADAR_WEBHOOK_URL: expected http(s) URLs, comma-separated');
    expect(() => loadConfig({}, { STACKRADAR_WEBHOOK_FORMAT: 'xml' }, emptyDir())).toThrow(/invalid STACKRADAR_WEBHOOK_FORMAT/);
  });

  it('names the flag, not the variable, when a flag holds the bad value', () => {
    expect(() => loadConfig({ source: ['not-a-url'] }, {}, emptyDir())).toThrow('invalid --source: expected an http(s) URL');
    expect(() => loadConfig({}, { STACKRADAR_SOURCE_URL: 'not-a-url' }, emptyDir())).toThrow('invalid STACKRADAR_SOURCE_URL: expected an http(s) URL');
    expect(() => loadConfig({ databaseUrl: 'mysql://x' }, {}, emptyDir())).toThrow('invalid --database-url: expected a postgres:// URL');
  });

  it('reads .env, lets the environment win over it and flags win over both', () => {
    const cwd = emptyDir();
    writeFileSync(path.join(cwd, '.env'), 'STACKRADAR_CRON=*/5 * * * *\nSTACKRADAR_DATA_DIR=from-dotenv\nLOG_LEVEL=debug\n');
    const config = loadConfig({ dataDir: 'from-flag' }, { STACKRADAR_CRON: '0 1 * * *' }, cwd);
    expect(config.cron).toBe('0 1 * * *');
    expect(config.dataDir).toBe(path.join(cwd, 'from-flag'));
    expect(config.logLevel).toBe('debug');
  });

  it('splits several sources and prefers GITHUB_TOKEN over GH_TOKEN', () => {
    const config = loadConfig(
      {},
      { STACKRADAR_SOURCE_URL: 'http://a.test/x, http://b.test/y', GH_TOKEN: 'gh', GITHUB_TOKEN: 'github', GITHUB_API_URL: 'http://127.0.0.1:9/' },
      emptyDir(),
    );
    expect(config.sourceUrls).toEqual(['http://a.test/x', 'http://b.test/y']);
    expect(config.githubToken).toBe('github');
    expect(config.githubGraphqlUrl).toBe('http://127.0.0.1:9/graphql');
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['STACKRADAR_SOURCE_URL', { STACKRADAR_SOURCE_URL: 'not a url' }],
    ['STACKRADAR_TZ', { STACKRADAR_TZ: 'Mars/Olympus' }],
    ['STACKRADAR_NOW', { STACKRADAR_NOW: 'yesterday' }],
    ['STACKRADAR_ALLOW_PRIVATE_NETWORK', { STACKRADAR_ALLOW_PRIVATE_NETWORK: 'maybe' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
  ])('names the bad variable %s in a one-line usage error', (variable, env) => {
    let error: unknown;
    try {
      loadConfig({}, env, emptyDir());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(new RegExp(`^invalid ${variable}: `));
    expect((error as Error).message).not.toContain('\n');
  });

  it('parses STACKRADAR_NOW as the run clock', () => {
    expect(loadConfig({}, { STACKRADAR_NOW: '2025-03-01T06:00:00Z' }, emptyDir()).now?.toISOString()).toBe(
      '2025-03-01T06:00:00.000Z',
    );
  });
});
