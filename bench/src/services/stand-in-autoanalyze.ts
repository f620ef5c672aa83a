import { createLogger } from '@ecris/logging';
import type { SqlDatabase } from '@ecris/messaging';
import { autovacuumProblem, PeriodicTask } from '@ecris/service-kit';

/**
 * This machine's PostgreSQL runs with autovacuum off, so nothing refreshes planner statistics: a table
 * created empty keeps reltuples = 0, and a plan made while it looked empty (a foreign-key check above
 * all, cached for the life of the connection) scans the whole table for every row written, ever more
 * slowly as it grows. On any normally configured server autoanalyze refreshes them (and the refresh
 * invalidates those plans); the bench stands in for it on the phase's database, only when autovacuum is
 * off. It runs on the bench's own connection, so its CPU is not counted as the service's.
 */
export class StandInAutoanalyze {
  private constructor(private readonly task: PeriodicTask) {}

  static async start(db: SqlDatabase, intervalMs = 1000): Promise<StandInAutoanalyze | undefined> {
    // The same check a service makes at start: only a server without autovacuum needs the stand-in.
    if ((await autovacuumProblem(db)) === undefined) return undefined;
    const task = new PeriodicTask('stand-in autoanalyze', intervalMs, () => analyzeUserTables(db), createLogger({ service: 'bench', level: 'warn' }));
    task.start();
    return new StandInAutoanalyze(task);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}

async function analyzeUserTables(db: SqlDatabase): Promise<void> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, relname) AS name FROM pg_stat_user_tables ORDER BY schemaname, relname`,
  );
  // Names from the catalogue, quoted by format(%I): safe in the statement text.
  if (rows.length > 0) await db.query(`ANALYZE ${rows.map((row) => row.name).join(', ')}`);
}
