/**
 * `stackradar frameworks`: what the catalog knows (bundled, merged with STACKRADAR_CATALOG / --catalog),
 * so a user can see the names, aliases, repositories, docs and packages before writing a catalog of
 * their own. Reads no database.
 */
import type { Command } from 'commander';
import type { CatalogFramework } from '../../catalog/catalog.js';
import type { Format, OutputRow } from '../../format/rows.js';
import { createContext } from '../context.js';
import { printRows } from '../print.js';

const COLUMNS = ['name', 'slug', 'language', 'aliases', 'repo', 'docs', 'package'];

/** JSON keeps the package as an object; the text formats read it as "registry name". */
function row(framework: CatalogFramework, format: Format): OutputRow {
  const { name, slug, language, aliases, repo, docs } = framework;
  const pkg = framework.package ?? null;
  return { name, slug, language, aliases, repo, docs, package: format === 'json' || pkg === null ? pkg : `${pkg.registry} ${pkg.name}` };
}

export function runFrameworks(command: Command, options: { format: Format }): void {
  const { catalog } = createContext(command);
  printRows(catalog.all().map((framework) => row(framework, options.format)), options.format, COLUMNS);
}
