import { assertUnchanged, migrationChecksum, pendingMigrations, type Migration } from './migrations';
import type { SqlDatabase, SqlExecutor } from './sql-database';

/**
 * Serialises migration runs across processes (several replicas starting at once). A transaction-level
 * advisory lock is released by COMMIT or ROLLBACK, so a crashed runner can never leave it held.
 * Keyed by schema so test schemas (and services sharing a server) do not wait for each other.
 */
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('ecris.schema_migrations:' || current_schema(), 0))`;

async function lockAgainstOtherProcesses(db: SqlDatabase, tx: SqlExecutor): Promise<void> {
  // PGlite is one process with one connection: nobody to serialise against.
  if (db.engine === 'postgres') await tx.query(LOCK_SQL);
}

async function appliedChecksums(executor: SqlExecutor): Promise<Map<string, string>> {
  const { rows } = await executor.query<{ id: string; checksum: string }>('SELECT id, checksum FROM schema_migrations');
  return new Map(rows.map((r) => [r.id, r.checksum]));
}

/**
 * Applies each migration once, in id order, each in its own transaction together with its row in
 * `schema_migrations`: a failing migration leaves no half-applied trace, and the ones before it stay.
 * Returns the ids applied by this call (empty when the database was already up to date).
 */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[]): Promise<string[]> {
  await db.transaction(async (tx) => {
    await lockAgainstOtherProcesses(db, tx);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });

  const applied: string[] = [];
  for (const migration of pendingMigrations(migrations, await appliedChecksums(db))) {
    const ran = await db.transaction(async (tx) => {
      await lockAgainstOtherProcesses(db, tx);
      // Another process may have applied it between our first look and taking the lock.
      const already = (await appliedChecksums(tx)).get(migration.id);
      if (already !== undefined) {
        assertUnchanged(migration, already);
        return false;
      }
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)', [
        migration.id,
        migrationChecksum(migration.sql),
      ]);
      return true;
    });
    if (ran) applied.push(migration.id);
  }
  return applied;
}
