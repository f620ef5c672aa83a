import { join } from 'node:path';
import { loadMigrations, type Migration } from '@ecris/messaging';

/** Where the register's SQL files are (NNN_name.sql, as loadMigrations requires). */
export const registerMigrationsDir = join(__dirname, '..', 'migrations');

/**
 * The register's migrations, ids prefixed `register_` (`register_001_tables`) so they never clash
 * with another service's `001_...` in the shared schema_migrations table. Every table they create is
 * in the `register` schema.
 */
export async function registerMigrations(): Promise<Migration[]> {
  return (await loadMigrations(registerMigrationsDir)).map((migration) => ({ ...migration, id: `register_${migration.id}` }));
}
