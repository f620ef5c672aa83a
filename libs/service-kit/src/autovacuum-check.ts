import type { SqlDatabase } from '@ecris/messaging';

/**
 * Why the database server will slow a service down as its tables grow, or undefined. With autovacuum
 * off nothing refreshes planner statistics: a table created empty keeps looking empty, and foreign-key
 * checks planned then (cached for the life of a connection) scan the whole table on every row written
 * (bench/README.md measured three scans of `conviction_versions` per register update). PGlite runs no
 * autovacuum and is only for a local run, so it is not checked.
 */
export async function autovacuumProblem(database: SqlDatabase): Promise<string | undefined> {
  if (database.engine !== 'postgres') return undefined;
  const { rows } = await database.query<{ autovacuum: string }>('SHOW autovacuum');
  if (rows[0]?.autovacuum !== 'off') return undefined;
  return 'autovacuum is off on this PostgreSQL server: planner statistics go stale, and writes slow down as tables grow (foreign-key checks scan whole tables); turn it on, or ANALYZE the service schemas regularly';
}
