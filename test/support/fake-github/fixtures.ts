/**
 * Fixture model of the fake GitHub, and fixture repositories that copy the eight frameworks' release habits
 * (dates relative to a fixed "now" so window arithmetic is deterministic).
 */
import { createHash } from 'node:crypto';

export interface FakeRelease {
  tag: string;
  name: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  publishedAt: string | null;
  createdAt: string;
}

export interface FakeTag {
  name: string;
  /** The commit the tag points at (peeled). */
  sha: string;
  commitDate: string;
  /** Present for annotated tags. */
  annotated?: { taggerDate: string };
}

export interface FakeRepo {
  owner: string;
  name: string;
  stars: number;
  forks: number;
  /** Subscribers (GitHub's "Watch" count), not the legacy REST `watchers` = stars. */
  watchers: number;
  /** Open issues, pull requests excluded (GraphQL `issues(states: OPEN)`). */
  openIssues: number;
  /** Open pull requests; REST `open_issues_count` = openIssues + openPullRequests, as on GitHub. */
  openPullRequests?: number;
  license: string | null;
  archived: boolean;
  pushedAt: string;
  homepageUrl: string | null;
  primaryLanguage: string | null;
  description: string;
  releases: FakeRelease[];
  tags: FakeTag[];
  /** Old `owner/name` spellings that now redirect here. */
  renamedFrom?: string[];
  /** Disabled by GitHub (a DMCA takedown, a TOS violation): it still answers, flagged. */
  disabled?: boolean;
  /** The default branch's last commit; `pushedAt` when unset. */
  lastCommitAt?: string;
  /** GitHub topics (`web-framework`), which search's `topic:` qualifier matches. */
  topics?: string[];
}

export const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/** The SHA of an annotated tag's own object (distinct from the commit it points at). */
export const tagObjectSha = (repo: FakeRepo, tag: FakeTag): string => sha1(`tag ${repo.owner}/${repo.name} ${tag.name}`);

