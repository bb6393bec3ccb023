/**
 * The layers of src/, enforced in CI (`npm run lint:deps`): cli → jobs → (ingest, enrich, report, notify,
 * review) → store → (catalog, domain, format, http, config, errors, logger). An import may only point down,
 * the five stages do not import one another, review is pure, and there are no cycles. docs/architecture.md
 * explains why.
 */
const base = '^src/(catalog|domain|format|http|config\\.ts|errors\\.ts|logger\\.ts)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'cli-is-the-top',
      comment: 'Only the CLI imports the CLI.',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'jobs-below-cli-only',
      comment: 'Only the CLI and the jobs themselves import the jobs.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|jobs)/' },
      to: { path: '^src/jobs/' },
    },
    {
      name: 'stages-stand-apart',
      comment: 'ingest, enrich, report, notify and review do not import one another.',
      severity: 'error',
      from: { path: '^src/(ingest|enrich|report|notify|review)/' },
      to: { path: '^src/(ingest|enrich|report|notify|review)/', pathNot: '^src/$1/' },
    },
    {
      name: 'review-is-pure',
      comment: 'Review derives findings from rows it is handed: it reads no database and sends no request (the review stage and command do the reading).',
      severity: 'error',
      from: { path: '^src/review/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'review-needs-no-io',
      comment: 'No Node module or package in review either: its rules are plain functions of their input.',
      severity: 'error',
      from: { path: '^src/review/' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'store-below-the-stages',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(ingest|enrich|report|notify|review|jobs|cli)/' },
    },
    {
      name: 'base-at-the-bottom',
      comment: 'Configuration, errors, logging, formatting, the catalog and the domain types import nothing above them.',
      severity: 'error',
      from: { path: base },
      to: { path: '^src/(ingest|enrich|report|notify|review|jobs|cli)/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      from: { orphan: true, path: '^src/', pathNot: ['\\.d\\.ts$', '^src/cli/main\\.ts$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
