/** The command-line surface the README documents. Handlers are imported lazily so `--help` starts fast. */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { FORMATS } from '../format/rows.js';

const formatOption = () =>
  new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('table');

/** package.json sits two levels above both src/cli and dist/cli. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command('stackradar')
    .description('Scrape technology guides, enrich them with live GitHub data, and keep versioned snapshots.')
    .version(packageVersion(), '-V, --version')
    .option('--database-url <url>', 'PostgreSQL server to use (overrides DATABASE_URL)')
    .option('--data-dir <dir>', 'embedded database directory (overrides STACKRADAR_DATA_DIR)')
    .option('--catalog <file>', 'catalog JSON merged over the bundled one (overrides STACKRADAR_CATALOG)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  addRunCommands(program);
  addReadCommands(program);
  addEditorCommands(program);
  addSourcesCommand(program);
  addServiceCommands(program);
  return program;
}

/** The commands that change data: each is one run. */
function addRunCommands(program: Command): void {
  program
    .command('refresh')
    .description('one full run: ingest every source, enrich every framework, store a snapshot')
    .option('--source <url...>', 'article URL(s) (overrides STACKRADAR_SOURCE_URL)')
    .addOption(formatOption())
    .action(async (options, command: Command) => {
      const { runRefresh } = await import('./commands/refresh.js');
      await runRefresh(command, options);
    });

  program
    .command('ingest')
    .description('fetch (or read) and parse articles; store a new version when the content changed; print the entries')
    .option('--source <url...>', 'article URL(s) (overrides STACKRADAR_SOURCE_URL)')
    .option('--file <path...>', 'read saved articles (HTML or Markdown) from file(s) instead of fetching')
    .option('--explain', 'parse one source without storing anything and show how its entries were found')
    .option('--accept', 'store a doubtful parse anyway (never one without entries)')
    .addOption(formatOption())
    .action(async (options, command: Command) => {
      if (options.explain) {
        const { runExplain } = await import('./commands/ingest-explain.js');
        await runExplain(command, options);
        return;
      }
      const { runIngest } = await import('./commands/ingest.js');
      await runIngest(command, options);
    });

  program
    .command('enrich')
    .description('enrich the frameworks of the current article versions and store a snapshot')
    .option('--framework <name...>', 'only these frameworks')
    .addOption(formatOption())
    .action(async (options, command: Command) => {
      const { runEnrich } = await import('./commands/enrich.js');
      await runEnrich(command, options);
    });
}

/** What changed and what went stale, for the people who keep the articles: the feed and the review. */
function addEditorCommands(program: Command): void {
  program
    .command('feed')
    .description('the change events as an Atom 1.0, RSS 2.0 or JSON Feed 1.1 document, newest first')
    .addOption(new Option('-f, --format <format>', 'feed format').choices(['atom', 'rss', 'json']).default('atom'))
    .option('--since <window>', 'events of this window: 7d, 30d, 12w, 6m, 1y', '30d')
    .option('--kind <kind...>', 'only these kinds of event (article-changed, release, stars-milestone, anomaly, run-failed, …)')
    .option('--out <file>', 'write the feed to a file instead of stdout')
    .action(async (options, command: Command) => {
      const { runFeed } = await import('./commands/feed.js');
      await runFeed(command, options);
    });

  program
    .command('review')
    .description("the editor's desk: what in each tracked article went stale or wrong (no request sent)")
    .option('--source <url...>', 'only these articles')
    .addOption(new Option('--fail-on <severity>', 'exit 4 when a finding is at least this severe').choices(['high', 'medium']))
    .option('--all', 'also show docs links that could not be verified (401, 403, 429, 5xx, timeout)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS, 'html']).default('table'))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options, command: Command) => {
      const { runReview } = await import('./commands/review.js');
      await runReview(command, options);
    });
}

