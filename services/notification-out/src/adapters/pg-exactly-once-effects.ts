import { encodeOutbound, PgEffectLedger, type AvroCodec, type LedgerEntry, type OutboundMessage, type SqlDatabase } from '@ecris/messaging';
import type { ExactlyOnceEffects, NotificationStore } from '../ports';
import { PgNotificationStore } from './pg-notification-store';

/**
 * The ledger + outbox pattern (services.md, reliability.md): inbox row, our reads and writes, the
 * partition's progress and the encoded outputs, all in one transaction. A lock wait longer than
 * `lockTimeoutMs` fails the transaction with SQLSTATE 55P03, which the runner retries with backoff
 * instead of letting a blocked partition hang.
 */
export class PgExactlyOnceEffects implements ExactlyOnceEffects {
  private readonly ledger: PgEffectLedger;

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
      // An integer we validated at start, so it can go into the text (SET takes no parameters).
      await tx.query(`SET LOCAL lock_timeout = ${Math.trunc(this.lockTimeoutMs)}`);
      const messages = await work(new PgNotificationStore(tx));
      return messages.map((message) => encodeOutbound(this.codec, { ...message, topic: this.resolveTopic(message.topic) }));
    });
  }
}
