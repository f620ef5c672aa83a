import { PgDatabase, type PgDatabaseOptions } from './pg-database';
import { PgliteDatabase } from './pglite-database';
import type { SqlDatabase } from './sql-database';

export interface OpenDatabaseOptions extends PgDatabaseOptions {
  /** PGlite only: keep the data in this directory instead of in memory. */
  readonly dataDir?: string;
}

/**
 * PostgreSQL when a url is given, otherwise embedded PGlite (in memory, or in `dataDir`), running
 * the same SQL and migrations. An empty string counts as "not given", as an unset env var does.
 */
export async function openDatabase(url: string | undefined, options: OpenDatabaseOptions = {}): Promise<SqlDatabase> {
  if (url !== undefined && url.trim() !== '') {
    return PgDatabase.fromUrl(url, options);
  }
  return PgliteDatabase.open({
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.searchPath !== undefined ? { searchPath: options.searchPath } : {}),
  });
}
