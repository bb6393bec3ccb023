/** The GitHub client of a run's stages (enrich, and review's topic searches), configured once from the run's context. */
import { createGitHubClient, type GitHubClient } from '../enrich/github.js';
import { userAgent } from '../http/user-agent.js';
import { databaseCache } from '../store/http-validators.js';
import type { RunContext } from './context.js';

/** `maxRateLimitWaitSeconds`: longer rate-limit waits fail instead (default the client's 300 s). */
export function githubClientOf(context: RunContext, maxRateLimitWaitSeconds?: number): GitHubClient {
  return createGitHubClient({
    token: context.config.githubToken,
    apiUrl: context.config.githubApiUrl,
    graphqlUrl: context.config.githubGraphqlUrl,
    logger: context.logger,
    cache: databaseCache(context.store.db),
    userAgent: userAgent(context.config.contact),
    signal: context.signal,
    ...(maxRateLimitWaitSeconds === undefined ? {} : { maxRateLimitWaitSeconds }),
  });
}
