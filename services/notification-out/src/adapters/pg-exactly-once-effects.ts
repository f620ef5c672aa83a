import {
  encodeOutbound,
  PerBatch,
  PgEffectLedger,
  type AvroCodec,
  type LedgerBatch,
  type LedgerEntry,
  type OutboundMessage,
  type SqlDatabase,
  type SqlExecutor,
} from '@ecris/messaging';
import type { ExactlyOnceEffects, NotificationStore } from '../ports';
import { BatchNotificationStore } from './batch-notification-store';
import { PgNotificationStore } from './pg-notification-store';

/**
 * The ledger + outbox pattern (services.md, reliability.md): inbox row, our reads and writes, the
 * partition's progress and the encoded outputs, all in one transaction. A lock wait longer than
 * `lockTimeoutMs` fails the transaction with SQLSTATE 55P03, which the runner retries with backoff
 * instead of letting a blocked partition hang.
 *
 * A record applied in a ledger batch shares one store with the batch's other records: it read ahead
 * for all of them when the first one came, and writes their new rows together before the batch commits.
 */
export class PgExactlyOnceEffects implements ExactlyOnceEffects {
  private readonly ledger: PgEffectLedger;
  private readonly batchStores = new PerBatch<BatchNotificationStore>();

  constructor(
    database: SqlDatabase,
    private readonly codec: AvroCodec,
    private readonly resolveTopic: (topic: string) => string,
    private readonly lockTimeoutMs: number,
  ) {
    this.ledger = new PgEffectLedger(database);
  }

  apply(entry: LedgerEntry, work: (store: NotificationStore) => Promise<readonly OutboundMessage[]>): Promise<'applied' | 'duplicate'> {
    return this.ledger.applyOnce(entry, async (tx) => {
      const store = entry.batch ? await this.batchStoreOf(entry.batch, tx) : await this.singleStore(tx);
      const messages = await work(store);
      return messages.map((message) => encodeOutbound(this.codec, { ...message, topic: this.resolveTopic(message.topic) }));
    });
  }

  private async singleStore(tx: SqlExecutor): Promise<NotificationStore> {
    await this.setLockTimeout(tx);
    return new PgNotificationStore(tx);
  }

  /** Made by the batch's first record: the lock timeout, the read-ahead, and the held-back writes' flush at commit. */
  private batchStoreOf(batch: LedgerBatch, tx: SqlExecutor): Promise<BatchNotificationStore> {
    return this.batchStores.of(batch, async () => {
      await this.setLockTimeout(tx);
      const opened = await BatchNotificationStore.readAhead(new PgNotificationStore(tx), batch.scope.values);
      batch.beforeCommit(() => opened.flush());
      return opened;
    });
  }

  private async setLockTimeout(tx: SqlExecutor): Promise<void> {
    // An integer we validated at start, so it can go into the text (SET takes no parameters).
    await tx.query(`SET LOCAL lock_timeout = ${Math.trunc(this.lockTimeoutMs)}`);
  }
}
