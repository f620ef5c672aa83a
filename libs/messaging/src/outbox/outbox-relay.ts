import type { RawOutboundRecord, RecordSender } from '../ports';
import type { NotificationSubscription, SqlDatabase, SqlExecutor } from '../postgres/sql-database';
import { isTransientDatabaseError } from '../postgres/transient-database-error';
import { backoffDelay, type BackoffPolicy } from '../runner/backoff';
import type { OutboxMemory } from './outbox-memory';
import { OutboxSendError } from './outbox-send-error';
import { recordFromRow, type OutboxRow } from './outbox-records';
import { Wakeup } from './wakeup';

/** The channel 001_messaging.sql's trigger notifies when outbox rows are inserted. */
export const OUTBOX_CHANNEL = 'ecris_outbox';

export type RelayBackoff = Pick<BackoffPolicy, 'initialMs' | 'maxMs'>;

export interface RelayErrorInfo {
  /** Consecutive failures so far, this one included. */
  readonly attempt: number;
  readonly retryInMs: number;
}

export interface OutboxRelayOptions {
  /** Told about every failure the relay will retry (log it; nothing else reports it). */
  readonly onError: (err: unknown, info: RelayErrorInfo) => void;
  /** Rows per batch (one `send`, one transaction). Default 100. */
  readonly batchSize?: number;
  /** How often to look when nothing wakes us. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Default: up to 100 ms at first, doubling, at most 30 s. The relay never gives up (no maxAttempts). */
  readonly backoff?: RelayBackoff;
  /** Wake up on the outbox trigger's NOTIFY instead of waiting for the next poll. Default true. */
  readonly listen?: boolean;
  /**
   * Is a sender error one that retrying cannot fix? Default: programming errors (TypeError and
   * friends) and errors flagged `fatal: true`. Broker errors are retried: the rows stay in the outbox,
   * so waiting loses nothing. The messaging runner passes its own broker classification here.
   */
  readonly isFatalSendError?: (err: unknown) => boolean;
  readonly random?: () => number;
  /** After a wake-up, how long to let more rows arrive before relaying. Default 5 ms. */
  readonly lingerMs?: number;
  /**
   * Publish only rows of this owner (and rows written without one). Without it the relay publishes
   * every row. Relays of different owners run side by side; one relay at a time per owner keeps order.
   */
  readonly owner?: string;
  /**
   * Rows this process committed, kept in memory (OutboxMemory): the relay then locks the unsent rows by
   * id only and reads values and headers back just for rows it does not find there.
   */
  readonly memory?: OutboxMemory;
}

const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

export function isFatalByDefault(err: unknown): boolean {
  if (PROGRAMMING_ERRORS.some((type) => err instanceof type)) return true;
  return typeof err === 'object' && err !== null && (err as { fatal?: unknown }).fatal === true;
}

/**
 * Only one relay per schema publishes at a time. Two relays taking disjoint batches (which SKIP
 * LOCKED alone allows) could publish a key's later event before its earlier one. A transaction-level
 * lock is released at COMMIT/ROLLBACK, so a crashed relay never keeps it.
 */
// Two texts rather than one with "$2 IS NULL OR ...": each is a prepared statement whose generic plan
// can use the partial indexes on unsent rows.
const selectUnsent = (columns: string) => `SELECT ${columns} FROM outbox
  WHERE sent_at IS NULL
  ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`;
/**
 * The owner's rows and the unowned ones, each taken in id order from outbox_unsent_by_owner, then merged.
 * A plain `owner = $2 OR owner IS NULL` cannot be read in id order from that index: PostgreSQL would
 * fetch and sort every unsent row (values and all) for each batch, a cost that grows with the backlog.
 */
