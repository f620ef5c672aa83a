import { join } from 'node:path';
import { loadMigrations, type Migration } from '@ecris/messaging';
import { registerMigrations } from '@ecris/register';

/**
 * request-in's tables (schema request_in), ids prefixed like the register's so they never clash in
 * the shared schema_migrations table; and the register's own, which it reads (migrating twice is
 * harmless, libs/register README).
 */
export async function requestInMigrations(): Promise<Migration[]> {
  const own = (await loadMigrations(join(__dirname, '..', 'migrations'))).map((m) => ({ ...m, id: `request_in_${m.id}` }));
  return [...(await registerMigrations()), ...own];
}
