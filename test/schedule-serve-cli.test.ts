/**
 * `stackradar schedule` on the embedded database serves it read-only: readers read through it, and a
 * command turned away by its lock (db serve) is told where it is served.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { spawnCli } from './support/jobs.js';
import { createTestDatabase, type TestDatabase } from './support/stores.js';

describe('stackradar schedule serving the embedded database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    expect((await runCli(['db', 'migrate'], { env: { STACKRADAR_DATA_DIR: database.dataDir } })).code).toBe(0);
  });
  afterAll(async () => database.drop());

  it('refuses writes from clients, and the exit-75 message names the port', async () => {
    const env = { STACKRADAR_DATA_DIR: database.dataDir, LOG_LEVEL: 'info' };
    const scheduler = spawnCli(['schedule', '--cron', '0 0 1 1 *', '--port', '0'], env);
    try {
      const served = await scheduler.waitFor((line) => typeof line.port === 'number');
      const port = served.port as number;
      const client = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
      try {
        const insert = "insert into runs (trigger, command, run_at, pid, host) values ('psql', 'x', now(), 1, 'h')";
        await expect(client.unsafe(insert)).rejects.toMatchObject({ code: '25006' });
        await expect(client.unsafe('set default_transaction_read_only = off')).rejects.toMatchObject({ code: '25006' });
        await expect(client.unsafe(insert)).rejects.toMatchObject({ code: '25006' });
        expect(await client`select count(*)::int as n from runs`).toEqual([{ n: 0 }]);
      } finally {
        await client.end({ timeout: 1 });
      }

      // A reader reads through the scheduler's server; only db serve, which needs the directory itself, is turned away.
      const read = await runCli(['sql', 'select count(*)::int as n from runs', '--format', 'json'], { env: { STACKRADAR_DATA_DIR: database.dataDir } });
      expect(read.code, read.stderr).toBe(0);
      expect(JSON.parse(read.stdout)).toEqual([{ n: 0 }]);
      const turnedAway = await runCli(['db', 'serve', '--port', '0'], { env: { STACKRADAR_DATA_DIR: database.dataDir } });
      expect(turnedAway.code).toBe(75);
      expect(turnedAway.stderr).toContain(`in use by process ${scheduler.child.pid} (stackradar schedule, serving it read-only on 127.0.0.1:${port}: `);
      expect(turnedAway.stderr).toContain(`psql -h 127.0.0.1 -p ${port} -U postgres`);
      expect(turnedAway.stderr).toContain(`stackradar sql --database-url postgres://postgres@127.0.0.1:${port}/postgres)`);
    } finally {
      scheduler.child.kill('SIGTERM');
      expect((await scheduler.exited).code).toBe(0);
    }
  }, 120_000);
});
