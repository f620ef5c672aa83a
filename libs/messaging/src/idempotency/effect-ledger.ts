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
  /**
   * The open batch the runner is applying this record in (`MessageContext.batch`), if any: the effect
   * then joins that batch's transaction and commits (or rolls back) with the rest of it.
   */
  readonly batch?: LedgerBatch;
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

/**
 * Several consecutive records of one partition applied in one transaction (the runner's batch mode):
 * the inbox rows, the partition's progress and the outbox rows are written once for all of them, so a
 * record costs only its own statements. Either every record of the batch commits, or none does.
 */
export interface LedgerBatch {
  /** What the batch covers, including every record's decoded value: a store may read ahead for all of them. */
  readonly scope: BatchScope;
  applyOnce(entry: LedgerEntry, effect: Effect): Promise<ApplyOutcome>;
  /**
   * Runs `hook` in the batch's transaction after the last record's effect, before the ledger's own rows:
   * for writes a store held back to send as one multi-row statement. A hook that throws rolls it all back.
   */
  beforeCommit(hook: (tx: SqlExecutor) => Promise<void>): void;
}

/** The records a batch covers: one partition, one claim, the event ids in offset order. */
export interface BatchScope {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly epoch: number;
  readonly eventIds: readonly string[];
  /** The records' decoded values, in the same order. */
  readonly values: readonly unknown[];
  /** The batch's last offset: the partition's progress moves past it at commit. */
  readonly lastOffset: string;
}

/** Opens ledger batches for the runner. */
export interface LedgerBatches {
  /** Runs `work` in one transaction; what it applied through the batch commits when it resolves. */
  inBatch<T>(scope: BatchScope, work: (batch: LedgerBatch) => Promise<T>): Promise<T>;
}
