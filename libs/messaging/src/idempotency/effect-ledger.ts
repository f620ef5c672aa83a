import type { RawOutboundRecord } from '../ports';
import type { SqlExecutor } from '../postgres/sql-database';

/** Which record is being applied, by whom, under which claim. */
export interface LedgerEntry {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  /** The record's offset (decimal string). */
  readonly offset: string;
  /** The record's `ce_id`: the dedupe key. */
  readonly eventId: string;
  /** The epoch `PartitionClaims.claim` returned when this consumer was assigned the partition. */
  readonly epoch: number;
}

/**
 * The database change a record causes. It runs inside the ledger's transaction and must use only
 * `tx`. It returns the records to publish, already encoded, each with its `ce_id` header; they are
 * written to the outbox in the same transaction and published later by the relay.
 */
export type Effect = (tx: SqlExecutor) => Promise<readonly RawOutboundRecord[] | void>;

export type ApplyOutcome = 'applied' | 'duplicate';

/**
 * Applies each event's effect at most once per consumer group, and records the partition's progress
 * in the same transaction, so a record redelivered after a crash (effect committed, Kafka offset not)
 * is recognised and skipped.
 *
 * Throws `FencedError` (fatal) when a newer owner has claimed the partition; database errors are
 * passed through unchanged for `isTransientDatabaseError` to classify. Either way nothing was written.
 */
export interface EffectLedger {
  applyOnce(entry: LedgerEntry, effect: Effect): Promise<ApplyOutcome>;
}
