/** The review rules, one by one, against SPEC's "Review" table: stored facts in, findings out. */
import { describe, expect, it } from 'vitest';
import { review, type DocsCheck, type FrameworkFacts, type Market, type ReviewArticle, type ReviewEntry } from '../src/review/review.js';
import { renderMemo } from '../src/review/memo.js';

const NOW = new Date('2026-12-07T06:00:00Z');
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * 86_400_000 - hours * 3_600_000);

function facts(slug: string, over: Partial<FrameworkFacts> = {}): FrameworkFacts {
  return {
    slug, capturedAt: NOW, catalogRepo: `${slug}/${slug}`, repo: `${slug}/${slug}`, repoSeenAs: `${slug}/${slug}`, repoState: 'active',
    repoDatabaseId: 1, earlierDatabaseId: null, archived: false, lastCommitAt: ago(2), pushedAt: ago(1), latestReleaseAt: ago(30),
    latestRelease: 'v2.1.0', latestVersion: 'v2.1.0', packageVersion: null, stars: 1000, downloadsLastMonth: null,
    packageRegistry: null, packageName: null, packageDeprecated: null, packageReplacement: null, docsUrl: `https://${slug}.dev/docs`, docsChecks: [], ...over,
  };
}

const entry = (slug: string, position: number, text = '', links: ReviewEntry['links'] = []): ReviewEntry => ({ position, framework: slug, slug, language: 'Go', names: [slug], text, links });

/** No catalog framework, no topic search: no contender. */
const NONE: Market = { catalog: [], searches: [], starsChange90d: new Map() };

function run(over: Partial<FrameworkFacts>, text = '', title = 'Top frameworks') {
  const article: ReviewArticle = { sourceUrl: 'https://example.com/top', title, entries: [entry('web', 1, text)] };
  return review([article], new Map([['web', facts('web', over)]]), NOW, NONE).map((f) => f.finding);
}

const check = (daysAgo: number, over: Partial<DocsCheck>, hours = 0): DocsCheck => ({ checkedAt: ago(daysAgo, hours), status: 200, error: null, firstStatus: 200, movedTo: null, ...over });

describe('repository findings', () => {
  it('archived, missing and disabled repositories are high; nothing else is said of them', () => {
    expect(run({ archived: true, lastCommitAt: ago(900), latestReleaseAt: ago(900) })).toEqual(['archived']);
    expect(run({ repoState: 'missing', archived: null, lastCommitAt: null, pushedAt: null, latestReleaseAt: null })).toEqual(['repo-missing']);
    expect(run({ repoState: 'disabled' })).toEqual(['repo-missing']);
  });

  it('repo-moved: a rename or transfer, not a change of case; a reused name by its other id', () => {
    expect(run({ catalogRepo: 'old/web', repoSeenAs: 'new/web' })).toEqual(['repo-moved']);
    expect(run({ catalogRepo: 'Web/WEB', repoSeenAs: 'web/web' })).toEqual([]);
    expect(run({ repoDatabaseId: 7, earlierDatabaseId: 1 })).toEqual(['repo-moved']);
    // A framework found by search has no catalog name to compare with.
    expect(run({ catalogRepo: null, repoSeenAs: 'new/web' })).toEqual([]);
  });

  it('dormant: no commit and no stable release in 365 days; a push stands in for the commit date over REST', () => {
    expect(run({ lastCommitAt: ago(366), latestReleaseAt: ago(400) })).toEqual(['dormant']);
    expect(run({ lastCommitAt: ago(366), latestReleaseAt: ago(200) })).toEqual(['slowing']);
    expect(run({ lastCommitAt: ago(100), latestReleaseAt: ago(400) })).toEqual(['slowing']);
    expect(run({ lastCommitAt: null, pushedAt: ago(400), latestReleaseAt: null })).toEqual(['dormant']);
    expect(run({ lastCommitAt: null, pushedAt: ago(10), latestReleaseAt: null })).toEqual([]);
  });

  it('slowing: no stable release in 180 days', () => {
    expect(run({ latestReleaseAt: ago(181) })).toEqual(['slowing']);
    expect(run({ latestReleaseAt: ago(179) })).toEqual([]);
  });
});

