import { migrate } from './migrate';
import { loadMigrations } from './migrations';
import { messagingMigrationsDir } from './messaging-migrations';
import { createTestDatabase, ENGINES, SETUP_TIMEOUT_MS, type TestDatabase } from './testing/test-databases';
import type { SqlExecutor } from './sql-database';

async function tablesIn(db: SqlExecutor): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe.each(ENGINES)('migrate on %s', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(engine);
  }, SETUP_TIMEOUT_MS);
  afterEach(() => t.dispose());

  it('applies the messaging migrations once; a second run is a no-op', async () => {
    const migrations = await loadMigrations(messagingMigrationsDir);
    expect(await migrate(t.db, migrations)).toEqual(['001_messaging', '002_outbox_owner']);
    expect(await tablesIn(t.db)).toEqual(['inbox', 'outbox', 'partition_progress', 'schema_migrations']);

    // The tables are created without IF NOT EXISTS: applying the file again would fail.
    expect(await migrate(t.db, migrations)).toEqual([]);
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows).toEqual([{ id: '001_messaging' }, { id: '002_outbox_owner' }]);
  });

  it('applies in id order whatever order they are given in, and only the new ones later', async () => {
    const first = { id: '001_a', sql: 'CREATE TABLE a (id int)' };
    const second = { id: '002_b', sql: 'CREATE TABLE b (a_id int); INSERT INTO b SELECT id FROM a' };
    expect(await migrate(t.db, [second, first])).toEqual(['001_a', '002_b']);
    const third = { id: '003_c', sql: 'ALTER TABLE b ADD COLUMN c int' };
    expect(await migrate(t.db, [first, second, third])).toEqual(['003_c']);
  });

  it('leaves no trace of a failing migration and keeps the ones before it', async () => {
    const good = { id: '001_good', sql: 'CREATE TABLE good (id int)' };
    const bad = { id: '002_bad', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table' };
    await expect(migrate(t.db, [good, bad])).rejects.toMatchObject({ code: '42P01' });
    expect(await tablesIn(t.db)).toEqual(['good', 'schema_migrations']);
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM schema_migrations');
    expect(rows).toEqual([{ id: '001_good' }]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    await migrate(t.db, [{ id: '001_a', sql: 'CREATE TABLE a (id int)' }]);
    await expect(migrate(t.db, [{ id: '001_a', sql: 'CREATE TABLE a (id bigint)' }])).rejects.toThrow(
      '"001_a" was changed after it was applied',
    );
  });
});

describe('migrate from two processes at once (postgres)', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase('postgres');
  }, SETUP_TIMEOUT_MS);
  afterEach(() => t.dispose());

  it('applies each migration exactly once', async () => {
    const migrations = await loadMigrations(messagingMigrationsDir);
    const other = await t.openAnother();
    const [mine, theirs] = await Promise.all([migrate(t.db, migrations), migrate(other, migrations)]);

    // Without the lock the loser would fail on CREATE TABLE of a table that now exists.
    expect([...mine, ...theirs].sort()).toEqual(['001_messaging', '002_outbox_owner']);
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows).toEqual([{ id: '001_messaging' }, { id: '002_outbox_owner' }]);
  });
});
