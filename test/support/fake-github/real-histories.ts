/**
 * The real release histories of ../shared/data/project-corpus/releases/ (git tags exactly as the public
 * repositories hold them; format in its README) as fake repositories: tags only, or one GitHub Release
 * per tag. Empty without the shared data: the tests that use them skip then.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realDataPath } from '../real-data.js';
import { sha1, type FakeRelease, type FakeRepo, type FakeTag } from './fixtures.js';

const DIR = realDataPath('project-corpus', 'releases');

/** One line of a fixture: the tag as `git for-each-ref` printed it. */
export interface RealTag {
  name: string;
  annotated: boolean;
  /** As printed (ISO 8601 with the tagger's offset); null for a lightweight tag. */
  taggerDate: string | null;
  commitDate: string;
}

export interface RealHistory {
  /** `owner/name`. */
  repo: string;
  tags: RealTag[];
}

export function readRealHistories(): RealHistory[] {
  if (!existsSync(DIR)) return [];
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.tsv'))
    .map((file) => ({
      repo: file.replace(/\.tsv$/, '').replace('+', '/'),
      tags: readFileSync(join(DIR, file), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [name = '', type, taggerDate, commitDate = ''] = line.split('\t');
          return { name, annotated: type === 'tag', taggerDate: taggerDate || null, commitDate };
        }),
    }));
}

const utc = (date: string) => new Date(date).toISOString();

function fakeTag(repo: string, tag: RealTag): FakeTag {
  return {
    name: tag.name,
    sha: sha1(`commit ${repo} ${tag.name}`),
    commitDate: utc(tag.commitDate),
    ...(tag.annotated && tag.taggerDate ? { annotated: { taggerDate: utc(tag.taggerDate) } } : {}),
  };
}

/**
 * A Release per tag, as a project that publishes every tag would have: published when tagged, created
 * at the commit's date (GitHub's `created_at` is the commit's), nothing ticked as prerelease, so the
 * tag's own spelling decides.
 */
function fakeRelease(tag: RealTag): FakeRelease {
  return {
    tag: tag.name,
    name: tag.name,
    isDraft: false,
    isPrerelease: false,
    publishedAt: utc(tag.taggerDate ?? tag.commitDate),
    createdAt: utc(tag.commitDate),
  };
}

/** The history served as a repository without Releases (`tags`) or with one Release per tag (`releases`). */
export function realRepo(history: RealHistory, as: 'tags' | 'releases', pushedAt: string): FakeRepo {
  const [owner = '', name = ''] = history.repo.split('/');
  return {
    owner,
    name,
    stars: 1000 + history.tags.length,
    forks: 100,
    watchers: 50,
    openIssues: 10,
    openPullRequests: 5,
    license: 'MIT',
    archived: false,
    pushedAt,
    homepageUrl: null,
    primaryLanguage: null,
    description: `${history.repo}, real tags`,
    releases: as === 'releases' ? history.tags.map(fakeRelease) : [],
    tags: history.tags.map((tag) => fakeTag(history.repo, tag)),
  };
}
