/**
 * The layers of src/, enforced in CI (`npm run lint:deps`): cli → jobs → (ingest, enrich, report, notify) →
 * store → (catalog, domain, format, http, config, errors, logger). An import may only point down, the
 * four stages do not import one another, and there are no cycles. docs/architecture.md explains why.
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
      comment: 'ingest, enrich, report and notify do not import one another.',
      severity: 'error',
      from: { path: '^src/(ingest|enrich|report|notify)/' },
      to: { path: '^src/(ingest|enrich|report|notify)/', pathNot: '^src/$1/' },
    },
    {
      name: 'store-below-the-stages',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(ingest|enrich|report|notify|jobs|cli)/' },
    },
    {
      name: 'base-at-the-bottom',
      comment: 'Configuration, errors, logging, formatting, the catalog and the domain types import nothing above them.',
      severity: 'error',
      from: { path: base },
      to: { path: '^src/(store|ingest|enrich|report|notify|jobs|cli)/' },
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
