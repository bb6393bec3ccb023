/**
 * A small history with hand-computable trends, written straight through drizzle: ten runs between
 * 2025-10-15 and 2026-02-02 (four of them failed, abandoned or still running, whose snapshots must stay
 * invisible), three visible frameworks, one framework seen only in invisible runs, releases, and two
 * versions of an article. The expected values live in the tests, next to their arithmetic.
 */
import type { Db } from '../../src/store/database.js';
import { articleEntries, articleVersions, frameworks, releases, repositories, runs, snapshots } from '../../src/store/schema.js';

type Status = 'succeeded' | 'partial' | 'failed' | 'abandoned' | 'running';

export const RUNS: [string, Status][] = [
  ['2025-10-15T06:00:00Z', 'succeeded'],
  ['2025-12-01T06:00:00Z', 'succeeded'],
  ['2026-01-01T06:00:00Z', 'succeeded'],
  ['2026-01-24T06:00:00Z', 'partial'],
  ['2026-01-27T06:00:00Z', 'failed'],
  // 23 h 59 min 55 s before the newest: still "1 day older" thanks to the hour of grace.
  ['2026-01-30T06:00:05Z', 'succeeded'],
  ['2026-01-30T06:30:00Z', 'abandoned'],
  ['2026-01-31T06:00:00Z', 'succeeded'],
  ['2026-02-01T06:00:00Z', 'failed'],
  ['2026-02-02T06:00:00Z', 'running'],
];
export const NEWEST = '2026-01-31T06:00:00.000Z';

/** Stars per run (index into RUNS); undefined: no snapshot in that run. */
const STARS: Record<string, (number | undefined)[]> = {
  alpha: [900, 1000, 1100, 1200, 1, 1300, 2, 1310, 5000, 6000],
  beta: [2100, 2000, 2000, 1900, 10, 1786, 5, 1715, 100, 50],
  gamma: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, 500],
  omega: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 10, 20],
};

const FRAMEWORKS = [
  { slug: 'alpha', name: 'Alpha', language: 'JavaScript', docsUrl: 'https://alpha.example/docs' },
  { slug: 'beta', name: 'Beta', language: 'Python', docsUrl: 'https://beta.example/docs' },
  { slug: 'gamma', name: 'Gamma', language: 'Go', docsUrl: 'https://gamma.example/docs' },
  { slug: 'omega', name: 'Omega', language: 'Rust', docsUrl: null },
];

/** Which repository a snapshot names: alpha moved once (run 2), beta once (run 8). */
function repoOf(slug: string, run: number): string {
  if (slug === 'alpha') return run === 0 ? 'acme/alpha-old' : 'acme/alpha';
  if (slug === 'beta') return run >= 7 ? 'c/beta' : 'b/beta';
  return `${slug}/${slug}`;
}

const entry = (position: number, name: string, pros: string[]) => ({
  position,
  framework: name,
  slug: name.toLowerCase(),
  language: 'Go',
  description: `${name} is a framework.`,
  pros,
  notableUsers: [],
  links: [],
});

export async function seedTrends(db: Db): Promise<void> {
  const runIds: number[] = [];
  for (const [at, status] of RUNS) {
    const [row] = await db
      .insert(runs)
      .values({ trigger: 'test', command: 'refresh', status, runAt: new Date(at), pid: 1, host: 'test', error: status === 'failed' ? 'GitHub: 502 Bad Gateway' : null })
      .returning({ id: runs.id });
    runIds.push(row!.id);
  }
  const names = [...new Set(FRAMEWORKS.flatMap((f) => RUNS.map((_, i) => repoOf(f.slug, i))))];
  const repoRows = await db.insert(repositories).values(names.map((fullName) => ({ fullName }))).returning();
  const repoId = new Map(repoRows.map((r) => [r.fullName, r.id]));
  const fwRows = await db.insert(frameworks).values(FRAMEWORKS).returning();
  const fwId = new Map(fwRows.map((f) => [f.slug, f.id]));

  const rel = await db
    .insert(releases)
    .values([
      { frameworkId: fwId.get('alpha')!, tag: 'v1.9.0', source: 'releases', isPrerelease: false, publishedAt: new Date('2025-11-20T10:00:00Z') },
      { frameworkId: fwId.get('alpha')!, tag: 'v2.0.0-rc.1', source: 'releases', isPrerelease: true, publishedAt: new Date('2026-01-05T10:00:00Z') },
      { frameworkId: fwId.get('alpha')!, tag: 'v2.0.0', source: 'releases', isPrerelease: false, publishedAt: new Date('2026-01-10T12:00:00Z') },
      { frameworkId: fwId.get('beta')!, tag: '3.1.0', source: 'tags', isPrerelease: false, publishedAt: new Date('2025-06-01T00:00:00Z') },
    ])
    .returning();
  const relId = (tag: string) => rel.find((r) => r.tag === tag)!.id;

  const rows: (typeof snapshots.$inferInsert)[] = [];
  for (const [slug, stars] of Object.entries(STARS)) {
    stars.forEach((count, i) => {
      if (count === undefined) return;
      const alpha = slug === 'alpha';
      rows.push({
        runId: runIds[i]!,
        frameworkId: fwId.get(slug)!,
        capturedAt: new Date(RUNS[i]![0]),
        repoId: repoId.get(repoOf(slug, i))!,
        stars: count,
        forks: Math.round(count / 10),
        openIssues: 7,
        watchers: 50,
        latestReleaseId: alpha ? relId(i >= 3 ? 'v2.0.0' : 'v1.9.0') : slug === 'beta' ? relId('3.1.0') : null,
        latestVersionId: alpha ? relId(i >= 3 ? 'v2.0.0' : 'v1.9.0') : slug === 'beta' ? relId('3.1.0') : null,
        releasesLast365d: alpha ? 6 : slug === 'beta' ? 1 : 0,
        medianReleaseIntervalDays: alpha ? 30.5 : null,
        cadenceSource: alpha ? 'releases' : slug === 'beta' ? 'tags' : null,
        docsStatus: slug === 'alpha' ? 200 : slug === 'beta' ? 404 : null,
        docsError: slug === 'gamma' ? 'timeout' : null,
      });
    });
  }
  await db.insert(snapshots).values(rows);

  const url = 'https://example.test/top-frameworks';
  const [v1, v2] = await db
    .insert(articleVersions)
    .values([
      { sourceUrl: url, contentHash: 'h1', title: 'Top 3 Frameworks', firstSeenAt: new Date('2025-10-15T06:00:00Z'), lastSeenAt: new Date('2026-01-01T06:00:00Z'), entryCount: 3, runId: runIds[0] },
      { sourceUrl: url, contentHash: 'h2', title: 'Top 3 Frameworks', firstSeenAt: new Date('2026-01-24T06:00:00Z'), lastSeenAt: new Date(NEWEST), entryCount: 3, runId: runIds[3] },
    ])
    .returning();
  await db.insert(articleEntries).values([
    { articleVersionId: v1!.id, ...entry(1, 'Alpha', ['Fast']) },
    { articleVersionId: v1!.id, ...entry(2, 'Beta', ['Simple']) },
    { articleVersionId: v1!.id, ...entry(3, 'Gamma', ['Small']) },
    { articleVersionId: v2!.id, ...entry(1, 'Alpha', ['Fast', 'Typed']) },
    { articleVersionId: v2!.id, ...entry(2, 'Beta', ['Simple']) },
    { articleVersionId: v2!.id, ...entry(3, 'Delta', ['New']) },
  ]);
}