describe('package findings', () => {
  it('deprecated-package when the registry marks it, with the replacement it names; no mark or an unread one is none', () => {
    const pkg = { packageRegistry: 'packagist', packageName: 'web/web' };
    expect(run({ ...pkg, packageDeprecated: true, packageReplacement: 'web/next' })).toEqual(['deprecated-package']);
    expect(run({ ...pkg, packageDeprecated: false })).toEqual([]);
    expect(run({ ...pkg, packageDeprecated: null })).toEqual([]);
    const [found] = review([{ sourceUrl: 'https://example.com/top', title: null, entries: [entry('web', 1)] }], new Map([['web', facts('web', { ...pkg, packageDeprecated: true, packageReplacement: 'web/next' })]]), NOW, NONE);
    expect(found).toMatchObject({ severity: 'high', detail: 'packagist marks web/web deprecated, naming web/next instead: point the entry to it, or replace the entry' });
  });
});

describe('docs findings, from the stored check history', () => {
  it('docs-broken needs the last two checks at least 24 h apart, every check between broken too', () => {
    expect(run({ docsChecks: [check(0, { status: 404 }), check(1, { status: 410 })] })).toEqual(['docs-broken']);
    expect(run({ docsChecks: [check(0, { status: null, error: 'dns' }), check(7, { status: null, error: 'tls' })] })).toEqual(['docs-broken']);
    // One 404, or two within a day, is no finding.
    expect(run({ docsChecks: [check(0, { status: 404 })] })).toEqual([]);
    expect(run({ docsChecks: [check(0, { status: 404 }), check(0, { status: 404 }, 23)] })).toEqual([]);
    expect(run({ docsChecks: [check(0, { status: 404 }), check(0, { status: 404 }, 23), check(2, { status: 404 })] })).toEqual(['docs-broken']);
    expect(run({ docsChecks: [check(0, { status: 404 }), check(1, { status: 200 }), check(2, { status: 404 })] })).toEqual([]);
  });

  it('docs-moved: a 301 or 308 first, 2xx at the end, on the last two checks; a 302 is no finding', () => {
    const moved = (first: number) => check(0, { firstStatus: first, movedTo: 'https://web.dev/v2/docs' });
    expect(run({ docsChecks: [moved(301), { ...moved(308), checkedAt: ago(7) }] })).toEqual(['docs-moved']);
    expect(run({ docsChecks: [moved(302), { ...moved(302), checkedAt: ago(7) }] })).toEqual([]);
    expect(run({ docsChecks: [{ ...moved(301), status: 404 }, { ...moved(301), checkedAt: ago(7), status: 404 }] })).toEqual(['docs-broken']);
  });

  it('401, 403, 429, 5xx and timeouts are unverified, never broken', () => {
    for (const status of [401, 403, 429, 500, 503]) {
      expect(run({ docsChecks: [check(0, { status }), check(7, { status })] })).toEqual(['docs-unverified']);
    }
    expect(run({ docsChecks: [check(0, { status: null, error: 'timeout' }), check(7, { status: null, error: 'timeout' })] })).toEqual(['docs-unverified']);
  });
});

