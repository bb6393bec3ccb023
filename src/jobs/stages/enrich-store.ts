/**
 * Stores the enrich stage's records: repositories, licences, frameworks, every dated release or tag,
 * and one snapshot row per framework, in one transaction (a run that dies midway stores none of them).
 */
import { isStableRelease, releaseDate, tagDate } from '../../enrich/cadence.js';
import { readVersion } from '../../enrich/version.js';
import type { RepoData } from '../../enrich/github.js';
import {
  insertSnapshots,
  licenseIds,
  releaseKey,
  repositoryIds,
  upsertFrameworks,
  upsertReleases,
  type ReleaseRow,
  type SnapshotRow,
} from '../../store/snapshots.js';
import type { RunContext } from '../context.js';
import type { Enriched, Resolved } from './enrich-records.js';

/** Every dated, non-draft Release (or tag, for a repository without Releases) as fetched; names without a version are no release. */
function releaseRowsOf(frameworkId: number, repo: RepoData): ReleaseRow[] {
  const rows: ReleaseRow[] = [];
  for (const release of repo.releases) {
    const date = releaseDate(release);
    if (release.isDraft || !date || !readVersion(release.tag)) continue;
    rows.push({ frameworkId, tag: release.tag, name: release.name, source: 'releases', isPrerelease: !isStableRelease(release), publishedAt: new Date(date) });
  }
  for (const tag of repo.tags) {
    const date = tagDate(tag);
    const version = readVersion(tag.name);
    if (!date || !version) continue;
    rows.push({ frameworkId, tag: tag.name, name: null, source: 'tags', isPrerelease: version.prerelease, publishedAt: new Date(date) });
  }
  return rows;
}

interface Ids {
  framework: number;
  repo: number | undefined;
  license: number | undefined;
}

function snapshotRow(runId: number, capturedAt: Date, record: Enriched, ids: Ids, releaseIds: Map<string, number>): SnapshotRow {
  const { data, cadence, docs } = record;
  const keyOf = (tag: string | null) => (tag && cadence.cadenceSource ? releaseKey(ids.framework, cadence.cadenceSource, tag) : null);
  const latestKey = keyOf(cadence.latestRelease);
  const versionKey = keyOf(cadence.latestVersion);
  return {
    runId,
    frameworkId: ids.framework,
    capturedAt,
    repoId: ids.repo,
    stars: data.stars,
    forks: data.forks,
    watchers: data.watchers,
    openIssues: data.openIssues,
    pushedAt: data.pushedAt ? new Date(data.pushedAt) : null,
    latestReleaseId: latestKey ? releaseIds.get(latestKey) : null,
    latestVersionId: versionKey ? releaseIds.get(versionKey) : null,
    medianReleaseIntervalDays: cadence.medianReleaseIntervalDays,
    releasesLast365d: cadence.releasesLast365d,
    licenseId: ids.license,
    docsStatus: docs?.status ?? null,
    // The error comes from the docs checker or from a stored snapshot's docs_error: one of the column's values.
    docsError: docs ? (docs.error as SnapshotRow['docsError']) : 'no-url',
    docsCheckedAt: docs?.checkedAt ?? null,
    archived: data.archived,
    cadenceSource: cadence.cadenceSource,
    lastCommitAt: data.lastCommitAt ? new Date(data.lastCommitAt) : null,
    repoDatabaseId: data.databaseId,
    repoSeenAs: data.repo,
    repoState: data.disabled ? 'disabled' : 'active',
    docsFirstStatus: docs?.firstStatus ?? null,
    docsMovedTo: docs?.movedTo ?? null,
  };
}

/** A repository GitHub says does not exist: no figures, only that fact and the name that was asked for. */
const missingRow = (runId: number, capturedAt: Date, frameworkId: number, repoId: number | undefined): SnapshotRow => ({
  runId, frameworkId, capturedAt, repoId, repoState: 'missing',
});

export async function storeSnapshots(context: RunContext, runId: number, records: Enriched[], missing: Resolved[]): Promise<void> {
  await context.store.db.transaction(async (tx) => {
    const repoIds = await repositoryIds(tx, [...records.map((r) => r.data.repo), ...missing.map((r) => r.repo)]);
    const licenses = await licenseIds(tx, records.flatMap((r) => r.data.license ?? []));
    const frameworkIds = await upsertFrameworks(
      tx,
      records.map((r) => ({
        slug: r.slug,
        name: r.name,
        language: r.language,
        repoId: repoIds.get(r.data.repo),
        repoSource: r.repoSource,
        repoConfidence: r.confidence,
        docsUrl: r.docsUrl,
      })),
    );
    const missingIds = await upsertFrameworks(
      tx,
      missing.map((r) => ({ slug: r.slug, name: r.name, language: r.language, repoSource: r.repoSource, repoConfidence: r.confidence })),
    );
    const withIds = records.flatMap((record) => {
      const framework = frameworkIds.get(record.slug);
      if (framework === undefined) return [];
      const ids: Ids = { framework, repo: repoIds.get(record.data.repo), license: record.data.license ? licenses.get(record.data.license) : undefined };
      return [{ record, ids }];
    });
    const releaseIds = await upsertReleases(tx, withIds.flatMap(({ record, ids }) => releaseRowsOf(ids.framework, record.data)));
    await insertSnapshots(tx, [
      ...withIds.map(({ record, ids }) => snapshotRow(runId, context.now, record, ids, releaseIds)),
      ...missing.flatMap((r) => {
        const framework = missingIds.get(r.slug);
        return framework === undefined ? [] : [missingRow(runId, context.now, framework, repoIds.get(r.repo))];
      }),
    ]);
  });
}