export const daysBefore = (now: Date, days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

function release(now: Date, tag: string, days: number, extra: Partial<FakeRelease> = {}): FakeRelease {
  const at = daysBefore(now, days);
  return { tag, name: tag, isDraft: false, isPrerelease: false, publishedAt: at, createdAt: at, ...extra };
}

function annotatedTag(now: Date, name: string, days: number): FakeTag {
  const taggerDate = daysBefore(now, days);
  // Django tags the release commit a little after committing it.
  return { name, sha: sha1(`commit ${name}`), commitDate: daysBefore(now, days + 0.1), annotated: { taggerDate } };
}

function repo(owner: string, name: string, fields: Partial<FakeRepo>, now: Date): FakeRepo {
  return {
    owner,
    name,
    stars: 1000,
    forks: 100,
    watchers: 50,
    openIssues: 10,
    openPullRequests: 5,
    license: 'MIT',
    archived: false,
    pushedAt: daysBefore(now, 1),
    homepageUrl: null,
    primaryLanguage: null,
    description: `${name} fixture`,
    releases: [],
    tags: [],
    ...fields,
  };
}

/** The eight frameworks of the article, with their real release habits in miniature. */
export function eightFrameworks(now: Date): FakeRepo[] {
  const r = (tag: string, days: number, extra: Partial<FakeRelease> = {}) => release(now, tag, days, extra);

  // Laravel: a weekly main line plus a parallel patch line (≈65 releases a year: needs a second page).
  const laravel: FakeRelease[] = [];
  for (let week = 0; week < 60; week++) laravel.push(r(`v12.${59 - week}.0`, 3 + 7 * week));
  for (let k = 0; k < 14; k++) laravel.push(r(`v11.45.${13 - k}`, 5 + 28 * k));

  // CakePHP: no `v` prefix, three lines released in parallel, RCs/betas flagged as prereleases.
  const cake: FakeRelease[] = [];
  for (let k = 0; k < 8; k++) {
    cake.push(r(`5.2.${7 - k}`, 10 + 45 * k, { name: `CakePHP 5.2.${7 - k}` }));
    cake.push(r(`5.1.${12 - k}`, 12 + 45 * k, { name: `CakePHP 5.1.${12 - k}` }));
    cake.push(r(`4.6.${7 - k}`, 14 + 60 * k, { name: `CakePHP 4.6.${7 - k}` }));
  }
  cake.push(r('5.3.0-beta1', 20, { isPrerelease: true, name: 'CakePHP 5.3.0-beta1' }));
  cake.push(r('5.2.0-RC1', 400, { isPrerelease: true, name: 'CakePHP 5.2.0-RC1' }));

  // Django: no GitHub Releases, annotated tags only, `a1/b1/rc1` prereleases, several lines at once.
  const t = (name: string, days: number) => annotatedTag(now, name, days);
  const django: FakeTag[] = [
    t('6.0a1', 10),
    t('5.2a1', 300),
    t('5.2b1', 270),
    t('5.2rc1', 250),
    t('5.2', 240),
    ...[200, 170, 130, 100, 60, 30].map((d, i) => t(`5.2.${i + 1}`, d)),
    t('5.1', 600),
    ...[560, 500, 450, 400, 330, 280, 210, 160, 95, 32].map((d, i) => t(`5.1.${i + 1}`, d)),
    ...[700, 600, 520, 430].map((d, i) => t(`5.0.${i + 11}`, d)),
    ...[340, 290, 220, 150, 90, 31].map((d, i) => t(`4.2.${i + 18}`, d)),
    t('4.1.13', 800),
    t('4.0.10', 1000),
    t('3.2.25', 500),
  ];

  return [
    repo('laravel', 'framework', {
      stars: 33_500, forks: 11_300, watchers: 950, openIssues: 25, openPullRequests: 40,
      primaryLanguage: 'PHP', homepageUrl: 'https://laravel.com', releases: laravel,
      description: 'The Laravel Framework.',
    }, now),
    repo('cakephp', 'cakephp', {
      stars: 8_700, forks: 3_400, watchers: 540, openIssues: 30, openPullRequests: 12,
      primaryLanguage: 'PHP', homepageUrl: 'https://cakephp.org', releases: cake,
    }, now),
    repo('django', 'django', {
      stars: 84_000, forks: 33_000, watchers: 2_200, openIssues: 0, openPullRequests: 320,
      license: 'BSD-3-Clause', primaryLanguage: 'Python', homepageUrl: 'https://www.djangoproject.com/', tags: django,
    }, now),
    repo('rails', 'rails', {
      stars: 57_000, forks: 21_000, watchers: 2_300, openIssues: 450, openPullRequests: 900,
      primaryLanguage: 'Ruby', homepageUrl: 'https://rubyonrails.org',
      releases: [
        r('v8.1.0.beta1', 20), // prerelease by name only: Rails does not tick the box
        r('v8.0.2', 60), r('v7.2.2.1', 61), r('v7.1.5.1', 62),
        r('v8.0.1', 150), r('v8.0.0', 200), r('v7.2.2', 201),
        r('v8.0.0.rc1', 220), r('v7.2.1', 420),
      ],
    }, now),
    repo('pallets', 'flask', {
      stars: 70_000, forks: 16_500, watchers: 2_100, openIssues: 5, openPullRequests: 8,
      license: 'BSD-3-Clause', primaryLanguage: 'Python', homepageUrl: 'https://flask.palletsprojects.com',
      releases: [
        r('3.2.0', 2, { isDraft: true, publishedAt: null }), // the tag creates a draft first
        r('3.1.1', 20), r('3.1.0', 200), r('3.0.3', 420),
      ],
    }, now),
    repo('phoenixframework', 'phoenix', {
      stars: 22_000, forks: 2_900, watchers: 560, openIssues: 60, openPullRequests: 30,
      primaryLanguage: 'Elixir', homepageUrl: 'https://www.phoenixframework.org',
      releases: [
        r('v1.8.0-rc.1', 30, { isPrerelease: true }), r('v1.8.0-rc.0', 60, { isPrerelease: true }),
        r('v1.7.21', 90), r('v1.7.20', 150), r('v1.7.19', 250), r('v1.7.14', 400),
      ],
    }, now),
    repo('expressjs', 'express', {
      stars: 67_000, forks: 17_000, watchers: 1_700, openIssues: 120, openPullRequests: 60,
      primaryLanguage: 'JavaScript', homepageUrl: 'https://expressjs.com', renamedFrom: ['visionmedia/express'],
      pushedAt: daysBefore(now, 40),
      releases: [
        r('v5.0.0', 380), r('v4.21.1', 390), r('v5.0.0-beta.3', 420, { isPrerelease: true }), r('v4.21.0', 430),
      ],
    }, now),
    repo('spring-projects', 'spring-boot', {
      stars: 77_000, forks: 41_000, watchers: 3_400, openIssues: 500, openPullRequests: 50,
      license: 'Apache-2.0', primaryLanguage: 'Java', homepageUrl: 'https://spring.io/projects/spring-boot',
      releases: [
        r('v3.5.0', 10), r('v3.5.0-RC1', 40), r('v3.5.0-M1', 100), // milestones are prereleases by name
        ...[11, 41, 71, 101, 131, 161, 191].map((d, i) => r(`v3.4.${6 - i}`, d)),
        ...[12, 42, 72, 102, 132, 162].map((d, i) => r(`v3.3.${12 - i}`, d)),
      ],
    }, now),
  ];
}

/** Repositories beyond the eight: a single release, and search competitors. */
export function extraRepos(now: Date): FakeRepo[] {
  return [
    repo('solo', 'one-release', {
      primaryLanguage: 'Go', releases: [release(now, 'v1.0.0', 30)],
    }, now),
    repo('laravel', 'laravel', { stars: 80_000, primaryLanguage: 'PHP', description: 'Laravel application skeleton' }, now),
    repo('someone', 'express-clone', { stars: 12, primaryLanguage: 'JavaScript' }, now),
    repo('pallets-eco', 'flask-admin', { stars: 6_000, primaryLanguage: 'Python' }, now),
  ];
}

/** Repositories with the `web-framework` topic that the eight's topic searches find (review's `contender`), for trying it by hand. */
export function contenderRepos(now: Date): FakeRepo[] {
  const topics = ['web-framework'];
  return [
    repo('fastapi', 'fastapi', { stars: 80_000, primaryLanguage: 'Python', topics, description: 'FastAPI framework, high performance' }, now),
    repo('symfony', 'symfony', { stars: 30_500, primaryLanguage: 'PHP', topics, description: 'The Symfony PHP framework' }, now),
    repo('encode', 'starlette', { stars: 10_000, primaryLanguage: 'Python', topics, description: 'The little ASGI framework that shines' }, now),
  ];
}

/** `count` synthetic repositories; the first `paginated` of them release weekly (need a second page). */
export function syntheticRepos(now: Date, count: number, paginated = 0): FakeRepo[] {
  return Array.from({ length: count }, (_, i) =>
    repo('synth', `repo-${i}`, {
      stars: count - i,
      primaryLanguage: 'TypeScript',
      releases: Array.from({ length: i < paginated ? 60 : 5 }, (_, k) =>
        release(now, `v1.${i}.${k}`, i < paginated ? 2 + 6 * k : 20 + 60 * k),
      ),
    }, now),
  );
}
