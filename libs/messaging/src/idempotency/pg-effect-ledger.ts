import { insertOutboxRecords } from '../outbox/outbox-records';
import type { SqlDatabase, SqlExecutor } from '../postgres/sql-database';
import type { ApplyOutcome, Effect, EffectLedger, LedgerEntry } from './effect-ledger';
import { FencedError } from './fenced-error';
import { assertOffset } from './offsets';

/** The ledger on PostgreSQL or PGlite: inbox, partition_progress and outbox tables (001_messaging.sql). */
export class PgEffectLedger implements EffectLedger {
  constructor(private readonly db: SqlDatabase) {}

  async applyOnce(entry: LedgerEntry, effect: Effect): Promise<ApplyOutcome> {
    assertOffset(entry.offset);
    // In the runner's batch mode the record joins the batch's transaction (PgLedgerBatches).
    if (entry.batch) return entry.batch.applyOnce(entry, effect);
    return this.db.transaction(async (tx) => {
      const firstTime = await recordInInbox(tx, entry);
      const records = firstTime ? ((await effect(tx)) ?? []) : [];
      // A duplicate still advances progress: its offset is behind us once we have seen it.
      await advanceProgress(tx, entry);
      // The group owns what it emits: its own relay publishes it.
      await insertOutboxRecords(tx, records, entry.group);
      return firstTime ? 'applied' : 'duplicate';
    });
  }
}

/**
 * True when the event is new for this group. On a conflict with a row another transaction is
 * inserting right now, PostgreSQL waits for that transaction, so two copies in flight at once still
 * give one effect.
 */
async function recordInInbox(tx: SqlExecutor, entry: LedgerEntry): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO inbox (consumer_group, event_id, topic, partition, record_offset)
     VALUES ($1, $2, $3, $4, $5::bigint)
     ON CONFLICT (consumer_group, event_id) DO NOTHING`,
    [entry.group, entry.eventId, entry.topic, entry.partition, entry.offset],
  );
  return rowCount === 1;
}

/**
 * next_offset = offset + 1, only while our claim is the current one. GREATEST keeps it from moving
 * backwards when an older record is replayed (GREATEST ignores the NULL of a fresh claim). The row
 * lock taken here also orders us against a concurrent `claim`.
 */
export async function advanceProgress(tx: SqlExecutor, entry: Omit<LedgerEntry, 'eventId'>): Promise<void> {
  const { rowCount } = await tx.query(
    `UPDATE partition_progress
        SET next_offset = GREATEST(next_offset, $4::bigint + 1), updated_at = now()
      WHERE consumer_group = $1 AND topic = $2 AND partition = $3 AND epoch = $5`,
    [entry.group, entry.topic, entry.partition, entry.offset, entry.epoch],
  );
  if (rowCount === 1) return;

  const { rows } = await tx.query<{ epoch: string }>(
    'SELECT epoch FROM partition_progress WHERE consumer_group = $1 AND topic = $2 AND partition = $3',
    [entry.group, entry.topic, entry.partition],
  );
  const current = rows[0];
  if (!current) {
    // A bug in the caller, not a fencing: the consumer never claimed the partition.
    throw new Error(
      `No claim for ${entry.topic}[${entry.partition}] of group ${entry.group}: call PartitionClaims.claim on assignment`,
    );
  }
  throw new FencedError(entry.group, entry.topic, entry.partition, entry.epoch, Number(current.epoch));
}