/** The commands that read what runs stored. */
function addReadCommands(program: Command): void {
  program
    .command('report')
    .description('trend report: latest figures, deltas, cadence, docs status')
    .option('--since <window>', 'history window of the charts and anomalies: 7d, 30d, 12w, 6m, 1y', '30d')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS, 'html']).default('table'))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .action(async (options, command: Command) => {
      const { runReport } = await import('./commands/report.js');
      await runReport(command, options);
    });

  program
    .command('history')
    .description('the stored history of one framework, a row per snapshot')
    .argument('<name>', 'framework name, alias or slug')
    .addOption(formatOption())
    .action(async (name: string, options, command: Command) => {
      const { runHistory } = await import('./commands/history.js');
      await runHistory(command, name, options);
    });

  program
    .command('diff')
    .description('what changed between the last two versions of an article')
    .option('--source <url>', 'the article (default: every stored source)')
    .addOption(formatOption())
    .action(async (options, command: Command) => {
      const { runDiff } = await import('./commands/diff.js');
      await runDiff(command, options);
    });

  program
    .command('sql')
    .description('run one read-only SQL statement against the configured database and print the rows')
    .argument('<query>', 'one SELECT / WITH / VALUES / TABLE / SHOW / EXPLAIN statement')
    .addOption(formatOption())
    .action(async (query: string, options, command: Command) => {
      const { runSql } = await import('./commands/sql.js');
      await runSql(command, query, options);
    });

  program
    .command('frameworks')
    .description('the catalog: every framework it knows, with aliases, repository, docs and package')
    .addOption(formatOption())
    .action(async (options, command: Command) => {
      const { runFrameworks } = await import('./commands/frameworks.js');
      runFrameworks(command, options);
    });

  program
    .command('runs')
    .description('recent runs: id, trigger, status, started, duration, counts, error')
    .option('--limit <n>', 'how many runs', '20')
    .addOption(formatOption())
    .action(async (options, command: Command) => {
      const { runRuns } = await import('./commands/runs.js');
      await runRuns(command, options);
    });
}

/** The tracked sources and their pins. */
function addSourcesCommand(program: Command): void {
  program
    .command('sources')
    .description('list the tracked sources, add and stop tracking some (their history stays), or pin how one is read')
    .argument('[action]', 'add, remove or set')
    .argument('[url...]', 'article URLs')
    .option('--entries <selector>', 'set: a CSS selector; each element it matches starts an entry')
    .option('--exclude <selector>', 'set: a CSS selector of elements to leave out (with --entries)')
    .option('--auto', 'set: drop the pin; entries are found by discovery again')
    .addOption(formatOption())
    .action(async (action: string | undefined, urls: string[], options, command: Command) => {
      const { runSources } = await import('./commands/sources.js');
      await runSources(command, action, urls, options);
    });
}

/** The long-running scheduler and database upkeep. */
function addServiceCommands(program: Command): void {
  program
    .command('schedule')
    .description('long-running scheduler; SIGINT/SIGTERM shut it down cleanly')
    .option('--cron <expr>', 'cron expression, 5 fields or 6 with seconds (overrides STACKRADAR_CRON)')
    .option('--run-now', 'also run once at start')
    .option('--port <port>', 'embedded database only: serve it on 127.0.0.1 on this port while scheduling (0: any free port)', '5433')
    .option('--no-serve', 'embedded database only: do not serve it')
    .option('--grace <seconds>', 'on SIGINT/SIGTERM, how long a run in progress may take to finish', '30')
    .action(async (options, command: Command) => {
      const { runSchedule } = await import('./commands/schedule.js');
      await runSchedule(command, options);
    });

  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations (every command also does this on open)')
    .action(async (_options, command: Command) => {
      const { runMigrate } = await import('./commands/db-migrate.js');
      await runMigrate(command);
    });
  db.command('serve')
    .description('serve the embedded database over the PostgreSQL wire protocol on 127.0.0.1')
    .option('--port <port>', 'TCP port', '5433')
    .action(async (options, command: Command) => {
      const { runServe } = await import('./commands/db-serve.js');
      await runServe(command, options);
    });
}
