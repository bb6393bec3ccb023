import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/ingest/language.js';
import { parseArticle } from '../src/ingest/parse.js';
import { normalizeDate, promisedCount } from '../src/ingest/parse-meta.js';
import type { ParsedArticle } from '../src/domain/article.js';

const URL_ = 'https://www.keycdn.com/blog/best-backend-frameworks';
const CDN = { text: 'Express CDN integration', url: 'https://www.keycdn.com/support/express-cdn-integration' };

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/articles/${name}.html`, import.meta.url), 'utf8');

interface Expected {
  name: string;
  slug: string;
  language: string;
  site: string;
  start: string;
  end: string;
  pros: string[];
  users: string[];
}

const ENTRIES: Expected[] = [
  {
    name: 'Laravel',
    slug: 'laravel',
    language: 'PHP',
    site: 'https://laravel.com/',
    start: 'Laravel is a PHP based backend framework which prides itself on its beautiful syntax',
    end: 'Laravel also offers its own database migration system and has a robust ecosystem.',
    pros: ['Simple and fast routing engine', 'Comes with its own CLI', 'Powerful template system (Blade)', 'Good documentation'],
    users: [],
  },
  {
    name: 'CakePHP',
    slug: 'cakephp',
    language: 'PHP',
    site: 'https://cakephp.org/',
    start: 'CakePHP is one of the first PHP frameworks to be released back in 2005.',
    end: 'making it a great choice for building both large and small applications.',
    pros: [
      'Allows you to build rapidly',
      'Comes with "batteries included"',
      'Built with security in mind',
      'No complicated configuration required to get started',
    ],
    users: [],
  },
  {
    name: 'Django',
    slug: 'django',
    language: 'Python',
    site: 'https://www.djangoproject.com/',
    start: 'Django is a high-level Python framework that is built with the idea of "batteries included".',
    end: 'as it can make a small project bloated with unnecessary features.',
    pros: [
      'Highly customizable',
      'No need to reinvent the wheel, encourages rapid development',
      'Very scalable',
      'Extensive community and documentation',
    ],
    users: ['Disqus', 'Mozilla', 'National Geographic', 'Pinterest'],
  },
  {
    name: 'Ruby on Rails',
    slug: 'ruby-on-rails',
    language: 'Ruby',
    site: 'https://rubyonrails.org/',
    start: 'Ruby on Rails is a server side web framework written in the Ruby programming language.',
    end: "such as MVC (model view controller) and DRY (don't repeat yourself).",
    pros: [
      'Large library of plugins available',
      'Ruby offers very clear syntax',
      'Massive community',
      'Small projects are easy to develop and manage',
    ],
    users: ['Shopify', 'SoundCloud', 'Basecamp', 'GitHub'],
  },
  {
    name: 'Flask',
    slug: 'flask',
    language: 'Python',
    site: 'https://flask.palletsprojects.com/',
    start: 'Flask is another Python-based backend framework. However, unlike Django, it is lightweight',
    end: "who don't need all the bells and whistles that Django ships with.",
    pros: [
      'Very flexible',
      'More lightweight than Django, great for smaller projects',
      'Great documentation',
      'Offers the ability to built prototypes quickly',
    ],
    users: [],
  },
  {
    name: 'Phoenix',
    slug: 'phoenix',
    language: 'Elixir',
    site: 'https://www.phoenixframework.org/',
    start: "Phoenix is a backend framework which works with Erlang's Virtual Machine and is written in Elixir.",
    end: 'with the fresh ideas of functional programming.',
    pros: ['Very fast', 'Fault tolerant', 'Built in database options', 'Well designed', 'Great documentation and active community'],
    users: [],
  },
  {
    name: 'Express',
    slug: 'express',
    language: 'JavaScript',
    site: 'https://expressjs.com/',
    start: 'Express is a fast, minimalist framework for Node.js. It provides a thin layer',
    end: 'Check out how to perform an Express CDN integration with KeyCDN.',
    pros: [
      'Great routing API',
      'Minimalistic and unopinionated',
      "Setup is easy and it's straightforward to learn",
      'Large number of plugins available for use',
    ],
    users: ['Uber', 'Accenture', 'IBM'],
  },
  {
    name: 'Spring Boot',
    slug: 'spring-boot',
    language: 'Java',
    site: 'https://spring.io/projects/spring-boot',
    start: 'Spring Boot is a development framework based on Java.',
    end: 'so you can get started with minimum fuss.',
    pros: [
      'Create stand-alone Spring applications',
      'Highly scalable',
      'Great documentation',
      'Built for large scale applications that use a cloud approach',
      'Extensive ecosystem',
    ],
    users: [],
  },
];
const NAMES = ENTRIES.map((e) => e.name);

const SECTIONS: Array<[string, string]> = [
  ['Frontend development', 'A frontend developer is, in large part, responsible for what a user sees.'],
  ['Backend development', 'A backend developer on the other hand works on the nuts and bolts'],
  ['Learning curve', 'Each framework has its differences in terms of naming conventions, directory structures, etc.'],
  ['Documentation/community', "If you don't have any previous experience with a backend framework"],
  ['Libraries', 'Some frameworks offer more flexibility and choice in terms of the libraries offered.'],
  ['Security', 'Security is very broad topic and depending on the application'],
  ['Scalability', "If you're building an app for the masses"],
];

/** Text of the page furniture in every fixture; none of it may surface in the parse. */
const CHROME_TEXT = [
  '**bold**', '`code`', '```block```', 'Top 10 Frontend Frameworks Compared', 'How to Speed Up Your Laravel Application',
  'Django vs Flask: Which One to Choose?', 'Node.js Performance Tips for Production', 'Pricing', 'Log in', 'Sign up',
  'FastAPI', 'NestJS', 'Gin for Go', 'Koa', 'Hapi', 'Jane Doe', 'Sam Roe', 'Weekly digest', 'No spam', 'weekly digest framework', 'Tweet', 'LinkedIn',
  'Careers', 'Knowledge base', 'Network status', 'KeyCDN uses cookies', 'Comment policy', 'Supercharge',
  'free 14 day trial', 'Related articles', 'Contents',
];

function allStrings(a: ParsedArticle): string[] {
  return [
    ...a.entries.flatMap((e) => [e.name, e.description ?? '', ...e.pros, ...e.notableUsers, ...e.links.flatMap((l) => [l.text, l.url])]),
    ...a.sections.flatMap((s) => [s.name, s.description]),
  ];
}

interface Rendition {
  file: string;
  publishedAt: string | null;
  updatedAt: string;
  links: (e: Expected) => Array<{ text: string; url: string }>;
}

const withCdn = (e: Expected, links: Array<{ text: string; url: string }>): Array<{ text: string; url: string }> =>
  e.name === 'Express' ? [...links, CDN] : links;

const RENDITIONS: Rendition[] = [
  {
    file: 'keycdn-original',
    publishedAt: null,
    updatedAt: '2023-01-06T08:41:05+00:00',
    links: (e) => withCdn(e, []),
  },
  {
    file: 'numbered-h2',
    publishedAt: '2017-09-14T07:30:00+00:00',
    updatedAt: '2023-01-06T10:15:00+01:00',
    links: (e) => withCdn(e, [{ text: e.name, url: e.site }]),
  },
  {
    file: 'mixed-h4',
    publishedAt: null,
    updatedAt: '2023-01-06',
    links: (e) =>
      withCdn(e, ['Laravel', 'Django', 'Express', 'Spring Boot'].includes(e.name) ? [{ text: e.name, url: e.site }] : []),
  },
];

function expectSeedEntries(a: ParsedArticle): void {
  expect(a.entries.map((e) => e.name)).toEqual(NAMES);
  a.entries.forEach((entry, i) => {
    const want = ENTRIES[i]!;
    expect(entry.position).toBe(i + 1);
    expect(entry.slug).toBe(want.slug);
    expect(entry.language).toBe(want.language);
    const description = entry.description ?? '';
    expect(description.startsWith(want.start), `${want.name}: ${description}`).toBe(true);
    // The first paragraph, whole, or cut at the sentence end nearest 300 characters.
    const whole = description.endsWith(want.end);
    expect(whole || (/[.!?]$/.test(description) && description.length >= 120 && description.length <= 360), `${want.name}: ${description}`).toBe(true);
    expect(entry.pros).toEqual(want.pros);
    expect(entry.notableUsers).toEqual(want.users);
  });
}

describe.each(RENDITIONS)('parseArticle on $file', (r) => {
  const article = parseArticle(fixture(r.file), URL_);

  it('reads the title, author, dates and promised count', () => {
    expect(article.url).toBe(URL_);
    expect(article.title).toBe('Top 8 Best Backend Frameworks');
    expect(article.author).toBe('Martin Williams');
    expect(article.publishedAt).toBe(r.publishedAt);
    expect(article.updatedAt).toBe(r.updatedAt);
    expect(article.updatedAt?.slice(0, 10)).toBe('2023-01-06');
    expect(article.promisedCount).toBe(8);
  });

  it('finds the eight entries in order with every field', () => {
    expectSeedEntries(article);
    expect(article.entries).toHaveLength(article.promisedCount!);
  });

  it('takes only the first paragraph as description', () => {
    for (const e of article.entries) {
      expect(e.description).not.toMatch(/A few examples of large websites/);
      expect(e.description).not.toMatch(/\bPros\b/);
      for (const p of e.pros) expect(e.description).not.toContain(p);
    }
  });

  it('collects the links inside each entry, resolved against the page URL', () => {
    article.entries.forEach((entry, i) => expect(entry.links, entry.name).toEqual(r.links(ENTRIES[i]!)));
  });

  it('reads the labelled lists outside the entries as sections', () => {
    expect(article.sections.map((s) => s.name)).toEqual(SECTIONS.map(([n]) => n));
    article.sections.forEach((s, i) => expect(s.description.startsWith(SECTIONS[i]![1]), s.description).toBe(true));
  });

  it('lets no page furniture leak into entries or sections', () => {
    const strings = allStrings(article);
    for (const chrome of CHROME_TEXT) {
      expect(strings.filter((s) => s.includes(chrome)), chrome).toEqual([]);
    }
    const urls = article.entries.flatMap((e) => e.links.map((l) => l.url));
    expect(urls.filter((u) => /twitter|facebook|linkedin|\/pricing|\/features|\/blog\/related|\/privacy|app\.keycdn/.test(u))).toEqual([]);
    expect(article.entries.map((e) => e.name)).not.toContain('Backend vs frontend');
  });
});

describe('parseArticle on a page whose list vanished', () => {
  const article = parseArticle(fixture('broken-no-list'), URL_);

  it('finds no entries but still the metadata and sections', () => {
    expect(article.entries).toEqual([]);
    expect(article.title).toBe('Top 8 Best Backend Frameworks');
    expect(article.promisedCount).toBe(8);
    expect(article.sections.map((s) => s.name)).toEqual(SECTIONS.map(([n]) => n));
  });
});

describe('heading and label variants', () => {
  const base = fixture('numbered-h2');
  const entryHeading = /<h2 id="([^"]+)">(\d)\. (<a [^>]+>[^<]+<\/a>)<\/h2>/g;

  it.each([
    ['h2', '#1 '],
    ['h2', '1) '],
    ['h2', ''],
    ['h3', '1. '],
    ['h3', '#1 '],
    ['h3', '1) '],
    ['h3', ''],
    ['h4', '#1 '],
    ['h4', '1) '],
    ['h4', 'No. 1 '],
    ['h4', ''],
  ])('<%s> headings numbered like "%s"', (tag, numbering) => {
    const html = base.replace(
      entryHeading,
      (_, id: string, n: string, a: string) => `<${tag} id="${id}">${numbering.replace('1', n)}${a}</${tag}>`,
    );
    expect(html).not.toMatch(new RegExp(entryHeading.source));
    expectSeedEntries(parseArticle(html, URL_));
  });

  it.each([
    ['"Pros" label, ul', '<p>Pros</p>\n<ul>', '</ul>'],
    ['no label, ul', '<ul>', '</ul>'],
    ['no label, ol', '<ol>', '</ol>'],
    ['bold "Pros:" heading', '<h3>Pros:</h3>\n<ul>', '</ul>'],
  ])('pros with %s', (_, open, close) => {
    const html = base.replace(/<p><strong>Pros:<\/strong><\/p>\n<ol>([\s\S]*?)<\/ol>/g, (__, items: string) => `${open}${items}${close}`);
    expect(html).not.toContain('<strong>Pros:</strong>');
    expectSeedEntries(parseArticle(html, URL_));
  });
});

const page = (body: string): string =>
  `<!doctype html><html><head><title>Top 3 Frameworks</title></head><body><main>${body}</main></body></html>`;

describe('segmentation without headings', () => {
  it('keeps ordinary prose that starts with a framework name inside the current entry', () => {
    const a = parseArticle(
      page(`
        <p>Django is a high-level Python framework that is built with the idea of "batteries included".</p>
        <ul><li>Highly customizable</li></ul>
        <p>Django however, is built for larger applications.</p>
        <p>Ruby encourages the use of design patterns such as MVC.</p>
        <p>Phoenix is a backend framework which works with Erlang's Virtual Machine and is written in Elixir.</p>
        <p>Elixir is a functional language that the framework is built on.</p>
        <p>Phoenix uses a combination of tried and true technologies.</p>
        <ul><li>Very fast</li><li>Fault tolerant</li></ul>
        <p>Phoenix is also the framework behind many real-time apps.</p>
        <p>Express is a fast, minimalist framework for Node.js.</p>
        <ul><li>Great routing API</li></ul>`),
      URL_,
    );
    expect(a.entries.map((e) => [e.name, e.language, e.pros])).toEqual([
      ['Django', 'Python', ['Highly customizable']],
      ['Phoenix', 'Elixir', ['Very fast', 'Fault tolerant']],
      ['Express', 'JavaScript', ['Great routing API']],
    ]);
  });

  it('treats every "<Name> is a … framework" paragraph as an entry when the article has no lists', () => {
    const a = parseArticle(
      page(`
        <p>There are many options. This is a framework round-up.</p>
        <p>Laravel is a PHP based backend framework which prides itself on its beautiful syntax.</p>
        <p>Flask is another Python-based backend framework.</p>
        <p>It is lightweight. Security is a concern in every framework.</p>
        <p>Spring Boot is a development framework based on Java.</p>`),
      URL_,
    );
    expect(a.entries.map((e) => [e.name, e.language, e.pros])).toEqual([
      ['Laravel', 'PHP', []],
      ['Flask', 'Python', []],
      ['Spring Boot', 'Java', []],
    ]);
  });

  it('mixes headed and unheaded entries and stops at the next section heading', () => {
    const a = parseArticle(
      page(`
        <h2>List of best backend frameworks</h2>
        <p>Laravel is a PHP based backend framework.</p>
        <ul><li>Good documentation</li></ul>
        <h3>Ruby on Rails</h3>
        <p>Ruby on Rails is a server side web framework written in the Ruby programming language.</p>
        <h4>Companies</h4>
        <p>Sites using Ruby on Rails include:</p>
        <ul><li>Shopify</li><li>GitHub</li></ul>
        <p><strong>Pros</strong></p>
        <ul><li>Massive community</li></ul>
        <p><strong>Cons</strong></p>
        <ul><li>Slow boot</li></ul>
        <h2>Conclusion</h2>
        <p>Express is a fast, minimalist framework for Node.js.</p>
        <h2>Summary</h2>
        <ul><li>Learning curve: steep at first</li><li>Speed: fine</li></ul>`),
      URL_,
    );
    // Laravel's unlabelled list is no pros list: Express has none (barePros in src/ingest/parse-draft.ts).
    expect(a.entries.map((e) => [e.name, e.pros, e.notableUsers])).toEqual([
      ['Laravel', [], []],
      ['Ruby on Rails', ['Massive community'], ['Shopify', 'GitHub']],
      ['Express', [], []],
    ]);
    expect(a.sections).toEqual([
      { name: 'Learning curve', description: 'steep at first' },
      { name: 'Speed', description: 'fine' },
    ]);
  });

  it('does not make entries of organising headings', () => {
    const a = parseArticle(
      page(`
        <h2>Backend vs frontend</h2>
        <p>Before getting started, let's first dive into backend vs frontend frameworks.</p>
        <h2>What to consider when selecting a backend framework?</h2>
        <p>Each framework has its differences.</p>
        <h3>Learning curve</h3>
        <p>Each framework has a learning curve.</p>
        <h2>Conclusion</h2>
        <p>There are a variety of backend frameworks to choose from.</p>`),
      URL_,
    );
    expect(a.entries).toEqual([]);
  });
});

describe('metadata helpers', () => {
  it.each([
    ['January 6, 2023', '2023-01-06'],
    ['Jan 6th, 2023', '2023-01-06'],
    ['6 January 2023', '2023-01-06'],
    ['2023-01-06', '2023-01-06'],
    ['2023-01-06T08:41:05+0000', '2023-01-06T08:41:05+00:00'],
    ['2023-01-06T08:41Z', '2023-01-06T08:41:00Z'],
    ['Fri, 06 Jan 2023 08:41:05 GMT', '2023-01-06T08:41:05.000Z'],
    ['2023-02-30', null],
    ['Smarch 6, 2023', null],
    ['soon', null],
    ['', null],
  ])('normalizeDate(%j) = %j', (raw, want) => {
    expect(normalizeDate(raw)).toBe(want);
  });

  it.each([
    ['Top 8 Best Backend Frameworks', 8],
    ['10 Best Python Frameworks in 2023', 10],
    ['The 12 most popular web frameworks', 12],
    ['Best backend frameworks of 2023', null],
    [null, null],
  ])('promisedCount(%j) = %j', (title, want) => {
    expect(promisedCount(title)).toBe(want);
  });

  it.each([
    ["Phoenix is a backend framework which works with Erlang's Virtual Machine and is written in Elixir.", 'Elixir'],
    ['Express is a fast, minimalist framework for Node.js.', 'JavaScript'],
    ['Spring Boot is a development framework based on Java. It offers Spring based applications.', 'Java'],
    ['Laravel is a PHP based backend framework.', 'PHP'],
    ['Flask is another Python-based backend framework, unlike Django.', 'Python'],
    ['Rails is written in the Ruby programming language, similar to Django.', 'Ruby'],
    ['Gin is a web framework written in Go.', 'Go'],
    ['CakePHP uses clean MVC conventions.', null],
    ['Go ahead and give it a swift try.', null],
  ])('detectLanguage(%j) = %j', (text, want) => {
    expect(detectLanguage(text)).toBe(want);
  });

  it('prefers JSON-LD, then meta tags, then the visible byline', () => {
    const a = parseArticle(
      `<html><head><meta name="author" content="Meta Author">
        <script type="application/ld+json">{"@type":"BlogPosting","headline":"Top 3 Picks","author":[{"name":"Ld One"},{"name":"Ld Two"}],"datePublished":"2020-05-01"}</script>
        <script type="application/ld+json">{ broken json</script></head>
        <body><article><h1>Another Title</h1><p class="byline">By Visible Person · Updated on March 2, 2021</p></article></body></html>`,
      URL_,
    );
    expect([a.title, a.author, a.publishedAt, a.updatedAt, a.promisedCount]).toEqual([
      'Top 3 Picks',
      'Ld One, Ld Two',
      '2020-05-01',
      '2021-03-02',
      3,
    ]);
  });

  it('reads an author element and a <time> without structured data', () => {
    const a = parseArticle(
      page(`<h1>Top 2 Frameworks</h1>
        <div class="entry-meta"><span class="author-name">Jane Doe</span>
        <time class="entry-date published" datetime="2022-11-01">Nov 1</time>
        <time class="updated" datetime="2022-11-03T09:00:00+02:00">Nov 3</time></div>`),
      URL_,
    );
    expect([a.author, a.publishedAt, a.updatedAt]).toEqual(['Jane Doe', '2022-11-01', '2022-11-03T09:00:00+02:00']);
  });

  it('does not take a comment author for the article author', () => {
    const a = parseArticle(
      page(`<h1>Top 2 Frameworks</h1><p>Intro.</p>
        <div class="comments"><div class="comment-author">By Troll Person</div></div>`),
      URL_,
    );
    expect(a.author).toBeNull();
  });

  it('skips malformed and non-web links without losing the entry', () => {
    const a = parseArticle(
      page(`<p>Laravel is a PHP based backend framework. See <a href="http://[::1">this</a>, <a href="mailto:x@y.z">mail</a>,
        <a href="javascript:void(0)">that</a>, <a href="//laravel.com/docs">the docs</a> and <a href="/x"><img alt="Logo"></a>.</p>`),
      URL_,
    );
    expect(a.entries.map((e) => e.links)).toEqual([
      [
        { text: 'the docs', url: 'https://laravel.com/docs' },
        { text: 'Logo', url: 'https://www.keycdn.com/x' },
      ],
    ]);
  });

  it('keeps absolute links and drops relative ones when the page URL is unusable', () => {
    const a = parseArticle(fixture('mixed-h4'), 'not a url');
    expect(a.url).toBe('not a url');
    expect(a.entries.map((e) => e.name)).toEqual(NAMES);
    expect(a.entries.find((e) => e.name === 'Express')?.links).toEqual([{ text: 'Express', url: 'https://expressjs.com/' }]);
  });
});