describe('article link findings, from each link\'s stored check history', () => {
  const linked = (links: ReviewEntry['links']) => {
    const article: ReviewArticle = { sourceUrl: 'https://example.com/top', title: null, entries: [entry('web', 1, '', links)] };
    return review([article], new Map([['web', facts('web')]]), NOW, NONE);
  };
  it('link-broken and link-moved by the docs rules, one finding per entry naming each link; single or temporary answers are none', () => {
    const found = linked([
      { url: 'https://a.dev/gone', checks: [check(0, { status: 404 }), check(1, { status: 404 })] },
      { url: 'https://b.dev/dead', checks: [check(0, { status: null, error: 'dns' }), check(2, { status: 410 })] },
      { url: 'https://c.dev/old', checks: [check(0, { firstStatus: 308, movedTo: 'https://c.dev/new' }), check(1, { firstStatus: 308, movedTo: 'https://c.dev/new' })] },
      { url: 'https://d.dev/once', checks: [check(0, { status: 404 })] },
      { url: 'https://e.dev/temp', checks: [check(0, { firstStatus: 302, movedTo: 'https://e.dev/x' }), check(1, { firstStatus: 302, movedTo: 'https://e.dev/x' })] },
      { url: 'https://f.dev/busy', checks: [check(0, { status: 429 }), check(1, { status: 429 })] },
    ]);
    expect(found.map((f) => [f.finding, f.severity])).toEqual([['link-broken', 'high'], ['link-moved', 'medium'], ['link-unverified', 'info']]);
    expect(found[0]?.detail).toBe('https://a.dev/gone answered 404 on 2026-12-06 and 404 on 2026-12-07; https://b.dev/dead answered 410 on 2026-12-05 and dns on 2026-12-07: fix or replace these links');
    expect(found[1]?.detail).toBe('https://c.dev/old moved permanently to https://c.dev/new: update the link');
    expect(found[2]?.detail).toMatch(/^https:\/\/f\.dev\/busy \(429 on 2026-12-07\) could not be verified/);
    // Two 404s within a day are one verdict, not two.
    expect(linked([{ url: 'https://a.dev/gone', checks: [check(0, { status: 404 }), check(0, { status: 404 }, 12)] }])).toEqual([]);
  });
});

describe('article findings', () => {
  it('stale-version: a named major below the current stable major; years and the current major are none', () => {
    expect(run({ latestVersion: 'v12.3.0' }, 'Since web 8, routing is faster.')).toEqual(['stale-version']);
    expect(run({ latestVersion: '5.2.6' }, 'web 3.2 added async views.')).toEqual(['stale-version']);
    expect(run({ latestVersion: '5.2.6' }, 'web 5.1 added async views. web 2021 was a good year.')).toEqual([]);
    expect(run({ latestVersion: null, packageVersion: '3.0.0' }, 'web 2.x is stable.')).toEqual(['stale-version']);
    expect(run({ latestVersion: 'v3.0.0' }, 'webpack 1 is unrelated.')).toEqual([]);
  });

  it('stale-title: a year before the current one', () => {
    expect(run({}, '', 'Top 8 frameworks in 2021')).toEqual(['stale-title']);
    expect(run({}, '', 'Top 8 frameworks in 2026')).toEqual([]);
  });

  it('outranked: first half of the ranking, last quarter by stars and by downloads', () => {
    const slugs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const article: ReviewArticle = { sourceUrl: 'https://example.com/top', title: null, entries: slugs.map((s, i) => entry(s, i + 1)) };
    const stars = [9000, 100, 8000, 7000, 6000, 5000, 4000, 200];
    const downloads = [90, 1, 80, 70, 60, 50, 40, 30];
    const at = (withDownloads: boolean) => new Map(slugs.map((s, i) => [s, facts(s, { stars: stars[i], downloadsLastMonth: withDownloads ? (downloads[i] ?? null) : null })]));
    const outranked = (m: Map<string, FrameworkFacts>) => review([article], m, NOW, NONE).filter((f) => f.finding === 'outranked').map((f) => f.slug);
    expect(outranked(at(true))).toEqual(['b']);
    expect(outranked(at(false))).toEqual(['b']);
    const popularB = at(true);
    popularB.set('b', facts('b', { stars: 100, downloadsLastMonth: 1000 }));
    expect(outranked(popularB)).toEqual([]);
  });
});

