/** REST response bodies shaped like api.github.com's (the fields a client reads, plus the usual neighbours). */
import { sha1, tagObjectSha, type FakeRelease, type FakeRepo, type FakeTag } from './fixtures.js';

export const fullName = (repo: FakeRepo): string => `${repo.owner}/${repo.name}`;
const nodeId = (kind: string, key: string): string => Buffer.from(`${kind}:${key}`).toString('base64');

function owner(api: string, login: string) {
  return {
    login,
    id: parseInt(sha1(login).slice(0, 7), 16),
    node_id: nodeId('Organization', login),
    avatar_url: `https://avatars.githubusercontent.com/u/1?v=4`,
    url: `${api}/users/${login}`,
    html_url: `https://github.com/${login}`,
    type: 'Organization',
    site_admin: false,
  };
}

function license(spdx: string | null) {
  if (spdx === null) return null;
  return {
    key: spdx.toLowerCase(),
    name: spdx,
    spdx_id: spdx,
    url: `https://api.github.com/licenses/${spdx.toLowerCase()}`,
    node_id: nodeId('License', spdx),
  };
}

/** GET /repos/{owner}/{repo}: `open_issues_count` counts pull requests too, as GitHub's does. */
export function repoBody(api: string, repo: FakeRepo, id: number) {
  const full = fullName(repo);
  const openIssuesCount = repo.openIssues + (repo.openPullRequests ?? 0);
  return {
    id,
    node_id: nodeId('Repository', full),
    name: repo.name,
    full_name: full,
    owner: owner(api, repo.owner),
    private: false,
    html_url: `https://github.com/${full}`,
    description: repo.description,
    fork: false,
    url: `${api}/repos/${full}`,
    releases_url: `${api}/repos/${full}/releases{/id}`,
    tags_url: `${api}/repos/${full}/tags`,
    created_at: '2010-01-01T00:00:00Z',
    updated_at: repo.pushedAt,
    pushed_at: repo.pushedAt,
    homepage: repo.homepageUrl,
    size: 100_000,
    stargazers_count: repo.stars,
    watchers_count: repo.stars,
    language: repo.primaryLanguage,
    topics: repo.topics ?? [],
    forks_count: repo.forks,
    archived: repo.archived,
    disabled: repo.disabled ?? false,
    open_issues_count: openIssuesCount,
    license: license(repo.license),
    forks: repo.forks,
    open_issues: openIssuesCount,
    watchers: repo.stars,
    default_branch: 'main',
    network_count: repo.forks,
    subscribers_count: repo.watchers,
  };
}

export function searchItemBody(api: string, repo: FakeRepo, id: number, score: number) {
  const { subscribers_count: _s, network_count: _n, ...rest } = repoBody(api, repo, id);
  return { ...rest, score };
}

export function releaseBody(api: string, repo: FakeRepo, rel: FakeRelease, id: number) {
  const full = fullName(repo);
  return {
    url: `${api}/repos/${full}/releases/${id}`,
    html_url: `https://github.com/${full}/releases/tag/${rel.tag}`,
    id,
    node_id: nodeId('Release', `${full}@${rel.tag}`),
    tag_name: rel.tag,
    target_commitish: 'main',
    name: rel.name,
    draft: rel.isDraft,
    prerelease: rel.isPrerelease,
    created_at: rel.createdAt,
    published_at: rel.publishedAt,
    author: owner(api, 'release-bot'),
    assets: [],
    body: `Release notes for ${rel.tag}`,
  };
}

export function tagListBody(api: string, repo: FakeRepo, tag: FakeTag) {
  const full = fullName(repo);
  return {
    name: tag.name,
    commit: { sha: tag.sha, url: `${api}/repos/${full}/commits/${tag.sha}` },
    zipball_url: `${api}/repos/${full}/zipball/refs/tags/${tag.name}`,
    tarball_url: `${api}/repos/${full}/tarball/refs/tags/${tag.name}`,
    node_id: nodeId('Ref', `${full}@${tag.name}`),
  };
}

/** GET /git/matching-refs/tags/: annotated tags point at the tag object, lightweight ones at the commit. */
export function gitRefBody(api: string, repo: FakeRepo, tag: FakeTag) {
  const full = fullName(repo);
  const annotated = tag.annotated !== undefined;
  const sha = annotated ? tagObjectSha(repo, tag) : tag.sha;
  return {
    ref: `refs/tags/${tag.name}`,
    node_id: nodeId('Ref', `${full}@${tag.name}`),
    url: `${api}/repos/${full}/git/refs/tags/${tag.name}`,
    object: { type: annotated ? 'tag' : 'commit', sha, url: `${api}/repos/${full}/git/${annotated ? 'tags' : 'commits'}/${sha}` },
  };
}

export function gitTagBody(api: string, repo: FakeRepo, tag: FakeTag & { annotated: { taggerDate: string } }) {
  const full = fullName(repo);
  const sha = tagObjectSha(repo, tag);
  return {
    node_id: nodeId('Tag', sha),
    tag: tag.name,
    sha,
    url: `${api}/repos/${full}/git/tags/${sha}`,
    message: `Tagged ${tag.name}`,
    tagger: { name: 'Release Manager', email: 'releases@example.org', date: tag.annotated.taggerDate },
    object: { type: 'commit', sha: tag.sha, url: `${api}/repos/${full}/git/commits/${tag.sha}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

export function commitBody(api: string, repo: FakeRepo, tag: FakeTag) {
  const full = fullName(repo);
  const person = { name: 'Release Manager', email: 'releases@example.org', date: tag.commitDate };
  return {
    url: `${api}/repos/${full}/commits/${tag.sha}`,
    sha: tag.sha,
    node_id: nodeId('Commit', tag.sha),
    html_url: `https://github.com/${full}/commit/${tag.sha}`,
    comments_url: `${api}/repos/${full}/commits/${tag.sha}/comments`,
    commit: {
      url: `${api}/repos/${full}/git/commits/${tag.sha}`,
      author: person,
      committer: person,
      message: `Bumped version for ${tag.name} release.`,
      comment_count: 0,
      tree: { sha: sha1(`tree ${tag.sha}`), url: `${api}/repos/${full}/git/trees/${sha1(`tree ${tag.sha}`)}` },
    },
    author: null,
    committer: null,
    parents: [],
    stats: { total: 2, additions: 1, deletions: 1 },
    files: [],
  };
}

export function pullSearchItemBody(api: string, repo: FakeRepo, number: number) {
  const full = fullName(repo);
  return {
    url: `${api}/repos/${full}/issues/${number}`,
    repository_url: `${api}/repos/${full}`,
    labels_url: `${api}/repos/${full}/issues/${number}/labels{/name}`,
    comments_url: `${api}/repos/${full}/issues/${number}/comments`,
    events_url: `${api}/repos/${full}/issues/${number}/events`,
    html_url: `https://github.com/${full}/pull/${number}`,
    id: number,
    node_id: nodeId('PullRequest', `${full}#${number}`),
    number,
    title: `Pull request ${number}`,
    user: null,
    labels: [],
    state: 'open',
    locked: false,
    assignee: null,
    milestone: null,
    comments: 0,
    created_at: repo.pushedAt,
    updated_at: repo.pushedAt,
    closed_at: null,
    author_association: 'CONTRIBUTOR',
    pull_request: { url: `${api}/repos/${full}/pulls/${number}`, merged_at: null },
    score: 1,
  };
}
