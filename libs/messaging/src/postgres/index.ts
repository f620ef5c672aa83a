export * from './sql-database';
export { PgDatabase, type PgDatabaseOptions } from './pg-database';
export { PgliteDatabase, type PgliteDatabaseOptions } from './pglite-database';
export { openDatabase, type OpenDatabaseOptions } from './open-database';
export { isTransientDatabaseError } from './transient-database-error';
export { loadMigrations, sortMigrations, migrationChecksum, type Migration } from './migrations';
export { migrate } from './migrate';
export { messagingMigrationsDir } from './messaging-migrations';
export { chunksOf, ROWS_PER_STATEMENT, valuesList } from './multi-row';
