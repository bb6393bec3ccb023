/**
 * `npm run bench [-- section…]`: the performance figures docs/benchmarks.md reports. Sections: parse, parse-accuracy, enrich, cli, store,
 * refresh-scale, registries-scale, review (default: all). Progress on stderr, the results table (markdown) on stdout, everything in
 * bench/results.json. Environment: BENCH_POSTGRES_URL (a database on the server to administer from,
 * default postgres://postgres@127.0.0.1:5432/postgres), BENCH_KEEP_DATABASE=true to keep the bench
 * databases for EXPLAIN afterwards, BENCH_REFRESH_SIZES (default 2000,10000) and BENCH_REFRESH_DRIVERS
 * (default embedded,postgres) and BENCH_REFRESH_RUNS (1–3: first, next day, after the docs age; default 3)
 * for refresh-scale; BENCH_REGISTRIES_SIZE (default 2000) and BENCH_REGISTRIES_DRIVER
 * (default postgres) for registries-scale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { benchCli, CLI } from './cli.js';
import { benchEnrich } from './enrich.js';
import { benchParseAccuracy } from './parse-accuracy.js';
import { benchParse } from './parse.js';
import { benchRefreshScale, type Driver } from './refresh-scale.js';
import { benchRegistriesScale } from './registries-scale.js';
import { benchReview } from './review.js';
import { commit, machine, markdownTable, tableRows, type Results } from './report.js';
import { benchStore } from './store.js';
import { progress, round } from './util.js';

const SECTIONS = ['parse', 'parse-accuracy', 'enrich', 'cli', 'store', 'refresh-scale', 'registries-scale', 'review'] as const;
const NOW = new Date('2025-06-01T06:00:00Z');
const ENRICH_SIZES = [8, 1_000, 10_000];
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const wanted = process.argv.slice(2);
const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown.length > 0) {
  process.stderr.write(`unknown section(s): ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}\n`);
  process.exit(2);
}
const run = (section: (typeof SECTIONS)[number]) => wanted.length === 0 || wanted.includes(section);

/** The CLI section runs dist/: build it from the working tree, as the test suite does. */
function build(): void {
  progress('building dist/ (npm run build)');
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    if (!existsSync(CLI)) throw error;
    progress('build failed; measuring the existing dist/');
  }
}

async function postgresVersion(url: string): Promise<string | Error> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    const [row] = await sql`select current_setting('server_version') as version`;
    return `PostgreSQL ${row!.version as string}`;
  } catch (error) {
    return error as Error;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

const started = performance.now();
const results: Results = { startedAt: new Date().toISOString(), commit: commit(), machine: machine(), skipped: {} };
progress(`load average before: ${results.machine.loadBefore.join(', ')} on ${results.machine.cpus} CPUs`);

if (run('parse')) results.parse = benchParse(1_000);
if (run('parse-accuracy')) results.parseAccuracy = benchParseAccuracy(20);
if (run('enrich')) {
  results.enrich = [];
  for (const n of ENRICH_SIZES) results.enrich.push(await benchEnrich(n, NOW));
}
if (run('cli') || run('refresh-scale') || run('registries-scale') || run('review')) build();
if (run('cli')) {
  results.cli = await benchCli({ refresh: 3, startup: 5 });
}
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (run('store')) {
  const version = await postgresVersion(adminUrl);
  if (version instanceof Error) {
    results.skipped.store = `no PostgreSQL server at ${adminUrl}: ${version.message}`;
    progress(`store: skipped (${results.skipped.store})`);
  } else {
    results.machine.postgres = version;
    results.store = await benchStore(adminUrl, { frameworks: 10_000, days: 365 });
  }
}

if (run('refresh-scale')) {
  const sizes = (process.env.BENCH_REFRESH_SIZES ?? '2000,10000').split(',').map(Number);
  const drivers = (process.env.BENCH_REFRESH_DRIVERS ?? 'embedded,postgres').split(',') as Driver[];
  const server = drivers.includes('postgres') ? await postgresVersion(adminUrl) : undefined;
  if (server instanceof Error) results.skipped['refresh-scale on PostgreSQL'] = `no PostgreSQL server at ${adminUrl}: ${server.message}`;
  else if (server) results.machine.postgres = server;
  results.refreshScale = [];
  for (const n of sizes) {
    for (const driver of drivers) {
      if (driver === 'postgres' && server instanceof Error) continue;
      results.refreshScale.push(await benchRefreshScale(n, driver, NOW, adminUrl, Number(process.env.BENCH_REFRESH_RUNS ?? 3)));
    }
  }
}

if (run('registries-scale')) {
  // PostgreSQL by default: on the embedded database the first run did not end within 22 minutes, stuck committing ~320,000 backfilled days (docs/benchmarks.md).
  const driver = (process.env.BENCH_REGISTRIES_DRIVER ?? 'postgres') as Driver;
  results.registriesScale = await benchRegistriesScale(Number(process.env.BENCH_REGISTRIES_SIZE ?? 2000), driver, NOW, adminUrl);
  // The limits are asserted: a broken one fails the bench.
  if (results.registriesScale.runs.some((r) => r.limits.some((l) => !l.held))) process.exitCode = 1;
}
if (run('review')) results.review = await benchReview(2_000, NOW, adminUrl);

results.machine.loadAfter = loadavg().map((l) => round(l, 2));
results.totalSeconds = round((performance.now() - started) / 1000);
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
progress(`done in ${results.totalSeconds} s; load average after: ${results.machine.loadAfter.join(', ')}; ${RESULTS}`);
process.stdout.write(`${markdownTable(tableRows(results))}\n`);