const selectUnsentOfOwner = (columns: string) => `SELECT ${columns} FROM outbox
  WHERE id IN ((SELECT id FROM outbox WHERE sent_at IS NULL AND owner = $2 ORDER BY id LIMIT $1)
               UNION ALL
               (SELECT id FROM outbox WHERE sent_at IS NULL AND owner IS NULL ORDER BY id LIMIT $1))
    AND sent_at IS NULL
  ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`;
// The id as stored (not cast to text, which would make ORDER BY id sort it as text); read with String().
const ROW_COLUMNS = 'id, topic, record_key, value, headers';
const SELECT_UNSENT = { rows: selectUnsent(ROW_COLUMNS), ids: selectUnsent('id') };
const SELECT_UNSENT_OF_OWNER = { rows: selectUnsentOfOwner(ROW_COLUMNS), ids: selectUnsentOfOwner('id') };
/** Rows the relay has locked already, by id. */
const SELECT_LOCKED_ROWS = `SELECT ${ROW_COLUMNS} FROM outbox WHERE id = ANY($1::bigint[])`;

const TRY_RELAY_LOCK = `SELECT pg_try_advisory_xact_lock(hashtextextended('ecris.outbox.relay:' || current_schema() || ':' || coalesce($1::text, '*'), 0)) AS locked`;

