// A run whose requests wait for a rate limit's token must not end before them: the token's timer keeps
// the process alive while a request waits (an unref'd one let Node exit mid-run with code 13).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./support/pacer-child.ts', import.meta.url));

it('waits out a window longer than fetch keeps a connection alive, then exits', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD], { encoding: 'utf8', timeout: 60_000 });
  expect(child.status, child.stderr).toBe(0);
  expect(JSON.parse(child.stdout)).toMatchObject({ requests: { crates: 2 }, result: { downloadsTotal: 7 } });
});
