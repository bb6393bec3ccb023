/**
 * `stackradar ingest --explain [--source URL | --file PATH]`: parse one source without storing anything
 * and show the decision — the structure chosen, its confidence and reasons, the title's promise, the
 * entries, the two runners-up and the features behind every score — and what `ingest` would do.
 */
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { ConsideredStructure } from '../../domain/article.js';
import { UsageError } from '../../errors.js';
import { formatRows, type Format, type OutputRow } from '../../format/rows.js';
import { explainSource, type ExplainSource, type Explanation } from '../../jobs/explain.js';
import { trackedOrDefault } from '../../store/sources.js';
import { createContext } from '../context.js';
import { printText, stdoutTable } from '../print.js';

interface ExplainOptions {
  source?: string[];
  file?: string[];
  accept?: boolean;
  format: Format;
}

/** How many names of a runner-up the table shows. */
const FIRST_NAMES = 5;

function checkOptions(options: ExplainOptions): void {
  if (options.accept) throw new UsageError('ingest: --explain stores nothing; give --explain or --accept, not both');
  if (options.format === 'csv') throw new UsageError('ingest --explain: --format csv is not available (table, json or md)');
  if (options.source?.length && options.file?.length) throw new UsageError('ingest --explain: give --source or --file, not both');
  if ((options.source?.length ?? 0) + (options.file?.length ?? 0) > 1) throw new UsageError('ingest --explain: give one source at a time');
}

function candidate(considered: ConsideredStructure) {
  const { kind, selector, level, count } = considered.structure;
  return { kind, selector, level, count, score: considered.score, names: considered.names, features: considered.features };
}

/** The explanation as one JSON object (snake_case, as the other commands print rows). */
function explanationObject(explanation: Explanation) {
  const { article, judgement } = explanation;
  const { decision } = article;
  return {
    source_url: explanation.sourceUrl,
    title: article.title,
    promised_count: article.promisedCount,
    pin: explanation.pin,
    chosen: decision.chosen ? candidate(decision.chosen) : null,
    confidence: decision.confidence,
    reasons: decision.reasons,
    doubt: decision.doubt,
    entries: article.entries.map((entry) => entry.name),
    runners_up: decision.runnersUp.slice(0, 2).map(candidate),
    ingest: { outcome: judgement.status, reason: judgement.reason, current_version: explanation.currentVersion },
  };
}

type Explained = ReturnType<typeof explanationObject>;

function structureText(structure: { kind: string; selector: string; level: number | null; count: number }): string {
  return `${structure.kind} \`${structure.selector}\`${structure.level === null ? '' : `, level ${structure.level}`}, ${structure.count} entries`;
}

function verdictText(explained: Explained): string {
  const { outcome, reason, current_version: current } = explained.ingest;
  switch (outcome) {
    case 'new-version':
      return `would store a new version${current === null ? '' : ` (the current one is ${current})`}`;
    case 'unchanged':
      return `would keep version ${current} (same content)`;
    case 'broken':
      return `would store nothing: ${reason}`;
    case 'doubtful':
      return `would not store it: doubtful parse (${reason}); \`ingest --accept\` stores it anyway`;
  }
}

function summaryLines(explained: Explained): [string, string][] {
  const pin = explained.pin ? `\`${explained.pin.entries}\`${explained.pin.exclude ? ` (exclude \`${explained.pin.exclude}\`)` : ''}` : 'none (discovery)';
  return [
    ['source', explained.source_url],
    ['title', `${explained.title ?? '(none)'}${explained.promised_count === null ? '' : ` (promises ${explained.promised_count})`}`],
    ['pin', pin],
    ['chosen', explained.chosen ? structureText(explained.chosen) : 'nothing: no structure gave entries'],
    ['confidence', String(explained.confidence)],
    ['reasons', explained.reasons.join('; ') || '(none)'],
    ['doubt', explained.doubt ?? 'none'],
    ['entries', explained.entries.join(', ') || '(none)'],
    ['ingest', verdictText(explained)],
  ];
}

/** The chosen structure and the runners-up, one row each. */
function structureRows(explained: Explained): OutputRow[] {
  const ranked = [...(explained.chosen ? [['chosen', explained.chosen] as const] : []), ...explained.runners_up.map((c, i) => [`runner-up ${i + 1}`, c] as const)];
  return ranked.map(([rank, c]) => ({
    rank,
    kind: c.kind,
    selector: c.selector,
    level: c.level,
    count: c.count,
    score: c.score,
    names: `${c.names.slice(0, FIRST_NAMES).join(', ')}${c.names.length > FIRST_NAMES ? ', …' : ''}`,
  }));
}

/** One row per feature, one column per structure: the scores side by side. */
function featureRows(explained: Explained): { rows: OutputRow[]; columns: string[] } {
  const structures = [...(explained.chosen ? [['chosen', explained.chosen] as const] : []), ...explained.runners_up.map((c, i) => [`runner-up ${i + 1}`, c] as const)];
  const names = [...new Set(structures.flatMap(([, c]) => Object.keys(c.features)))];
  const rows = names.map((feature) => Object.fromEntries([['feature', feature], ...structures.map(([rank, c]) => [rank, c.features[feature] ?? null])]));
  return { rows, columns: ['feature', ...structures.map(([rank]) => rank)] };
}

function render(explained: Explained, format: 'table' | 'md'): string {
  const lines = summaryLines(explained);
  const features = featureRows(explained);
  const table = (rows: OutputRow[], columns: string[]) => formatRows(rows, format, columns, stdoutTable());
  const structureColumns = ['rank', 'kind', 'selector', 'level', 'count', 'score', 'names'];
  if (format === 'md') {
    return [
      `## ${explained.source_url}`,
      '',
      ...lines.slice(1).map(([label, value]) => `- **${label}**: ${value}`),
      '',
      '### Structures considered',
      '',
      table(structureRows(explained), structureColumns),
      '### Features',
      '',
      table(features.rows, features.columns),
    ].join('\n');
  }
  const width = Math.max(...lines.map(([label]) => label.length));
  return [
    ...lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
    '',
    'structures considered',
    table(structureRows(explained), structureColumns),
    'features',
    table(features.rows, features.columns),
  ].join('\n');
}

/** The one source to explain: the one given, else the only tracked one. */
async function chooseSource(options: ExplainOptions, given: string[], tracked: () => Promise<string[]>): Promise<ExplainSource> {
  if (options.file?.length) return { file: options.file[0] ?? '' };
  if (options.source?.length) return { url: given[0] ?? '' };
  const urls = await tracked();
  const [url] = urls;
  // A tracked file source is read from its path again.
  if (url !== undefined && urls.length === 1) return url.startsWith('file:') ? { file: fileURLToPath(url) } : { url };
  throw new UsageError(`ingest --explain: give --source URL or --file PATH (${urls.length} sources are tracked)`);
}

export async function runExplain(command: Command, options: ExplainOptions): Promise<void> {
  checkOptions(options);
  const context = createContext(command, { source: options.source });
  const { sourceUrls } = context.config;
  const explained = await context.withRunContext(options.format, async (run) => {
    const source = await chooseSource(options, sourceUrls, () => trackedOrDefault(run.store.db, sourceUrls));
    return explanationObject(await explainSource(run, source));
  });
  printText(options.format === 'json' ? `${JSON.stringify(explained)}\n` : render(explained, options.format === 'md' ? 'md' : 'table'));
}
