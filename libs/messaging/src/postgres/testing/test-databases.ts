import { randomBytes } from 'node:crypto';
import { testDatabaseUrl } from '@ecris/testing';
import { migrate } from '../migrate';
import { loadMigrations } from '../migrations';
import { messagingMigrationsDir } from '../messaging-migrations';
import { PgDatabase } from '../pg-database';
import { PgliteDatabase } from '../pglite-database';
import type { SqlDatabase, SqlEngine } from '../sql-database';

/** Both engines the messaging tables run on; suites parametrised over them run every test twice. */
export const ENGINES: readonly SqlEngine[] = ['postgres', 'pglite'];

/**
 * For the hooks that open a database: PGlite compiles its WASM on first use, which takes seconds on
 * a busy machine, beyond jest's default 5 s.
 */
export const SETUP_TIMEOUT_MS = 30_000;

export interface TestDatabase {
  readonly engine: SqlEngine;
  readonly db: SqlDatabase;
  /**
   * Another pool on the same schema, as a second process would have (PostgreSQL only: PGlite is one
   * connection in one process). Closed by dispose().
   */
  openAnother(): Promise<SqlDatabase>;
  /** Closes every pool and drops the schema. */
  dispose(): Promise<void>;
}

/**
 * A database of its own for one suite: on PostgreSQL a fresh schema in the test database (suites run
 * in parallel workers), on PGlite a fresh in-memory instance.
 */
export async function createTestDatabase(engine: SqlEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await PgliteDatabase.open().catch((err: unknown) => {
      throw new Error(
        'PGlite cannot start inside jest without Node\'s VM modules (its WASM loader uses import()): ' +
          'run jest with NODE_OPTIONS=--experimental-vm-modules',
        { cause: err },
      );
    });
    return {
      engine,
      db,
      openAnother: () => Promise.reject(new Error('PGlite has a single connection')),
      dispose: () => db.close(),
    };
  }

  const url = testDatabaseUrl();
  const schema = `test_${randomBytes(8).toString('hex')}`;
  const admin = PgDatabase.fromUrl(url, { pool: { max: 1 } });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const open: SqlDatabase[] = [];
  const openAnother = async () => {
    const db = PgDatabase.fromUrl(url, { searchPath: schema, pool: { max: 4 } });
    open.push(db);
    return db;
  };
  const db = await openAnother();
  return {
    engine,
    db,
    openAnother,
    dispose: async () => {
      await Promise.all(open.map((d) => d.close()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/** As createTestDatabase, with the messaging tables in place. */
export async function createMigratedTestDatabase(engine: SqlEngine): Promise<TestDatabase> {
  const test = await createTestDatabase(engine);
  await migrate(test.db, await loadMigrations(messagingMigrationsDir));
  return test;
}

/** Polls `probe` until it returns true; for waiting on a background loop without sleeping blindly. */
export async function waitUntil(probe: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
