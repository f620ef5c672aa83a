import { TransientError } from '../errors';
import type { CommittedOutboxRow, OutboxMemory } from '../outbox/outbox-memory';
import { insertOutboxRecords } from '../outbox/outbox-records';
import { chunksOf, valuesList } from '../postgres/multi-row';
import type { RawOutboundRecord } from '../ports';
import type { SqlDatabase, SqlExecutor } from '../postgres/sql-database';
import type { ApplyOutcome, BatchScope, Effect, LedgerBatch, LedgerBatches, LedgerEntry } from './effect-ledger';
import { assertOffset } from './offsets';
import { advanceProgress } from './pg-effect-ledger';

/** Inbox rows per INSERT (two parameters each). */
const INBOX_ROWS_PER_INSERT = 2000;
/** event_id, record_offset (group, topic and partition are $1..$3, shared by every row). */
const INBOX_CASTS = ['', '::bigint'];

/**
 * Ledger batches on PostgreSQL or PGlite. Per batch: one read of the inbox for the batch's event ids
 * (which are duplicates), then the records' own statements, then at commit one insert of the inbox rows,
 * one progress update and one insert of the outbox rows. Per record, only what its effect runs.
 *
 * The inbox rows are written at the end, not the start, so that no handler ever waits on a row of its
 * own batch. A copy of an event applied meanwhile by another transaction (a copy published on another
 * partition, or a zombie, which the epoch check fences anyway) makes the insert come up short: the batch
 * then fails as transient, and the runner applies its records one by one, which sees the copy and skips it.
 */
export class PgLedgerBatches implements LedgerBatches {
  /** `memory`: where committed outbox rows are handed to this process's relay (see OutboxMemory). */
  constructor(
    private readonly db: SqlDatabase,
    private readonly memory?: OutboxMemory,
  ) {}

  async inBatch<T>(scope: BatchScope, work: (batch: LedgerBatch) => Promise<T>): Promise<T> {
    assertOffset(scope.lastOffset);
    let inserted: CommittedOutboxRow[] = [];
    const result = await this.db.transaction(async (tx) => {
      const batch = new OpenBatch(tx, scope, await alreadyInInbox(tx, scope));
      const result = await work(batch);
      inserted = await batch.commitRows();
      return result;
    });
    // Committed: the relay may now publish these rows without reading them back.
    this.memory?.remember(inserted);
    return result;
  }
}

class OpenBatch implements LedgerBatch {
  private readonly applied: LedgerEntry[] = [];
  private readonly outbox: RawOutboundRecord[] = [];
  private readonly hooks: ((tx: SqlExecutor) => Promise<void>)[] = [];
  private closed = false;

  constructor(
    private readonly tx: SqlExecutor,
    readonly scope: BatchScope,
    /** Event ids not to apply again: in the inbox already, or applied earlier in this batch. */
    private readonly seen: Set<string>,
  ) {}

  async applyOnce(entry: LedgerEntry, effect: Effect): Promise<ApplyOutcome> {
    this.assertInScope(entry);
    if (this.seen.has(entry.eventId)) return 'duplicate';
    this.seen.add(entry.eventId);
    const records = (await effect(this.tx)) ?? [];
    this.applied.push(entry);
    this.outbox.push(...records);
    return 'applied';
  }

  beforeCommit(hook: (tx: SqlExecutor) => Promise<void>): void {
    if (this.closed) throw new Error(`Ledger batch of ${this.scope.topic}[${this.scope.partition}] is already committing`);
    this.hooks.push(hook);
  }

  /** Writes the batch's inbox rows, progress and outbox rows; returns the outbox rows inserted. */
  async commitRows(): Promise<CommittedOutboxRow[]> {
    this.closed = true;
    const { tx, scope } = this;
    for (const hook of this.hooks) await hook(tx);
    for (const entries of chunksOf(this.applied, INBOX_ROWS_PER_INSERT)) {
      // The group, topic and partition are $1..$3, shared by every row.
      const { rowCount } = await tx.query(
        `INSERT INTO inbox (consumer_group, topic, partition, event_id, record_offset)
         VALUES ${valuesList(entries.length, INBOX_CASTS, 3)}
         ON CONFLICT (consumer_group, event_id) DO NOTHING`,
        [scope.group, scope.topic, scope.partition, ...entries.flatMap((entry) => [entry.eventId, entry.offset])],
      );
      if (rowCount !== entries.length) {
        throw new TransientError('INBOX_RACE', `${entries.length - rowCount} event(s) of the batch were applied meanwhile elsewhere`);
      }
    }
    await advanceProgress(tx, { ...scope, offset: scope.lastOffset });
    return insertOutboxRecords(tx, this.outbox, scope.group);
  }

  /** A record of another partition or claim in this batch would be a bug in the runner or the service. */
  private assertInScope(entry: LedgerEntry): void {
    const { scope } = this;
    if (this.closed) throw new Error(`Ledger batch of ${scope.topic}[${scope.partition}] is already committing`);
    if (entry.group !== scope.group || entry.topic !== scope.topic || entry.partition !== scope.partition || entry.epoch !== scope.epoch) {
      throw new Error(
        `Record ${entry.topic}[${entry.partition}]@${entry.offset} (group ${entry.group}, epoch ${entry.epoch}) is outside ` +
          `the ledger batch of ${scope.topic}[${scope.partition}] (group ${scope.group}, epoch ${scope.epoch})`,
      );
    }
  }
}

async function alreadyInInbox(tx: SqlExecutor, scope: BatchScope): Promise<Set<string>> {
  const { rows } = await tx.query<{ event_id: string }>(
    'SELECT event_id FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2::text[])',
    [scope.group, [...scope.eventIds]],
  );
  return new Set(rows.map((row) => row.event_id));
}
