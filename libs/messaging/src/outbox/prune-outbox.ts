import type { SqlExecutor } from '../postgres/sql-database';

/**
 * Deletes outbox rows sent before `olderThan`, in batches; never unsent ones. Returns how many.
 * Sent rows are kept a while for investigations; the log itself is the record of what was published.
 * Note the outbox's unique ce_id only dedupes against rows still present.
 */
export async function pruneSentOutbox(db: SqlExecutor, olderThan: Date, batchSize = 10_000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { rowCount } = await db.query(
      `DELETE FROM outbox
        WHERE id IN (SELECT id FROM outbox WHERE sent_at < $1 LIMIT $2)`,
      [olderThan, batchSize],
    );
    deleted += rowCount;
    if (rowCount < batchSize) return deleted;
  }
}
