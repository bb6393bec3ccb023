/** `stackradar sql "QUERY"`: one read-only statement, refused before it runs if it could write. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { systemFunctionIn } from '../../store/sql-guard.js';
import { createContext } from '../context.js';
import type { Format } from '../../format/rows.js';
import { printRows } from '../print.js';

const READ_KEYWORDS = new Set(['select', 'with', 'values', 'table', 'show', 'explain']);

/** Strips leading whitespace, comments and parentheses to find the statement's first keyword. */
export function firstKeyword(text: string): string {
  const stripped = text.replace(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/|\()*/, '');
  return /^[a-z]+/i.exec(stripped)?.[0]?.toLowerCase() ?? '';
}

/**
 * The transaction is READ ONLY on both drivers and the statement goes through the extended protocol
 * (which rejects several statements); the keyword check also keeps out statements a read-only
 * transaction allows but that are not queries (COPY … TO PROGRAM, SET, COMMIT), and the name check the
 * system functions it allows (pg_read_file, lo_import, set_config, dblink…). On a server the statement
 * also runs as a role that can only read (reader-role.ts).
 */
export function checkQuery(text: string): void {
  if (!text.trim()) throw new UsageError('sql: the query is empty');
  const keyword = firstKeyword(text);
  if (!READ_KEYWORDS.has(keyword)) {
    throw new UsageError(
      `sql: only read-only queries are allowed (SELECT, WITH, VALUES, TABLE, SHOW, EXPLAIN), not ${keyword.toUpperCase() || 'this statement'}`,
    );
  }
  // A READ ONLY transaction still lets a superuser read server files, run programs or change settings.
  const system = systemFunctionIn(text);
  if (system) throw new UsageError(`sql: ${system}() is not allowed: it reaches the server's files, processes or settings`);
}

function explain(error: unknown): never {
  const pgError = error as { code?: string; message?: string };
  const message = pgError.message ?? String(error);
  if (/cannot insert multiple commands/i.test(message)) {
    throw new UsageError('sql: exactly one statement is allowed');
  }
  if (pgError.code === '25006') throw new UsageError(`sql: only read-only queries are allowed: ${message}`);
  throw new UsageError(`sql: ${message}`);
}

export async function runSql(command: Command, query: string, options: { format: Format }): Promise<void> {
  checkQuery(query);
  const context = createContext(command);
  const result = await context.withReader((store) => store.readOnlyQuery(query).catch(explain));
  printRows(result.rows, options.format, result.columns);
}
