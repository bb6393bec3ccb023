/**
 * Bulk-loads a year of daily refreshes of many frameworks into a migrated database, server-side
 * (INSERT … SELECT generate_series): nothing crosses the wire, so loading 3.65 M rows takes seconds
 * rather than the hours of a real year. Rows go in day by day, as the scheduler would write them, so
 * the indexes grow (and split) the way they would in production.
 */
import type postgres from 'postgres';

export interface LoadShape {
  frameworks: number;
  days: number;
  /** The day of the newest run; earlier runs are one day apart before it. */
  lastDay: Date;
}

const RELEASES_PER_FRAMEWORK = 4;

export async function loadYear(sql: postgres.Sql, shape: LoadShape): Promise<void> {
  const { frameworks: n, days } = shape;
  const last = shape.lastDay.toISOString();
  await sql.begin(async (tx) => {
    // Foreign-key triggers off for the load only: they check each row and would dominate the time
    // without changing what is stored (the generated keys are consistent by construction).
    await tx`set local session_replication_role = replica`;
    await tx.unsafe(`insert into licenses (spdx_id) values ('MIT'), ('Apache-2.0'), ('BSD-3-Clause'), ('GPL-3.0')`);
    await tx.unsafe(`
      insert into runs (trigger, command, status, run_at, started_at, finished_at, pid, host, stats)
      select 'schedule', 'refresh', 'succeeded', t, t, t + interval '40 seconds', 1, 'bench', '{}'
      from generate_series(timestamptz '${last}' - interval '${days - 1} days', timestamptz '${last}', interval '1 day') t`);
    await tx.unsafe(`
      insert into repositories (full_name) select format('owner-%s/project-%s', i, i) from generate_series(1, ${n}) i`);
    await tx.unsafe(`
      insert into frameworks (slug, name, language, repo_id, repo_source, repo_confidence, docs_url)
      select format('framework-%s', i), format('Framework %s', i), (array['PHP','Python','Ruby','JavaScript','Java','Go'])[1 + i % 6],
             i, 'catalog', 1, format('https://docs.example.org/framework-%s', i)
      from generate_series(1, ${n}) i`);
    await tx.unsafe(`
      insert into releases (framework_id, tag, name, source, is_prerelease, published_at)
      select f, format('v1.%s.0', k), null, 'releases', false, timestamptz '${last}' - (k * 30 + f % 30) * interval '1 day'
      from generate_series(1, ${n}) f, generate_series(1, ${RELEASES_PER_FRAMEWORK}) k`);
    // Stars grow by a framework-specific rate; the rest drifts slowly. Release ids follow the insert
    // above: framework f's newest release (k = 1) has id (f - 1) * RELEASES_PER_FRAMEWORK + 1.
    await tx.unsafe(`
      insert into snapshots (run_id, framework_id, captured_at, repo_id, stars, forks, watchers, open_issues, pushed_at,
                             latest_release_id, median_release_interval_days, releases_last_365d, license_id,
                             docs_status, archived, cadence_source, docs_error)
      select r.id, f, r.run_at + interval '5 seconds', f,
             1000 + (f * 37) % 90000 + d * (f % 50), 100 + (f * 13) % 9000 + d / 10, 20 + f % 2000, 5 + (f + d) % 300,
             r.run_at - (f % 72) * interval '1 hour',
             (f - 1) * ${RELEASES_PER_FRAMEWORK} + 1, 30.5, 12, 1 + f % 4,
             200, false, 'releases', null
      from (select id, run_at, row_number() over (order by run_at) as d from runs) r, generate_series(1, ${n}) f
      order by r.run_at, f`);
  });
}
