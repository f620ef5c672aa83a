import type { SqlExecutor } from '../postgres/sql-database';

/**
 * Deletes inbox rows received before `olderThan`, in batches so a large backlog does not become one
 * huge transaction. Returns how many were deleted.
 *
 * Why rows must outlive the longest replay window: the inbox is the only memory that an event was
 * applied. Once its row is gone, a copy of that event arriving later - a redelivery after a crash, a
 * DLQ re-drive, an operator replay of a time range, a consumer re-reading the topic within its
 * retention - is taken as new and applied a second time. So `olderThan` must be further back than
 * any such copy can still come from: at least the source topics' and DLQ topics' retention plus the
 * longest time an operator may take to replay.
 */
export async function pruneInbox(db: SqlExecutor, olderThan: Date, batchSize = 10_000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { rowCount } = await db.query(
      `DELETE FROM inbox
        WHERE (consumer_group, event_id) IN (
          SELECT consumer_group, event_id FROM inbox WHERE received_at < $1 LIMIT $2)`,
      [olderThan, batchSize],
    );
    deleted += rowCount;
    if (rowCount < batchSize) return deleted;
  }
}
