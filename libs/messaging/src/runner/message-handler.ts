import type { Logger } from '@ecris/logging';
import type { EventMeta } from '../cloudevents/event-meta';
import type { LedgerBatch } from '../idempotency/effect-ledger';
import type { ConsumedRecord, OutboundMessage } from '../ports';

/** What a handler is given for one record. */
export interface MessageContext<T = unknown> {
  /** The record as it came off the log (bytes untouched). */
  readonly record: ConsumedRecord;
  /** The value decoded and resolved to the newest schema version this code knows (null for a raw runner). */
  readonly value: T;
  /** The Avro full name of the value's record type ('' for a raw runner). */
  readonly schema: string;
  /** The record's meta (from the value: it survives tools that drop headers). */
  readonly meta: EventMeta;
  /** Child logger with topic, partition, offset, messageId and correlationId. */
  readonly log: Logger;
  /** 1 on the first try, then 2, 3, … while a transient failure is retried in place. */
  readonly attempt: number;
  /** The epoch this consumer claimed for the partition, when the runner was given a `claimPartition`. */
  readonly partitionEpoch: number | undefined;
  /**
   * The ledger batch this record is applied in (runner batch mode), else undefined. Pass it on in the
   * `LedgerEntry`: the effect then commits with the batch's other records.
   */
  readonly batch: LedgerBatch | undefined;
  /**
   * Runs `hook` once the record's effect has committed (at once after the handler returns, or when its
   * batch commits); never if it rolls back. For counting and logging what was done: a batch that rolls
   * back is applied again record by record, and must not be counted twice.
   */
  afterCommit(hook: () => void): void;
}

/**
 * Handles one record. What it returns is published, acknowledged by the broker, and only then is the
 * record's offset committed. Throw a PoisonError for bad input, a TransientError (or any retriable error)
 * for a dependency that may recover.
 */
export type MessageHandler = (context: MessageContext) => Promise<readonly OutboundMessage[] | void>;
