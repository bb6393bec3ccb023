/**
 * Each kind of failure seen on unseen articles (issue 19), on a real article of the corpus's development
 * part that shows it: the field the failure was about, against the article's read-by-hand expectation.
 * The synthetic cases of test/parse.test.ts show the same rules in a few lines each.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/catalog.js';
import { parseSource } from '../src/ingest/parse.js';
import { loadCorpus, type CorpusArticle } from './support/corpus.js';
import { parseAsIngested, type Field } from './support/corpus-score.js';

const catalog = loadCatalog();
const corpus = new Map(loadCorpus().map((a) => [a.id, a]));

interface Case {
  kind: string;
  article: string;
  fields: Field[];
  structure?: 'headings' | 'list' | 'table';
}

const CASES: Case[] = [
  { kind: '1. numbered list items led by a bold link, split over two lists', article: 'b-vectordb-mileszim-awesome', fields: ['name', 'pros'], structure: 'list' },
  { kind: '1. bullet items led by a link ("- [Sequelize](…): …")', article: 'b-orm-zhbhun-node-orm-links', fields: ['name'], structure: 'list' },
  { kind: '1. table rows with a name column', article: 'b-orm-tortoise-python-orm-benchmarks', fields: ['name', 'language'], structure: 'table' },
  { kind: '1. a table comparing the entries in its columns, with Pros and Cons rows', article: 'd-testing-marikoikoiko-e2e-pros-cons', fields: ['name', 'pros', 'cons'], structure: 'table' },
  { kind: '1. numbered items whose short first line ("1. Robot") stands over their Pros:/Cons: lists', article: 'g-testing-nathanrhall-python-test-framework', fields: ['name', 'pros', 'cons'], structure: 'list' },
  { kind: "2. a README's sections (Results, Developing, License) do not beat its list of libraries", article: 'b-orm-emanuelcasco-ts-orm-research', fields: ['name'], structure: 'list' },
  { kind: '2. a bullet list of contenders beats the sections that discuss them', article: 'a-react-ui-adrianhall-state-of-ui-2024', fields: ['name'], structure: 'list' },
  { kind: '2. phrases the prose writes in lowercase ("user experience", "build steps") are not entries: the h3 products win', article: 'g-css-leerob-writing-css-2024', fields: ['name'], structure: 'headings' },
  { kind: '3. entries at h3 under group headings at h2', article: 'a-state-blechlawine-state-management', fields: ['name', 'cons'], structure: 'headings' },
  { kind: '3. entries split over several wrappers (three h2 groups)', article: 'f-rust-shuttle-web-frameworks-2023', fields: ['name', 'language'], structure: 'headings' },
  { kind: '3. numbered "Key Concepts" sub-headings are not entries', article: 'a-state-zustic-react-state-management-guide', fields: ['name'], structure: 'headings' },
  { kind: '3. a few more entries as described link bullets under "## Others"; a footnote reference is not part of a pro', article: 'c-ssg-sosiristseng-comparisons', fields: ['name', 'pros', 'cons'], structure: 'headings' },
  { kind: '4. names as lines with a spaced colon ("Koa2 :"), among "Express.js:"', article: 'f-node-nerella-frameworks', fields: ['name'], structure: 'headings' },
  { kind: '4. numbered and bold headings ("### **1. InfluxDB**")', article: 'b-tsdb-hackgptdeveloper-time-series-db', fields: ['name', 'pros'], structure: 'headings' },
  { kind: '4. a category before the name ("## Mapping: AutoMapper")', article: 'e-dotnet-ragmn-essential-nuget', fields: ['language'], structure: 'headings' },
  { kind: '5. #### Pros / #### Cons sub-headings', article: 'd-chart-clinton-publift-vue-chart-libraries', fields: ['pros', 'cons'], structure: 'headings' },
  { kind: '5. "**Pros:** a, b" and "**Cons:** …" lines in one paragraph', article: 'a-state-zustic-react-state-management-guide', fields: ['pros', 'cons'] },
  { kind: '5. ✅ bullets under a "Key Features" label', article: 'nbajpai-backend-frameworks', fields: ['pros'] },
  { kind: '5. a "Features:" item over its nested list', article: 'b-orm-sciredev-best-js-orms', fields: ['name', 'pros'] },
  { kind: '6. users named in prose, not the article\'s other entries', article: 'real-a-06-checkly-nodejs-frameworks-2019', fields: ['notableUsers'] },
  { kind: '5. pasted "• Pros" / "○ Fast" bullet characters in a tab-indented block', article: 'g-frontend-broodjeunox-top5-frameworks', fields: ['pros', 'cons'] },
  { kind: '5. a pasted page indented as code: "Advantages:" lines are the pros', article: 'f-ml-saimanoor-top10-libraries', fields: ['pros', 'cons'] },
  { kind: '7. the entry\'s own name is no statement ("Angular uses a component model"; a TypeScript-based framework)', article: 'e-frontend-kombai-9-js-frameworks', fields: ['language'] },
  { kind: '7. one language stated by the title for all entries ("React state management")', article: 'a-state-nollili-alternatives-to-redux', fields: ['language'] },
  { kind: '7. a language in passing (a JavaScript article comparing with Laravel) is not the entry\'s', article: 'real-a-06-checkly-nodejs-frameworks-2019', fields: ['language'] },
  { kind: '7. a Vue component\'s <template> holds the page; entries that are languages', article: 'real-a-07-lantechindia-backendframeworks', fields: ['name', 'language', 'pros', 'notableUsers'] },
];

const article = (id: string): CorpusArticle | undefined => corpus.get(id);

describe.each(CASES.map((c) => [c.kind, c] as const))('%s', (_, c) => {
  const a = article(c.article);

  it.skipIf(!a)(`${c.article}: ${c.fields.join(', ')} as read by hand`, () => {
    if (!a) return;
    expect(a.split, 'failure-kind tests use development articles only').toBe('development');
    const got = parseAsIngested(a, catalog);
    for (const field of c.fields) {
      expect(got.map((e) => e[field]), field).toEqual(a.expected.entries.map((e) => e[field] ?? []));
    }
    if (c.structure) {
      const knownNames = catalog.all().flatMap((f) => [f.name, ...f.aliases]);
      expect(parseSource(a.body, a.url, a.contentType, { knownNames }).decision.chosen?.structure.kind).toBe(c.structure);
    }
  });
});
