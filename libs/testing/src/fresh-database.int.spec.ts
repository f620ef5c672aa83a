import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { freshTestDatabase } from './fresh-database';
import { testDatabaseUrl, withPgPool } from './postgres-helpers';
import { dropTestRunDatabases } from './test-run';

const databaseExists = (name: string) =>
  withPgPool(async (pool) => (await pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

describe('freshTestDatabase', () => {
  it('gives each caller an empty database of its own, which drop removes even with a connection still open', async () => {
    const first = await freshTestDatabase('testing-fresh');
    const second = await freshTestDatabase('testing-fresh');
    const open = new Client({ connectionString: first.url });
    // The forced drop terminates this connection: that is the point, not a failure.
    open.on('error', () => undefined);
    try {
      expect(first.name).not.toBe(second.name);
      await open.connect();
      expect((await open.query('SELECT current_database() AS name')).rows[0].name).toBe(first.name);
      expect((await open.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")).rows[0].n).toBe(0);
      await open.query('CREATE TABLE written_here (id int); INSERT INTO written_here VALUES (1)');
      const seenInSecond = await withPgPool(async (pool) => (await pool.query("SELECT to_regclass('public.written_here') AS found")).rows[0].found, second.url);
      expect(seenInSecond).toBeNull();

      await first.drop();
      await first.drop();
      expect(await databaseExists(first.name)).toBe(false);
      expect(await databaseExists(second.name)).toBe(true);
    } finally {
      await open.end().catch(() => undefined);
      await first.drop();
      await second.drop();
    }
    expect(await databaseExists(second.name)).toBe(false);
  });
});

describe('the teardown of a run', () => {
  it('drops the databases of its run that a test file left, and no other', async () => {
    const realRun = process.env.ECRIS_TEST_RUN_ID;
    let left: Awaited<ReturnType<typeof freshTestDatabase>> | undefined;
    const other = await freshTestDatabase('testing-other-run');
    try {
      // A run of its own within this worker, so the sweep cannot touch other files' databases.
      const runId = randomBytes(3).toString('hex');
      process.env.ECRIS_TEST_RUN_ID = runId;
      left = await freshTestDatabase('testing-left-behind');
      expect(left.name).toMatch(new RegExp(`^testing_left_behind_${runId}[0-9a-f]{6}$`));
      expect(await dropTestRunDatabases(testDatabaseUrl())).toEqual([left.name]);
      expect(await databaseExists(left.name)).toBe(false);
      expect(await databaseExists(other.name)).toBe(true);
    } finally {
      if (realRun === undefined) delete process.env.ECRIS_TEST_RUN_ID;
      else process.env.ECRIS_TEST_RUN_ID = realRun;
      await left?.drop();
      await other.drop();
    }
  });
});