/**
 * Publishes outbox rows with a RecordSender, in id order, and marks them sent.
 *
 * Delivery is at least once: if the process dies after the broker acknowledged a batch but before
 * the transaction marking it sent commits, the next run publishes the batch again. Consumers drop
 * the copies by `ce_id`, which is deterministic, so the copy carries the same id as the original.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly lingerMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly isFatalSendError: (err: unknown) => boolean;
  private stopping = false;
  private running: Promise<void> | undefined;
  private notified = new Wakeup();
  private stopped = new Wakeup();
  private subscription: NotificationSubscription | undefined;

  constructor(
    private readonly db: SqlDatabase,
    private readonly sender: RecordSender,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.lingerMs = options.lingerMs ?? 5;
    // The rows wait safely in the outbox, so there is no attempt after which to give up.
    this.backoff = { initialMs: 100, maxMs: 30_000, ...options.backoff, maxAttempts: Infinity };
    this.isFatalSendError = options.isFatalSendError ?? isFatalByDefault;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError('batchSize must be >= 1');
  }

  /**
   * One batch: lock up to `limit` unsent rows in id order, send them in one awaited `send` (the
   * sender keeps that order per partition), mark them sent, commit. Returns how many were sent; 0 also
   * when another relay holds the relay lock. A failed send rolls back: the rows stay unsent.
   */
  async relayOnce(limit: number = this.batchSize): Promise<number> {
    const memory = this.options.memory;
    const sent = await this.db.transaction(async (tx) => {
      if (!(await this.takeRelayLock(tx))) return [];
      const statements = this.options.owner === undefined ? SELECT_UNSENT : SELECT_UNSENT_OF_OWNER;
      const params = this.options.owner === undefined ? [limit] : [limit, this.options.owner];
      // With nothing in memory (a service whose ledger hands nothing over, or all of it sent) one statement reads the rows whole.
      const records =
        memory && memory.size > 0 ? await this.lockedFromMemory(tx, statements.ids, params, memory) : await this.locked(tx, statements.rows, params);
      if (records.length === 0) return [];
      try {
        await this.sender.send(records.map(([, record]) => record));
      } catch (err) {
        throw new OutboxSendError(records.length, { cause: err });
      }
      const ids = records.map(([id]) => id);
      await tx.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [ids]);
      return ids;
    });
    // Marked sent and committed: kept copies are no longer needed (a rolled-back batch keeps them for the retry).
    memory?.forget(sent);
    return sent.length;
  }

  /** Locks up to `limit` unsent rows and reads them whole: [id, record], in id order. */
  private async locked(tx: SqlExecutor, sql: string, params: unknown[]): Promise<[string, RawOutboundRecord][]> {
    const { rows } = await tx.query<OutboxRow>(sql, params);
    return rows.map((row) => [String(row.id), recordFromRow(row)]);
  }

  /** Locks up to `limit` unsent rows by id, and reads back only those `memory` does not hold. */
  private async lockedFromMemory(tx: SqlExecutor, sql: string, params: unknown[], memory: OutboxMemory): Promise<[string, RawOutboundRecord][]> {
    const { rows } = await tx.query<{ id: string | number | bigint }>(sql, params);
    const held = rows.map((row) => [String(row.id), memory.get(String(row.id))] as const);
    const missing = held.filter(([, record]) => record === undefined).map(([id]) => id);
    const read = new Map<string, RawOutboundRecord>();
    if (missing.length > 0) {
      const { rows: whole } = await tx.query<OutboxRow>(SELECT_LOCKED_ROWS, [missing]);
      for (const row of whole) read.set(String(row.id), recordFromRow(row));
    }
    return held.map(([id, record]) => {
      const found = record ?? read.get(id);
      // We hold the row's lock: it cannot have gone.
      if (!found) throw new Error(`outbox row ${id} was locked but could not be read back`);
      return [id, found];
    });
  }

  /**
   * Relays until `stop()`: a full batch is followed at once by the next; otherwise it waits for a
   * NOTIFY or the poll interval. Transient failures are retried after a jittered backoff.
   *
   * Resolves when stopped. Rejects on an error retrying cannot fix (a non-transient database error,
   * or a sender error `isFatalSendError` accepts); the caller should then crash and let the
   * supervisor restart the process - an unhandled rejection does exactly that.
   */
  start(): Promise<void> {
    if (this.running) throw new Error('OutboxRelay is already running');
    this.stopping = false;
    this.notified = new Wakeup();
    this.stopped = new Wakeup();
    this.running = this.loop();
    return this.running;
  }

  /** Lets the batch in flight finish (sent and marked, or rolled back), then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.notified.signal();
    this.stopped.signal();
    try {
      await this.running;
    } catch {
      // Already reported to whoever awaits start().
    } finally {
      this.running = undefined;
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    try {
      while (!this.stopping) {
        try {
          await this.ensureListening();
          const sent = await this.relayOnce(this.batchSize);
          failures = 0;
          if (sent < this.batchSize) {
            await this.notified.wait(this.pollIntervalMs);
            // Woken by a commit: let the next few commits land too, so one batch carries them all
            // instead of one relay transaction per consumed record.
            if (this.lingerMs > 0 && !this.stopping) await this.stopped.wait(this.lingerMs);
          }
        } catch (err) {
          if (this.isFatal(err)) throw err;
          failures += 1;
          const retryInMs = backoffDelay(this.backoff, failures, this.options.random);
          this.options.onError(err, { attempt: failures, retryInMs });
          // Only stop() cuts a backoff short; new outbox rows do not.
          await this.stopped.wait(retryInMs);
        }
      }
    } finally {
      await this.stopListening();
    }
  }

  private isFatal(err: unknown): boolean {
    if (err instanceof OutboxSendError) return this.isFatalSendError(err.cause);
    return !isTransientDatabaseError(err);
  }

  private async takeRelayLock(tx: SqlExecutor): Promise<boolean> {
    // PGlite is one process; its transactions already run one at a time.
    if (this.db.engine !== 'postgres') return true;
    const { rows } = await tx.query<{ locked: boolean }>(TRY_RELAY_LOCK, [this.options.owner ?? null]);
    return rows[0]?.locked === true;
  }

  /** Best effort: when the LISTEN connection is lost, polling carries on and we listen again next round. */
  private async ensureListening(): Promise<void> {
    if (this.options.listen === false || this.subscription) return;
    this.subscription = await this.db.listen(OUTBOX_CHANNEL, {
      onNotify: () => this.notified.signal(),
      onLost: () => {
        this.subscription = undefined;
      },
    });
  }

  private async stopListening(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }
}
