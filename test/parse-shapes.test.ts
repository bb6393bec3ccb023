/**
 * Small Markdown articles, one per reading rule added from the grown corpus: each shows the rule in a few
 * lines, and that the reading it replaces no longer happens.
 */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/ingest/parse.js';

const parse = (markdown: string) => parseSource(markdown, 'https://example.com/guide.md', 'text/markdown');
const names = (markdown: string) => parse(markdown).entries.map((e) => e.name);

describe('reading rules', () => {
  it('reads a decision record\'s "Good, because" / "Bad, because" lines as pros and cons, and its own sections as no entries', () => {
    const doc = [
      '# Pick an HTTP client', '', '## Context and Problem Statement', '', 'We call many services.', '',
      '## Decision Drivers', '', '* speed', '* support', '', '## Pros and Cons of the Options', '',
      '### Got', '', 'Got is a Node.js client.', '', '* Good, because it retries.', '* Neutral, because it is large.', '* Bad, because it is ESM only.', '',
      '### Undici', '', 'Undici is the client inside Node.js.', '', '* Good, because it is fast.', '* Bad, because its API is low level.', '',
    ].join('\n');
    const { entries } = parse(doc);
    expect(entries.map((e) => [e.name, e.pros, e.cons])).toEqual([
      ['Got', ['it retries.'], ['it is ESM only.']],
      ['Undici', ['it is fast.'], ['its API is low level.']],
    ]);
  });

  it('reads "- Pros: a, b" list lines as one pro each', () => {
    const doc = '# Tools\n\n## Jenkins\n- Pros: Flexible, many plugins\n- Cons: Complex setup\n\n## Drone\n- Pros: Simple\n- Cons: Small community\n';
    expect(parse(doc).entries.map((e) => [e.pros, e.cons])).toEqual([
      [['Flexible, many plugins'], ['Complex setup']],
      [['Simple'], ['Small community']],
    ]);
  });

  it('adds the described link bullets under "## Others" after the last entry, but not a bare list of links', () => {
    const body = (n: string) => `## ${n}\n\n${n} is a static site generator with themes and plugins.\n`;
    const others = '## Others\n\n- [Jekyll](https://jekyllrb.com/), the default GitHub Pages generator, written in Ruby.\n- [Nikola](https://getnikola.com/), a generator written in Python.\n';
    expect(names(`# SSGs\n\n${body('Hugo')}\n${body('Hexo')}\n${others}`)).toEqual(['Hugo', 'Hexo', 'Jekyll', 'Nikola']);
    const bare = '## Others\n\n- [Jekyll](https://jekyllrb.com/)\n- [Nikola](https://getnikola.com/)\n';
    expect(names(`# SSGs\n\n${body('Hugo')}\n${body('Hexo')}\n${bare}`)).toEqual(['Hugo', 'Hexo']);
  });

  it('leaves a footnote reference out of a pro', () => {
    const doc = '# SSGs\n\n## Hugo\n\nHugo is fast.\n\n**Pros:**\n\n- Themes can be overridden.[^1]\n- Fast\n\n## Hexo\n\nHexo is a Node.js generator.\n\n[^1]: By copying a layout into the site.\n';
    expect(parse(doc).entries[0]?.pros).toEqual(['Themes can be overridden.', 'Fast']);
  });

  it('keeps an empty section among its sibling entries, but not a title over the article', () => {
    expect(names('# Overview\n\n## Tkinter\n\n## wxPython\n\nA wrapper of wxWidgets.\n\n## Kivy\n\nA touch-first toolkit.\n')).toEqual(['Tkinter', 'wxPython', 'Kivy']);
  });

  it('reads a pasted page indented as code: its paragraphs, and the lines after "Advantages:" as pros', () => {
    const entry = (n: string) => `#${n.length} ${n}\n\n    ${n} is a library for plotting. It draws charts.\n\n    Advantages:\n\n        Flexible usage.\n        Many backends.\n\n    Disadvantages:\n        Two interfaces confuse novices.\n`;
    const { entries } = parse(`Top libraries\n\n${entry('Matplotlib')}\n${entry('Seaborn')}`);
    expect(entries.map((e) => [e.name, e.pros, e.cons])).toEqual([
      ['Matplotlib', ['Flexible usage.', 'Many backends.'], ['Two interfaces confuse novices.']],
      ['Seaborn', ['Flexible usage.', 'Many backends.'], ['Two interfaces confuse novices.']],
    ]);
  });

  it('reads pasted bullet characters ("• Pros", "○ Fast") as lists, indented as code or not, but not "- " lines of code', () => {
    const indented = (n: string) => `#### ${n}\n\t• Pros\n\t\t○ Fast\n\t\t○ Small\n\t• Cons\n\t\t○ Young\n`;
    const flat = (n: string) => `#### ${n}\n\n• Pros\n○ Fast\n○ Small\n• Cons\n○ Young\n`;
    for (const entry of [indented, flat]) {
      expect(parse(`# Frameworks\n\n${entry('Preact')}\n${entry('Solid')}`).entries.map((e) => [e.name, e.pros, e.cons])).toEqual([
        ['Preact', ['Fast', 'Small'], ['Young']],
        ['Solid', ['Fast', 'Small'], ['Young']],
      ]);
    }
    const yaml = '## Preact\n\nPreact is small.\n\n    - name: build\n    - name: test\n\n## Solid\n\nSolid is fast.\n';
    expect(parse(`# Frameworks\n\n${yaml}`).entries.map((e) => e.pros)).toEqual([[], []]);
  });

  it('takes unlabelled lists for pros only as a pattern: in every entry, each point a short phrase', () => {
    const entry = (n: string, list: string) => `## ${n}\n\n${n} is a web framework for building APIs.\n\n${list}\n`;
    const short = '- Fast routing\n- Good documentation\n';
    expect(parse(`# Top 2\n\n${entry('Koa', short)}\n${entry('Hapi', short)}`).entries.map((e) => e.pros)).toEqual([
      ['Fast routing', 'Good documentation'],
      ['Fast routing', 'Good documentation'],
    ]);
    const explained = '- Routing: every route is declared once, with its validation and its handler.\n';
    expect(parse(`# Top 2\n\n${entry('Koa', explained)}\n${entry('Hapi', explained)}`).entries.map((e) => e.pros)).toEqual([[], []]);
    expect(parse(`# Top 2\n\n${entry('Koa', short)}\n${entry('Hapi', '')}`).entries.map((e) => e.pros)).toEqual([[], []]);
  });

  it('does not take a phrase the prose writes in lowercase for a name', () => {
    const doc = [
      '# Writing CSS', '', '## Design Constraints', '', '### User Experience', '', 'A good user experience comes first; the user experience decides.', '',
      '### Developer Experience', '', 'The developer experience matters too.', '', '### Build Steps', '', 'Every build step costs time; fewer build steps are better.', '',
      '## My Recommendations', '', '### [Tailwind CSS](https://tailwindcss.com)', '', 'Tailwind CSS is a utility-first framework.', '',
      '### [StyleX](https://stylexjs.com)', '', 'StyleX compiles styles at build time.', '',
    ].join('\n');
    expect(names(doc)).toEqual(['Tailwind CSS', 'StyleX']);
  });

  it('splits a table cell holding list items or <br> lines into one pro or con each', () => {
    const doc = [
      '# Scrapers', '', '<table>', '<tr><th>Library</th><th>Pros</th><th>Cons</th></tr>',
      '<tr><td>Scrapy</td><td><li>Fast</li><li>Parallel</li></td><td>Steep<br>More setup</td></tr>',
      '<tr><td>Selenium</td><td><li>Dynamic pages</li></td><td>Slow</td></tr>', '</table>', '',
    ].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.pros, e.cons])).toEqual([
      ['Scrapy', ['Fast', 'Parallel'], ['Steep', 'More setup']],
      ['Selenium', ['Dynamic pages'], ['Slow']],
    ]);
  });

  it('takes the language the lead above the entries states, where the opening names several', () => {
    const doc = [
      '# Assignment', '', 'We compared JavaScript and Python tooling for this course.', '', '## Choosing a library', '',
      'Requests and HTTPX are two popular libraries for HTTP in Python.', '',
      '| Library | Description |', '| --- | --- |', '| Requests | Simple and well known |', '| HTTPX | Async and HTTP/2 |', '',
    ].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.language])).toEqual([['Requests', 'Python'], ['HTTPX', 'Python']]);
  });

  it('reads the same sub-headings under each criterion as one entry each, and a sub-heading naming several as none', () => {
    const section = (criterion: string, got: string) =>
      `## ${criterion}\n\n### Axios\n\nAxios ${got}.\n\n### Got\n\nGot ${got} too.\n\n### Axios, Got\n\nBoth ${got}.\n`;
    expect(names(`# HTTP clients compared\n\n${section('Browser', 'runs in browsers')}\n${section('Streams', 'streams bodies')}`)).toEqual(['Axios', 'Got']);
  });

  it('reads a table of links under category headers as one entry per cell, row by row', () => {
    const doc = '# Libraries\n\nWidely used | Task oriented\n--- | ---\n[Numpy](#numpy) | [SymPy](#sympy)\n[Pandas](#pandas) | [Scrapy](#scrapy)\n';
    expect(names(doc)).toEqual(['Numpy', 'SymPy', 'Pandas', 'Scrapy']);
  });

  it('reads "Option N: Name ⭐ TAG" headings by their name, an expansion in parentheses as an alias, and leaves the sections after the last option out', () => {
    const option = (n: number, name: string) => `## Option ${n}: ${name}\n\n### Pros\n- Fast\n\n### Cons\n- New\n`;
    const doc = `# Gateways compared\n\n${option(1, 'YARP (Yet Another Reverse Proxy) ⭐ **RECOMMENDED**')}\n${option(2, 'Ocelot')}\n${option(3, 'Kong')}\n## Recommendation for Your Project\n\nUse YARP.\n\n## Implementation Strategy\n\nStart small.\n`;
    const { entries } = parse(doc);
    expect(entries.map((e) => [e.name, e.aliases])).toEqual([['YARP', ['Yet Another Reverse Proxy']], ['Ocelot', []], ['Kong', []]]);
  });

  it('reads the pros and cons lines of a list that also holds other labelled lines ("Best for:")', () => {
    const entry = (name: string) => `### ${name}\n- **Pros**: Trusted, easy\n- **Cons**: Fees\n- **Best for**: Shops\n`;
    expect(parse(`# Payments\n\n${entry('PayPal')}\n${entry('Square')}`).entries.map((e) => [e.pros, e.cons])).toEqual([
      [['Trusted, easy'], ['Fees']],
      [['Trusted, easy'], ['Fees']],
    ]);
  });

  it('reads "PRO:" / "CONS:" and Spanish "Ventajas" / "Desventajas" as labels', () => {
    const doc = '# Orchestrators\n\n## Nomad\n\nA scheduler.\n\nPRO:\n\n- Simple\n\nCONS:\n\n- Small community\n\n## Kubernetes\n\nAn orchestrator.\n\n**Ventajas**\n\n- Comunidad amplia\n\n**Desventajas**\n\n- Complejo\n';
    expect(parse(doc).entries.map((e) => [e.pros, e.cons])).toEqual([
      [['Simple'], ['Small community']],
      [['Comunidad amplia'], ['Complejo']],
    ]);
  });

  it('takes a Language cell that is only "Go" as Go, and drops list markers typed into a cell', () => {
    const doc = '# SSGs\n\n<table><tr><th>Name</th><th>Language</th><th>Key Features</th></tr><tr><td>Hugo</td><td>Go</td><td>- Fast<br/>- Modular</td></tr><tr><td>Jekyll</td><td>Ruby</td><td>- Blog-aware</td></tr></table>\n';
    expect(parse(doc).entries.map((e) => [e.name, e.language, e.pros])).toEqual([
      ['Hugo', 'Go', ['Fast', 'Modular']],
      ['Jekyll', 'Ruby', ['Blog-aware']],
    ]);
  });

  it('keeps headings between two entries that do not read as names, and drops a first section that only announces the others', () => {
    const body = (n: string) => `${n} builds static sites from Markdown.\n`;
    const doc = `# Static site generators\n\n## Existing Solutions\n\nThere are battle tested solutions:\n\n## Vuepress\n\n${body('Vuepress')}\n## Nuxt Static Generated mode\n\n${body('Nuxt')}\n## Poi + vue-static\n\n${body('Poi')}\n## Saber\n\n${body('Saber')}`;
    expect(names(doc)).toEqual(['Vuepress', 'Nuxt Static Generated mode', 'Poi + vue-static', 'Saber']);
    const announced = `# flutter_concepts\n\nHere are some common solutions in Flutter:\n\n# setState:\n\n${body('setState')}\n# Provider:\n\n${body('Provider')}\n# GetX:\n\n${body('GetX')}`;
    expect(parse(announced).entries.map((e) => [e.name, e.language])).toEqual([['setState', 'Dart'], ['Provider', 'Dart'], ['GetX', 'Dart']]);
  });

  it('reads "Used by X, Y" points and "Key Features:" lines, and drops a category in parentheses from a name', () => {
    const doc = '# PHP libraries\n\n#### PHPUnit (testing)\n\nA test runner.\n\n- Used by Symfony, Laravel\n- Runs in CI\n\nIt is widely used.\n\n- **Key Features**: Mocks, coverage\n\n#### Monolog (logging)\n\nA logger.\n\n- **Key Features**: Handlers, formatters\n';
    expect(parse(doc).entries.map((e) => [e.name, e.pros, e.notableUsers])).toEqual([
      ['PHPUnit', ['Mocks, coverage'], ['Symfony', 'Laravel']],
      ['Monolog', ['Handlers, formatters'], []],
    ]);
  });

  it('reads "##Name" headings and "*Text" bullets typed without a space, and lists an entry written twice once', () => {
    const entry = (n: string, pro: string) => `##${n}\n###Strengths:\n* ${pro}\n\n###Weaknesses:\n*Not ${pro.toLowerCase()}\n`;
    const doc = `#NoSQL Databases\n${entry('MongoDB', 'Flexible')}\n${entry('CouchDB', 'Replicated')}\n${entry('RavenDB', 'Fast')}\n${entry('CouchDB', 'Again')}`;
    expect(parse(doc).entries.map((e) => [e.name, e.pros, e.cons])).toEqual([
      ['MongoDB', ['Flexible'], ['Not flexible']],
      ['CouchDB', ['Replicated'], ['Not replicated']],
      ['RavenDB', ['Fast'], ['Not fast']],
    ]);
    expect(names('# Notes\n\n#hashtag\n\n## Vite\n\nA bundler.\n\n## Parcel\n\nAnother.\n')).toEqual(['Vite', 'Parcel']);
  });

  it('takes each entry\'s language from a "Technologie" column', () => {
    const doc = '# Top 2 frameworks\n\n| Framework | Technologie |\n| --- | --- |\n| Angular | Html / TypeScript |\n| Ember | JavaScript |\n';
    expect(parse(doc).entries.map((e) => [e.name, e.language])).toEqual([['Angular', 'TypeScript'], ['Ember', 'JavaScript']]);
  });

  it('keeps the count the section heading above the entries promises, where the title promises none', () => {
    const editor = (n: string) => `### ${n}\n\n${n} is a free code editor.\n`;
    const doc = `# Chapter 13\n\n## 13.1 Code Editors\n\nEditors edit code.\n\n## 13.2 Top 3 Free Code Editors\n\n${['Atom', 'Brackets', 'Vim'].map(editor).join('\n')}\n## 13.3 Web Browser\n\nBrowsers show pages.\n`;
    const { entries, decision } = parse(doc);
    expect(entries.map((e) => e.name)).toEqual(['Atom', 'Brackets', 'Vim']);
    expect(decision.reasons).toContain("count matches the section heading's promise");
  });

  it('takes the sections judging each option over the "Considered Options" list that names them, a linked name as a name', () => {
    const option = (n: string) => `### ${n}\n\n- Good, because it is fast.\n- Bad, because it is new.\n`;
    const doc = [
      '# Select a test runner', '', '## Considered Options', '',
      '- [Jest](https://jestjs.io/): popular runner.', '- [Vitest](https://vitest.dev/): Vite-powered runner.', '- [Node test runner](https://nodejs.org/api/test.html): built in.', '',
      '## Pros and Cons of the Options', '', option('Jest'), option('Vitest'), option('Node test runner'),
    ].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.pros, e.cons])).toEqual(
      ['Jest', 'Vitest', 'Node test runner'].map((n) => [n, ['it is fast.'], ['it is new.']]),
    );
  });

  it('reads a table whose first header names the rows ("Provider") by its rows, and ":star:" shortcodes and a leading digit as written', () => {
    const doc = '# VPNs\n\n| Provider | Price | Servers |\n| --- | --- | --- |\n| :star: [NordVPN](https://nordvpn.com/) | $11.99 | 5,500+ |\n| :star: [1Password](https://1password.com/) (Paid) | $3 | 0 |\n| Surfshark | $12.95 | 3,200+ |\n';
    expect(names(doc)).toEqual(['NordVPN', '1Password', 'Surfshark']);
  });

  it('states no language from a list of several ("written in Java, Python, or PHP", "CSS and JavaScript-based") nor from "CSS-in-JS"', () => {
    const entry = (n: string, text: string) => `## ${n}\n\n${text}\n`;
    const doc = [
      '# Monitoring tools', '',
      entry('Pinpoint', 'Pinpoint traces large distributed systems written in Java, Python, or PHP.'),
      entry('Bootstrap', 'A framework of CSS and JavaScript-based templates.'),
      entry('StyleX', 'StyleX is the latest CSS-in-JS library from Meta.'),
      entry('Micronaut', 'Micronaut is a framework written in Java.'),
    ].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.language])).toEqual([['Pinpoint', null], ['Bootstrap', null], ['StyleX', null], ['Micronaut', 'Java']]);
  });

  it('drops a maker\'s credit from a name ("Pop!_OS by System76") and reads users named with what they are ("IKEA, a furniture company, and Honeywell")', () => {
    const doc = [
      '# Distributions', '', '## Fedora', '', 'Fedora is a community distribution.', '',
      '## Pop!_OS by System76', '', 'Brands such as IKEA, a global furniture company, and Honeywell, a large corporation, use it.', '',
      '## Debian', '', 'Debian is a universal operating system.', '',
    ].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.notableUsers])).toEqual([['Fedora', []], ['Pop!_OS', ['IKEA', 'Honeywell']], ['Debian', []]]);
  });

  it('reads the list a sentence introduces ("Some of the key features of X include:", "… drawbacks, which include:") as its features or cons', () => {
    const doc = [
      '# APM tools', '',
      '## Pinpoint', '', 'Pinpoint traces transactions. Some of the key features of Pinpoint include:', '', '- Application topology at a glance', '- Real-time monitoring', '',
      'Teams running Pinpoint mention a few drawbacks, which include:', '', '- Java agents only', '',
      '## Zipkin', '', 'Zipkin is a tracing system. It was started at Twitter.', '', '- Install with Docker', '- Open the UI', '',
    ].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.pros, e.cons])).toEqual([
      ['Pinpoint', ['Application topology at a glance', 'Real-time monitoring'], ['Java agents only']],
      ['Zipkin', [], []],
    ]);
  });

  it('reads a chat answer\'s "Gin: Gin is …" paragraphs as entries, but not "Step 1:" or a single "Note:"', () => {
    const para = (n: string) => `${n}: ${n} is a lightweight framework for building web applications in Go. It has routing.\n`;
    const doc = ['Which framework do you recommend?', '', 'Note: this is a short answer, and it is only a starting point for you.', '', para('Gin'), para('Echo'), para('Fiber'), 'These are a few of them.'].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.language])).toEqual([['Gin', 'Go'], ['Echo', 'Go'], ['Fiber', 'Go']]);
  });

  it('reads "1. Hugo" lines alone in their list as names, and a "Language : `Go`" point as the language', () => {
    const entry = (n: string, l: string) => `${n}\n- Language : \`${l}\`\n- Template Engine : \`Tera\`\n- Purpose : A fast generator.\n`;
    const doc = `Static Site Generators\n\n${entry('1. Hugo', 'Go')}${entry('2. Zola', 'Rust')}${entry('3. Eleventy.js', 'JavaScript')}`;
    expect(parse(doc).entries.map((e) => [e.name, e.language])).toEqual([['Hugo', 'Go'], ['Zola', 'Rust'], ['Eleventy.js', 'JavaScript']]);
  });

  it('reads "[Hugo](…) - text." paragraphs under language headings, the first heading included, and "**Programming language:** Dart."', () => {
    const doc = [
      '# Static Site Generators', '', '## Go (aka Golang)', '', '[Hugo](https://gohugo.io/) - static site generator that claims to be the fastest.', '',
      '## Ruby', '', '[Jekyll](https://jekyllrb.com/) - Pretty popular with bloggers. Used by [GitHub Pages](https://pages.github.com/).', '',
      '[Middleman](https://middlemanapp.com/) - a generator for developers who like modern tools.', '',
      '## Others', '', '[Static Shock](https://staticshock.io/) - a new generator that builds sites with plugins.', '', '**Programming language:** Dart.', '',
    ].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.language, e.notableUsers])).toEqual([
      ['Hugo', 'Go', []], ['Jekyll', 'Ruby', ['GitHub Pages']], ['Middleman', 'Ruby', []], ['Static Shock', 'Dart', []],
    ]);
  });

  it('reads plain "Name: description" lines under category lines, and the language the opening sentence is about', () => {
    const doc = '# LIBRARIES\nPython has a rich ecosystem of libraries for various purposes\n\n1. Data Analysis\nPandas: Data manipulation and analysis.\nNumPy: Numerical computations.\n\n2. Machine Learning\nscikit-learn: Classical machine learning algorithms.\n';
    expect(parse(doc).entries.map((e) => [e.name, e.language])).toEqual([['Pandas', 'Python'], ['NumPy', 'Python'], ['scikit-learn', 'Python']]);
  });

  it('reads one user opening a sentence ("Netflix uses it"), "used by their Instagram as well as Netflix", but not "Everyone uses it"', () => {
    const doc = [
      '# Frameworks', '', '## FastAPI', '', 'FastAPI is fast. Netflix uses it for its internal crisis management.', '',
      '## React', '', 'React was created by Facebook and is used by their Instagram as well as Netflix and Dropbox, among others.', '',
      '## Flask', '', 'Flask is small. Everyone uses it for prototypes.', '',
    ].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.notableUsers])).toEqual([['FastAPI', ['Netflix']], ['React', ['Instagram', 'Netflix', 'Dropbox']], ['Flask', []]]);
  });

  it('does not count a relative link (to the article\'s own repository) as an entry\'s own site', () => {
    const doc = [
      '# Top 3 Server-Side Frameworks for Kotlin', '', 'A demo of each one:', '',
      '* 🥇 [Spring Boot](https://spring.io/projects/spring-boot)', '* 🥈 [Quarkus](https://quarkus.io/)', '* 🥉 [Ktor](https://ktor.io/)', '',
      'Please find below a step-by-step guide for each one. Here we go!', '',
      '* 🥇 [Spring Boot App](springboot-app)', '* 🥈 [Quarkus App](quarkus-app)', '* 🥉 [Ktor App](ktor-app)', '',
    ].join('\n');
    const url = 'https://raw.githubusercontent.com/someone/top-3/main/README.md';
    const names = (u: string) => parseSource(doc, u, 'text/markdown').entries.map((e) => e.name);
    expect(names(url)).toEqual(['Spring Boot', 'Quarkus', 'Ktor']);
    expect(names('/home/editor/README.md')).toEqual(['Spring Boot', 'Quarkus', 'Ktor']);
  });

  it('reads the list under "Some popular companies using Rails:" as users, drops JSX\'s {\' \'} and takes "using JavaScript and React" as JavaScript', () => {
    const doc = [
      '# Frameworks', '', '## Rails', '', 'Rails is productive.', '', '### Some popular companies using Rails:', '', '- Airbnb', '- GitHub', '',
      '## React Native', '', '- Builds native mobile apps using JavaScript and React', '', '### Features', '', "- Fast refresh{' '}", '- Native modules', '',
    ].join('\n');
    expect(parse(doc).entries.map((e) => [e.name, e.language, e.pros, e.notableUsers])).toEqual([
      ['Rails', null, [], ['Airbnb', 'GitHub']],
      ['React Native', 'JavaScript', ['Fast refresh', 'Native modules'], []],
    ]);
  });
});
