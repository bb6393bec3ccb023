/** The machine description, the issue's targets checked against the results, and the printed table. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { CliResult } from './cli.js';
import type { EnrichResult } from './enrich.js';
import type { ParseAccuracyResult } from './parse-accuracy.js';
import type { ParseResult } from './parse.js';
import type { RefreshScaleResult } from './refresh-scale.js';
import type { RegistriesScaleResult } from './registries-scale.js';
import type { ReviewResult } from './review.js';
import type { StoreResult } from './store.js';

export interface Results {
  startedAt: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; postgres?: string; loadBefore: number[]; loadAfter?: number[] };
  parse?: ParseResult;
  parseAccuracy?: ParseAccuracyResult;
  enrich?: EnrichResult[];
  cli?: CliResult;
  store?: StoreResult;
  refreshScale?: RefreshScaleResult[];
  registriesScale?: RegistriesScaleResult;
  review?: ReviewResult;
  /** Sections that did not run, and why. */
  skipped: Record<string, string>;
  totalSeconds?: number;
}

export function machine(): Results['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

type Row = [section: string, metric: string, value: string, target: string, verdict: string];

/** `met`, or by how much the value is over its limit. */
const check = (value: number, limit: number) => (value <= limit ? 'met' : `MISSED by ${Math.round((100 * (value - limit)) / limit)}%`);
const atLeast = (value: number, floor: number) => (value >= floor ? 'met' : `MISSED by ${round1(floor - value)} points`);
const ms = (value: number) => `${value} ms`;

function enrichRows(results: EnrichResult[]): Row[] {
  return results.flatMap((e): Row[] => {
    const label = `enrich N=${e.n.toLocaleString('en')}`;
    const bound = `≤ ${e.requestBound} (⌈N/50⌉ + pages)`;
    const large = e.n === 10_000;
    const rows: Row[] = [
      [label, 'GitHub requests (GraphQL)', String(e.requests), bound, check(e.requests, e.requestBound)],
      [label, 'GraphQL cost (points)', String(e.graphqlCost), bound, check(e.graphqlCost, e.requestBound)],
      [label, 'wall time', `${e.seconds} s`, large ? '≤ 60 s' : '', large ? check(e.seconds, 60) : ''],
      [label, 'peak RSS (client process)', `${e.peakRssMB} MB`, large ? '≤ 500 MB' : '', large ? check(e.peakRssMB, 500) : ''],
      [label, 'CPU: client / fake GitHub', `${e.clientCpuSeconds} s / ${e.fakeCpuSeconds} s`, '', ''],
    ];
    if (e.failed > 0) rows.push([label, 'failed repositories', String(e.failed), '0', 'FAILED']);
    return rows;
  });
}

function storeRows(s: StoreResult): Row[] {
  const section = `PostgreSQL, ${(s.rows / 1e6).toFixed(2)} M rows`;
  const limits: Record<string, number> = { framework_latest: 200, star_trends: 200, 'framework_history (one)': 20 };
  const rows: Row[] = [[section, 'bulk load + ANALYZE', `${s.loadSeconds} s`, '', '']];
  for (const [label, timing] of Object.entries(s.queries)) {
    const limit = limits[label]!;
    const fresh = s.queriesBeforeVacuum[label];
    rows.push([section, `${label} (vacuumed): client / server`, `${ms(timing.ms)} / ${ms(timing.serverMs)}`, `≤ ${ms(limit)}`, check(timing.ms, limit)]);
    if (fresh) rows.push([section, `${label} (before vacuum): client / server`, `${ms(fresh.ms)} / ${ms(fresh.serverMs)}`, `≤ ${ms(limit)}`, check(fresh.ms, limit)]);
  }
  for (const view of s.missing) rows.push([section, view, 'view not in the migrations yet', '', 'not measured']);
  const b = s.bytesPerRow;
  rows.push([section, 'bytes per snapshot row (heap + indexes)', `${b.total} (${b.heap} + ${b.indexes})`, '≤ 120', check(b.total, 120)]);
  for (const [name, bytes] of Object.entries(b.perIndex)) {
    rows.push([section, `  index ${name}`, `${bytes} (${b.perIndexAfterReindex[name]} after REINDEX)`, '', '']);
  }
  return rows;
}

/** The issue's limits per N and run: wall seconds; peak RSS applies to every run of 10,000. */
const SCALE_LIMITS: Record<number, Record<string, number>> = { 2_000: { first: 60, 'next day': 30 }, 10_000: { first: 300, 'next day': 90 } };

function refreshScaleRows(results: RefreshScaleResult[]): Row[] {
  return results.flatMap((r): Row[] => {
    const section = `refresh N=${r.n.toLocaleString('en')}, ${r.driver}`;
    const rows = r.runs.flatMap((run): Row[] => {
      const limit = SCALE_LIMITS[r.n]?.[run.label];
      const s = run.served;
      const stages = run.stages.map((st) => `${st.name} ${round1(st.ms / 1000)} s`).join(', ');
      const docsTarget = run.label === 'next day' ? '0' : '';
      const out: Row[] = [
        [section, `${run.label}: whole process (load ${run.loadBefore})`, `${run.seconds} s`, limit ? `≤ ${limit} s` : '', limit ? check(run.seconds, limit) : ''],
        [section, `${run.label}: stages`, stages, '', ''],
        [section, `${run.label}: served GraphQL / REST / search / docs / article`, `${s.graphql} / ${s.rest} / ${s.search} / ${s.docs} / ${s.article}`, docsTarget && `docs ${docsTarget}`, docsTarget && (s.docs === 0 ? 'met' : 'MISSED')],
        [section, `${run.label}: peak RSS`, `${run.peakRssMB} MB`, r.n === 10_000 ? '≤ 700 MB' : '', r.n === 10_000 ? check(run.peakRssMB, 700) : ''],
      ];
      if (run.exitCode !== 0) out.push([section, `${run.label}: exit code`, String(run.exitCode), '0', 'FAILED']);
      return out;
    });
    if (r.storage) rows.push([section, 'bytes per framework per day (snapshots + package tables, indexes)', String(r.storage.bytesPerFrameworkDay), '≤ 150', check(r.storage.bytesPerFrameworkDay, 150)]);
    if (r.error) rows.push([section, 'error', r.error, '', 'FAILED']);
    return rows;
  });
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function registriesScaleRows(r: RegistriesScaleResult): Row[] {
  const section = `registries N=${r.n.toLocaleString('en')}, ${r.driver}`;
  const rows = r.runs.flatMap((run): Row[] => {
    const endpoints = Object.entries(run.endpoints).map(([name, e]) => `${name} ${e.requests}${e.notModified ? ` (${e.notModified} 304)` : ''} in ${e.seconds} s`);
    const out: Row[] = [
      [section, `${run.label}: registries stage / whole refresh (load ${run.loadBefore})`, `${run.stageSeconds ?? '?'} s / ${run.refreshSeconds} s`, '', ''],
      [section, `${run.label}: requests, first to last answer`, endpoints.join(', '), '', ''],
      [section, `${run.label}: PyPI packages whose downloads wait for a later run`, String(run.deferredDownloads), '', ''],
      ...run.limits.map((l): Row => [section, `${run.label}: ${l.endpoint}, most seen against ${l.rule}`, String(l.most), l.rule, l.held ? 'met' : 'BROKEN']),
    ];
    if (run.exitCode !== 0) out.push([section, `${run.label}: exit code`, String(run.exitCode), '0', 'FAILED']);
    return out;
  });
  if (r.error) rows.push([section, 'error', r.error, '', 'FAILED']);
  return rows;
}

function parseAccuracyRows(p: ParseAccuracyResult): Row[] {
  const half = (name: string, h: ParseAccuracyResult['heldOut'], target: number): Row[] => [
    [`parse-accuracy, ${name}`, `${h.articles} articles: exact`, `${h.exact} (${h.exactPct} %)`, `≥ ${target} %`, atLeast(h.exactPct, target)],
    [`parse-accuracy, ${name}`, `fields right (name ${h.byField.name} %, language ${h.byField.language} %, pros ${h.byField.pros} %, cons ${h.byField.cons} %, users ${h.byField.notableUsers} %)`, `${h.fieldsRight}/${h.fieldsTotal} (${h.fieldsPct} %)`, name === 'held-out' ? '≥ 95 %' : '', name === 'held-out' ? atLeast(h.fieldsPct, 95) : ''],
    [`parse-accuracy, ${name}`, `one parse per article × ${p.iterations}: median / p95`, `${ms(h.medianMs)} / ${ms(h.p95Ms)}`, 'p95 ≤ 50 ms', check(h.p95Ms, 50)],
  ];
  return [...half('development', p.development, 95), ...half('held-out', p.heldOut, 85)];
}

export function tableRows(r: Results): Row[] {
  const rows: Row[] = [];
  if (r.parse) {
    rows.push(['parse', `parseArticle, ${r.parse.htmlKB} KB × ${r.parse.iterations}: median / p95`, `${ms(r.parse.medianMs)} / ${ms(r.parse.p95Ms)}`, '', '']);
  }
  if (r.parseAccuracy) rows.push(...parseAccuracyRows(r.parseAccuracy));
  if (r.enrich) rows.push(...enrichRows(r.enrich));
  if (r.cli) {
    const { refreshFirst, refreshExisting, registriesFirst, registriesExisting, help, query } = r.cli;
    rows.push(
      ['refresh, 8 frameworks, embedded', 'whole process, new database (median)', `${refreshFirst.medianSeconds} s`, '≤ 5 s', check(refreshFirst.medianSeconds, 5)],
      ['refresh, 8 frameworks, embedded', 'whole process, existing database, next day (median)', `${refreshExisting.medianSeconds} s`, '≤ 3 s', check(refreshExisting.medianSeconds, 3)],
      ['refresh, 8 frameworks, embedded', 'registries stage, new database / next day (median)', `${registriesFirst.medianSeconds} s / ${registriesExisting.medianSeconds} s`, '', ''],
      ['CLI start-up', '--help (median)', `${help.medianSeconds} s`, '', ''],
      ['CLI start-up', 'sql "select * from framework_latest", existing embedded database (median)', `${query.medianSeconds} s`, '', ''],
    );
  }
  if (r.store) rows.push(...storeRows(r.store));
  if (r.refreshScale) rows.push(...refreshScaleRows(r.refreshScale));
  if (r.registriesScale) rows.push(...registriesScaleRows(r.registriesScale));
  if (r.review) {
    const { n, medianSeconds, floorSeconds, findings, requests, loadBefore, error } = r.review;
    const what = `review --format json, ${n.toLocaleString('en')} frameworks, embedded (median, load ${loadBefore}; sql "select 1" on it: ${floorSeconds} s): ${findings} findings, ${requests} requests sent`;
    rows.push(['review', error ? `failed: ${error}` : what, `${medianSeconds} s`, '≤ 2 s, no request', requests === 0 ? check(medianSeconds, 2) : 'MISSED: sent requests']);
  }
  for (const [section, why] of Object.entries(r.skipped)) rows.push([section, 'skipped', why, '', '']);
  return rows;
}

export function markdownTable(rows: Row[]): string {
  const header: Row = ['section', 'metric', 'value', 'target', 'verdict'];
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [header, ['---', '---', '---:', '---', '---'] as Row, ...rows].map((row) => `| ${row.map(escape).join(' | ')} |`).join('\n');
}
