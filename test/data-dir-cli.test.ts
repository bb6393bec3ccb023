/**
 * The embedded database's directory: a file, a path under a file, a directory without permission and a
 * folder of other files are each refused with exit 2 and one line naming the directory and the problem,
 * before anything is written; a new or empty directory becomes a data directory.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

/** As root, permissions are not enforced: the permission case runs as `nobody`. */
const NOBODY = 65534;
const asUser = process.getuid?.() === 0 ? NOBODY : undefined;

describe('the data directory', () => {
  let dir: string;
  const refusal = async (dataDir: string, uid?: number) => {
    const result = await runCli(['runs', '--data-dir', dataDir], { uid, cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    return result.stderr;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stackradar-data-dir-'));
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file, a path under a file, and a folder of other files, leaving them as they were', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    expect(await refusal(file)).toBe(`stackradar: data directory ${file}: is a file, not a directory\n`);
    expect(await refusal(path.join(file, 'data'))).toBe(`stackradar: data directory ${path.join(file, 'data')}: ${file} is a file, not a directory\n`);

    const folder = path.join(dir, 'documents');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'report.odt'), 'mine');
    expect(await refusal(folder)).toBe(
      `stackradar: data directory ${folder}: is not empty and is not a stackradar data directory (it has no PG_VERSION); give a new or empty directory\n`,
    );
    expect(readdirSync(folder)).toEqual(['report.odt']);
    expect(readdirSync(dir).sort()).toEqual(['documents', 'notes.txt']);
  });

  it('refuses a directory it may not write, and one it may not create', async (context) => {
    // As `nobody` the CLI must be readable: a checkout under a private directory (mode 0700) is not.
    if (asUser !== undefined && (await runCli(['--version'], { uid: asUser, cwd: dir })).code !== 0) {
      context.skip(`the CLI cannot run as uid ${asUser} from this checkout (a parent directory is private)`);
    }
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    expect(await refusal(locked, asUser)).toBe(`stackradar: data directory ${locked}: permission denied (it must be readable and writable)\n`);
    expect(await refusal(path.join(locked, 'data'), asUser)).toBe(`stackradar: data directory ${path.join(locked, 'data')}: cannot create it: permission denied in ${locked}\n`);
  });

  it('makes an empty directory a data directory', async () => {
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    const result = await runCli(['runs', '--format', 'json', '--data-dir', empty], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('[]\n');
    // What marks it as a data directory from now on (every other test reopens one).
    expect(readdirSync(empty)).toContain('PG_VERSION');
  });
});
