import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from './support/cli.js';
import { createTestDatabase, type TestDatabase } from './support/stores.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('stackradar db serve', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    expect((await runCli(['db', 'migrate'], { env: { STACKRADAR_DATA_DIR: database.dataDir } })).code).toBe(0);
  });
  afterAll(async () => database.drop());

  it('serves the embedded database on 127.0.0.1 to PostgreSQL clients and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, STACKRADAR_DATA_DIR: database.dataDir, LOG_LEVEL: 'info' };
    delete env.DATABASE_URL;
    const server = spawn(process.execPath, [CLI, 'db', 'serve', '--port', String(port)], { env });
    let stderr = '';
    server.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => server.on('close', resolve));
    while (!stderr.includes('serving')) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toContain(`psql -h 127.0.0.1 -p ${port}`);

    const client = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
    const rows = await client`select count(*)::int as n from information_schema.tables where table_name = 'runs'`;
    expect(rows[0]).toEqual({ n: 1 });
    await client.end();

    // The CLI itself can read through the served database while the server owns the directory.
    const viaCli = await runCli(['sql', 'select 7 as seven', '--format', 'json', '--database-url', `postgres://postgres@127.0.0.1:${port}/postgres`]);
    expect(viaCli.stdout).toBe('[{"seven":7}]\n');

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The directory lock is released: the next process opens it.
    expect((await runCli(['sql', 'select 1 as x', '--format', 'json'], { env: { STACKRADAR_DATA_DIR: database.dataDir } })).stdout).toBe('[{"x":1}]\n');
  });

  it('refuses to serve when DATABASE_URL points at a server', async () => {
    const result = await runCli(['db', 'serve'], { env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/serves the embedded database/);
  });
});