describe('order and memo', () => {
  it('puts the most severe first and writes one checklist line per finding', () => {
    const article: ReviewArticle = { sourceUrl: 'https://example.com/top', title: 'Best of 2020', entries: [entry('web', 1)] };
    const found = review([article], new Map([['web', facts('web', { archived: true, catalogRepo: 'old/web', repoSeenAs: 'new/web' })]]), NOW, NONE);
    expect(found.map((f) => `${f.severity} ${f.finding}`)).toEqual(['high archived', 'medium repo-moved', 'info stale-title']);
    const memo = renderMemo(found.map((f) => ({ ...f, source_url: f.sourceUrl, first_seen_at: NOW })), NOW);
    expect(memo.split('\n').filter((l) => l.startsWith('- [ ] '))).toEqual([
      '- [ ] **high** · #1 web · `archived`: web/web is archived on GitHub: say so in the entry, or replace it (since 2026-12-07)',
      '- [ ] **medium** · #1 web · `repo-moved`: old/web → new/web: update the repository link (and the catalog) (since 2026-12-07)',
      '- [ ] **info** · the article · `stale-title`: the title says 2020 ("Best of 2020"); it is 2026: update the year with the content, or drop it (since 2026-12-07)',
    ]);
  });
});

describe('contender', () => {
  const market = (over: Partial<Market> = {}): Market => ({
    catalog: [
      { name: 'Fiber', slug: 'fiber', language: 'Go', repo: 'gofiber/fiber' },
      { name: 'Gin', slug: 'gin', language: 'Go', repo: 'gin-gonic/gin' },
      { name: 'Sinatra', slug: 'sinatra', language: 'Ruby', repo: 'sinatra/sinatra' },
    ],
    searches: [],
    starsChange90d: new Map(),
    ...over,
  });
  const article: ReviewArticle = {
    sourceUrl: 'https://example.com/top', title: null,
    // Gin under its alias (the entry has the catalog's slug; its facts the catalog's repository, not the search's spelling).
    entries: [{ ...entry('gin', 1), framework: 'Gin Gonic', names: ['Gin Gonic', 'Gin'] }, entry('echo', 2)],
  };
  const known = new Map([
    ['gin', facts('gin', { stars: 9_000 })],
    ['echo', facts('echo', { stars: 3_400 })],
    ['fiber', facts('fiber', { stars: 25_100, capturedAt: ago(3) })],
    ['sinatra', facts('sinatra', { stars: 12_000 })],
  ]);
  const contenders = (m: Market, f = known) => review([article], f, NOW, m).filter((x) => x.finding === 'contender');

  it('a catalog framework of the article\'s language with more stars than its least-starred entry; not one of another language', () => {
    const [fiber, ...rest] = contenders(market({ starsChange90d: new Map([['fiber', 1_200]]) }));
    expect(rest).toEqual([]);
    expect(fiber).toMatchObject({ position: null, framework: 'Fiber', slug: 'fiber', severity: 'medium' });
    expect(fiber?.detail).toBe("Consider Fiber (Go, 25.1k stars, +1.2k in 90 days): more stars than the list's least-starred entry echo (3.4k)");
  });

  it('search repositories: deduped with the catalog by repository (the newer stars win), listed names and repositories left out, fewer stars left out', () => {
    const searches = [{
      language: 'Go', searchedAt: NOW,
      repos: [
        { repo: 'GoFiber/Fiber', name: 'Fiber', stars: 26_000 },
        { repo: 'gin-gonic/gin', name: 'gin', stars: 80_000 },
        { repo: 'echo/echo', name: 'echo', stars: 30_000 },
        { repo: 'someone/chi', name: 'chi', stars: 19_000 },
        { repo: 'someone/tiny', name: 'tiny', stars: 3_000 },
      ],
    }];
    const found = contenders(market({ searches }));
    expect(found.map((f) => `${f.slug} ${f.framework} ${f.evidence.stars} ${f.evidence.from}`)).toEqual([
      'fiber Fiber 26000 catalog+search',
      'someone-chi someone/chi 19000 search',
    ]);
    expect(found[1]?.detail).toBe("Consider someone/chi (Go, 19k stars): more stars than the list's least-starred entry echo (3.4k)");
  });

  it('no least-starred entry (no figures yet): no contender', () => {
    expect(contenders(market(), new Map([['fiber', facts('fiber', { stars: 25_100 })]]))).toEqual([]);
  });
});
