/**
 * What a reader may not run, decided on the tokens of the statement (sql-tokens.ts):
 * - systemFunctionIn(): functions that reach the server's files, processes or settings, or run SQL
 *   given as text. A READ ONLY transaction allows them all, so `stackradar sql` and the served
 *   database refuse them by name.
 * - servedStatementProblem(): what the served embedded database refuses besides those: any statement
 *   that is not a read, and any way to turn its read-only mode off (SET/RESET of the read-only
 *   settings, READ WRITE transactions, RESET ALL, DISCARD ALL, SET ROLE, SET SESSION AUTHORIZATION).
 */
import { statements, type Token } from './sql-tokens.js';

const SYSTEM_FUNCTIONS = new Set([
  'pg_read_file',
  'pg_read_binary_file',
  'pg_stat_file',
  'lo_import',
  'lo_export',
  'set_config',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_signal_backend',
  'pg_promote',
  'pg_switch_wal',
  'pg_create_restore_point',
  'pg_log_backend_memory_contexts',
  // These run a query given as text, which no name check could see into.
  'ts_stat',
  'ts_rewrite',
]);
const SYSTEM_FUNCTION_PREFIXES = ['pg_ls_', 'pg_file_', 'dblink', 'query_to_xml'];

/** Settings a client could use to undo the served database's read-only mode. */
const READ_ONLY_SETTINGS = new Set(['default_transaction_read_only', 'transaction_read_only']);

/** Statements a reader needs: queries, transactions and cursors, SET/RESET of harmless settings, COPY TO STDOUT. */
const SERVED_STATEMENTS = new Set([
  'select', 'with', 'values', 'table', 'show', 'explain',
  'begin', 'start', 'commit', 'end', 'rollback', 'abort', 'savepoint', 'release',
  'declare', 'fetch', 'move', 'close', 'deallocate', 'set', 'reset', 'discard', 'copy',
]);

const isName = (token: Token | undefined) => token?.kind === 'word' || token?.kind === 'name';

function isSystemFunction(name: string): boolean {
  return SYSTEM_FUNCTIONS.has(name) || SYSTEM_FUNCTION_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** The first system function a query names (outside string literals and comments), if any. */
export function systemFunctionIn(text: string): string | undefined {
  for (const statement of statements(text)) {
    const found = statement.find((token) => isName(token) && isSystemFunction(token.text));
    if (found) return found.text;
  }
  return undefined;
}

/** The keywords and bare identifiers of a statement, in order (a leading parenthesis is not a word). */
function wordsOf(statement: Token[]): string[] {
  return statement.filter((token) => token.kind === 'word').map((token) => token.text);
}

function hasSequence(words: string[], first: string, second: string): boolean {
  return words.some((word, i) => word === first && words[i + 1] === second);
}

/** Why one statement is refused by the served database, or undefined. */
function statementProblem(statement: Token[]): string | undefined {
  const words = wordsOf(statement);
  const [first = '', ...rest] = words;
  const next = rest.find((word) => word !== 'session' && word !== 'local');
  if (!SERVED_STATEMENTS.has(first)) return `${first.toUpperCase() || 'this statement'} is not allowed`;
  const system = statement.find((token) => isName(token) && isSystemFunction(token.text));
  if (system) return `${system.text}() is not allowed`;
  if (first !== 'show' && statement.some((token) => isName(token) && READ_ONLY_SETTINGS.has(token.text))) {
    return 'the read-only settings cannot be changed';
  }
  if (hasSequence(words, 'read', 'write')) return 'READ WRITE transactions are not allowed';
  // U&"…" UESCAPE '…' could spell a name this check does not decode.
  if (words.includes('uescape')) return 'UESCAPE is not allowed';
  if (first === 'set' && next === 'role') return 'SET ROLE is not allowed';
  if (first === 'set' && next === 'authorization') return 'SET SESSION AUTHORIZATION is not allowed';
  if (first === 'reset' && (rest[0] === 'all' || rest[0] === 'role' || rest[0] === 'session')) {
    return `RESET ${rest[0].toUpperCase()} is not allowed`;
  }
  if (first === 'discard' && !['plans', 'sequences', 'temp', 'temporary'].includes(rest[0] ?? '')) return 'DISCARD ALL is not allowed';
  if (first === 'copy' && (!hasSequence(words, 'to', 'stdout') || words.includes('program'))) return 'only COPY … TO STDOUT is allowed';
  return undefined;
}

/** Why the served database refuses a query string (every statement in it is checked), or undefined. */
export function servedStatementProblem(text: string): string | undefined {
  for (const statement of statements(text)) {
    const problem = statementProblem(statement);
    if (problem) return problem;
  }
  return undefined;
}
