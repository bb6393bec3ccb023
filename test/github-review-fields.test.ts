/**
 * What review needs from GitHub, collected by the same requests as before: archived and disabled flags,
 * GitHub's repository id (which survives a rename and tells a reused name apart), the name GitHub
 * answers under, and the default branch's last commit (GraphQL only), on both paths.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, createMemoryCache, fetchRepositories, type RepoData, type RepoResult } from '../src/enrich/github.js';
import { daysBefore, eightFrameworks, startFakeGitHub, type FakeGitHub, type FakeRepo } from './support/fake-github/index.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const TOKEN = 'ghp_reviewFieldsToken0123456789';

let fake: FakeGitHub;

const client = (token?: string) =>
  createGitHubClient({
    ...(token ? { token } : {}),
    apiUrl: fake.url,
    graphqlUrl: fake.graphqlUrl,
    logger: pino({ level: 'silent' }),
    cache: createMemoryCache(),
    timing: { retryBaseMs: 1, rateLimitSecondMs: 5, graphqlMinTimeMs: 0, searchMinTimeMs: 0, searchPerMinute: 1000 },
  });

function ok(result: RepoResult | undefined): RepoData {
  if (!result || 'error' in result) throw new Error(`expected data, got ${JSON.stringify(result)}`);
  return result;
}

function fixture(owner: string, name: string, fields: Partial<FakeRepo>): FakeRepo {
  const [base] = eightFrameworks(NOW);
  if (!base) throw new Error('no fixture');
  return { ...base, owner, name, releases: [], tags: [], renamedFrom: undefined, ...fields };
}

beforeAll(async () => {
  const repos = [
    fixture('old', 'archived', { archived: true, lastCommitAt: daysBefore(NOW, 800) }),
    fixture('dmca', 'disabled', { disabled: true }),
    // Renamed: the old name answers as the new one, with the same id.
    fixture('new-owner', 'moved', { renamedFrom: ['old-owner/moved'] }),
    // A name given up by a rename and taken again by another repository: the newcomer answers under it.
    fixture('reborn', 'project', { renamedFrom: ['taken/name'] }),
    fixture('taken', 'name', {}),
    fixture('Pallets', 'Flask', { lastCommitAt: daysBefore(NOW, 3) }),
  ];
  fake = await startFakeGitHub({ repos });
});
afterAll(async () => fake.close());

describe.each([
  ['GraphQL', TOKEN],
  ['REST', undefined],
] as const)('review fields over %s', (path, token) => {
  const names = ['old/archived', 'dmca/disabled', 'old-owner/moved', 'taken/name', 'pallets/flask', 'gone/away'];

  it('reads archived, disabled, the id and the answered name, and says which repository is missing', async () => {
    const { results } = await fetchRepositories(client(token), names, { now: NOW });
    expect(ok(results.get('old/archived'))).toMatchObject({ archived: true, disabled: false, repo: 'old/archived', databaseId: 1000 });
    expect(ok(results.get('dmca/disabled'))).toMatchObject({ disabled: true, databaseId: 1001 });
    expect(ok(results.get('old-owner/moved'))).toMatchObject({ repo: 'new-owner/moved', databaseId: 1002 });
    expect(ok(results.get('taken/name'))).toMatchObject({ repo: 'taken/name', databaseId: 1004 });
    expect(ok(results.get('pallets/flask')).repo).toBe('Pallets/Flask');
    expect(results.get('gone/away')).toEqual({ error: 'not found', missing: true });
  });

  it(`dates the default branch's last commit ${path === 'GraphQL' ? 'from the same query' : 'not at all (it would cost a request)'}`, async () => {
    fake.resetLog();
    const { results } = await fetchRepositories(client(token), ['old/archived', 'pallets/flask'], { now: NOW });
    if (path === 'GraphQL') {
      expect(ok(results.get('old/archived')).lastCommitAt).toBe(daysBefore(NOW, 800));
      expect(ok(results.get('pallets/flask')).lastCommitAt).toBe(daysBefore(NOW, 3));
      // No request more than before: the figures' query carries it (a follow-up only fetches tags).
      expect(fake.requests.every((r) => r.resource === 'graphql' && r.graphql?.valid)).toBe(true);
      expect(fake.requests[0]?.graphql).toMatchObject({ aliases: 2, cost: 1 });
    } else {
      expect(ok(results.get('old/archived')).lastCommitAt).toBeNull();
      expect(fake.requests.filter((r) => r.path.includes('/commits'))).toEqual([]);
    }
  });
});
