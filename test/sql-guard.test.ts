/** The read-only guards decide on tokens: names in strings and comments are not calls; quoted or escaped ones are. */
import { describe, expect, it } from 'vitest';
import { servedStatementProblem, systemFunctionIn } from '../src/store/sql-guard.js';
import { statements } from '../src/store/sql-tokens.js';

describe('statements', () => {
  it('splits at semicolons outside strings, quoted names, dollar quotes and comments', () => {
    const split = statements(`select 'a;b', "c;d" from t; /* x; /* nested; */ y; */ select $q$ e;f $q$ -- g; h\n;`);
    expect(split).toHaveLength(2);
    expect(split[0]).toEqual([
      { kind: 'word', text: 'select' },
      { kind: 'string', text: 'a;b' },
      { kind: 'symbol', text: ',' },
      { kind: 'name', text: 'c;d' },
      { kind: 'word', text: 'from' },
      { kind: 'word', text: 't' },
    ]);
    expect(split[1]).toEqual([
      { kind: 'word', text: 'select' },
      { kind: 'string', text: ' e;f ' },
    ]);
  });

  it('decodes escaped names and strings', () => {
    expect(statements(`U&"a\\0062c" E'x\\x41\\'y' 'it''s'`)[0]).toEqual([
      { kind: 'name', text: 'abc' },
      { kind: 'string', text: "xA'y" },
      { kind: 'string', text: "it's" },
    ]);
  });
});

describe('servedStatementProblem', () => {
  it.each([
    'select * from framework_latest',
    "select name, setting from pg_settings where name = 'default_transaction_read_only'",
    'show default_transaction_read_only',
    '/* insert into runs */ select 1 -- ; delete from runs',
    "select 'set_config(1)' as text",
    'begin read only; select 1; commit',
    'begin; declare c cursor for select 1; fetch 1 from c; close c; rollback',
    "set application_name = 'psql'; set search_path to public; reset search_path",
    'set session characteristics as transaction read only',
    'copy (select 1) to stdout with (format csv)',
    'discard plans',
  ])('allows %s', (text) => {
    expect(servedStatementProblem(text)).toBeUndefined();
  });

  it.each([
    ["insert into runs values (1)", 'INSERT is not allowed'],
    ['select 1; drop table runs', 'DROP is not allowed'],
    ['do $$ begin end $$', 'DO is not allowed'],
    ["select \"set_config\"('a', 'b', false)", 'set_config() is not allowed'],
    ["select pg_ls_dir('.')", 'pg_ls_dir() is not allowed'],
    ['set local transaction_read_only = off', 'the read-only settings cannot be changed'],
    ['begin transaction read write', 'READ WRITE transactions are not allowed'],
    ['set session authorization default', 'SET SESSION AUTHORIZATION is not allowed'],
    ['reset session authorization', 'RESET SESSION is not allowed'],
    ['discard all', 'DISCARD ALL is not allowed'],
    ["copy runs to '/tmp/runs'", 'only COPY … TO STDOUT is allowed'],
    ['copy runs from stdin', 'only COPY … TO STDOUT is allowed'],
    [`select U&"!0070g_read_file" uescape '!' ('x')`, 'UESCAPE is not allowed'],
  ])('refuses %s', (text, problem) => {
    expect(servedStatementProblem(text)).toBe(problem);
  });
});

describe('systemFunctionIn', () => {
  it.each([
    ["select pg_read_file('/etc/passwd')", 'pg_read_file'],
    ["select * from pg_catalog.pg_ls_dir('.')", 'pg_ls_dir'],
    ["select lo_import('/etc/hosts')", 'lo_import'],
    ["select dblink_exec('x', 'y')", 'dblink_exec'],
    ["select \"pg_stat_file\"('x')", 'pg_stat_file'],
    ["select U&\"pg\\005fread\\005fbinary\\005ffile\"('x')", 'pg_read_binary_file'],
    ['select pg_terminate_backend(1), pg_sleep(0)', 'pg_terminate_backend'],
  ])('finds the system function in %s', (text, name) => {
    expect(systemFunctionIn(text)).toBe(name);
  });

  it.each(["select 'pg_read_file' as name", '-- pg_read_file()\nselect 1', 'select pg_sleep(0.1)', 'select * from runs'])('finds none in %s', (text) => {
    expect(systemFunctionIn(text)).toBeUndefined();
  });
});
