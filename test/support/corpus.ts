/**
 * The real-listicle corpus the parser is measured on: articles by other authors, each with the entries
 * expected by reading it (never by running the parser). Three folders hold it:
 *
 * - test/corpus/articles/ — files exactly as a file look-up returned them at a named commit
 *   (SOURCES.json: repository, path, commit), committed with our expectations;
 * - ../shared/data/project-corpus/articles/ and ../shared/data/real-articles-a/ — third-party files we
 *   may not commit (README "Test data"); absent in a clone outside the workspace.
 *
 * Each article falls, by a seeded hash of its id, into the development two-thirds or the held-out
 * third. The rule was fixed before the parser was reworked against the corpus; work on the parser
 * opens only development articles.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realDataPath } from './real-data.js';

export interface ExpectedEntry {
  name: string;
  aliases?: string[];
  language: string | null;
  pros: string[];
  /** Absent where the expectation does not say (the older read-by-hand files record no cons). */
  cons?: string[];
  notableUsers: string[];
}

export interface CorpusArticle {
  id: string;
  /** Where it is kept: `committed` (test/corpus/articles) or `shared` (../shared/data). */
  origin: 'committed' | 'shared';
  split: 'development' | 'held-out';
  topic: string;
  body: string;
  url: string;
  contentType: string;
  expected: { title: string | null; promisedCount: number | null; entries: ExpectedEntry[] };
}

interface SourceRecord {
  article: string;
  file: string;
  repository: string;
  path: string;
  contentType: string;
  url: string;
  topic?: string;
}

interface ExpectedFile {
  title?: string | null;
  promisedCount?: number | null;
  source?: string;
  entries: Array<Omit<ExpectedEntry, 'pros' | 'cons' | 'notableUsers'> & { pros?: string[] | null; cons?: string[] | null; notableUsers?: string[] | null }>;
}

const COMMITTED_DIR = fileURLToPath(new URL('../corpus/articles/', import.meta.url));
const SPLIT_SEED = 'stackradar-corpus-split-1';

/** Held out when the first byte of sha256(seed:id) is divisible by 3: about a third, stable as the corpus grows. */
export function splitOf(id: string): CorpusArticle['split'] {
  const byte = createHash('sha256').update(`${SPLIT_SEED}:${id}`).digest()[0] ?? 0;
  return byte % 3 === 0 ? 'held-out' : 'development';
}

function readExpected(file: string): CorpusArticle['expected'] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as ExpectedFile;
  return {
    title: raw.title ?? null,
    promisedCount: raw.promisedCount ?? null,
    entries: raw.entries.map((e) => ({
      name: e.name,
      ...(e.aliases?.length ? { aliases: e.aliases } : {}),
      language: e.language ?? null,
      // A read-by-hand `null` means "the entry has no such list", which the parser gives as [].
      pros: e.pros ?? [],
      ...(e.cons === undefined ? {} : { cons: e.cons ?? [] }),
      notableUsers: e.notableUsers ?? [],
    })),
  };
}

function fromSources(dir: string, origin: CorpusArticle['origin']): Array<CorpusArticle & { key: string }> {
  const file = join(dir, 'SOURCES.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as SourceRecord[]).map((s) => ({
    id: s.article,
    key: `${s.repository}/${s.path}`,
    origin,
    split: splitOf(s.article),
    topic: s.topic ?? 'backend frameworks',
    body: readFileSync(join(dir, s.file), 'utf8'),
    url: s.url,
    contentType: s.contentType,
    expected: readExpected(join(dir, `${s.article}.expected.json`)),
  }));
}

/** real-articles-a names each origin in its expectation's `source`: "owner/name/path at commit (…)". */
function fromRealArticlesA(dir: string): Array<CorpusArticle & { key: string }> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const stem = f.replace(/\.expected\.json$/, '');
      const file = files.find((g) => g.startsWith(`${stem}.`) && !g.endsWith('.json')) ?? '';
      const source = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as ExpectedFile).source ?? '';
      const markdown = /\.(?:md|markdown|mdx)$/.test(file);
      return {
        id: `real-a-${stem}`,
        key: source.split(' at ')[0] ?? source,
        origin: 'shared' as const,
        split: splitOf(`real-a-${stem}`),
        topic: 'backend frameworks',
        body: readFileSync(join(dir, file), 'utf8'),
        url: `https://real-articles-a.example/${file}`,
        contentType: markdown ? 'text/markdown' : 'text/html',
        expected: readExpected(join(dir, f)),
      };
    });
}

/** Every article of the corpus that is present here; one article kept under two names counts once. */
export function loadCorpus(): CorpusArticle[] {
  const all = [
    ...fromSources(COMMITTED_DIR, 'committed'),
    ...fromSources(realDataPath('project-corpus', 'articles'), 'shared'),
    ...fromRealArticlesA(realDataPath('real-articles-a')),
  ];
  const seen = new Set<string>();
  const corpus: CorpusArticle[] = [];
  for (const { key, ...article } of all) {
    if (seen.has(key) || seen.has(article.id)) continue;
    seen.add(key);
    seen.add(article.id);
    corpus.push(article);
  }
  return corpus;
}
