import { encodeOutbound, PgEffectLedger, type AvroCodec, type LedgerEntry, type OutboundMessage, type SqlDatabase } from '@ecris/messaging';
import type { ReceivedNotificationRow, ReceivedNotifications, StoreOutcome } from '../ports';

/**
 * notification_in.received_notifications through the exactly-once ledger: the inbox row (ce_id),
 * our row (ECRIS message id) and the outbox rows commit together or not at all.
 */
export class PgReceivedNotifications implements ReceivedNotifications {
  private readonly ledger: PgEffectLedger;

  constructor(
    db: SqlDatabase,
    private readonly codec: AvroCodec,
    private readonly resolveTopic: (topic: string) => string,
  ) {
    this.ledger = new PgEffectLedger(db);
  }

  async storeOnce(entry: LedgerEntry, row: ReceivedNotificationRow, outputs: readonly OutboundMessage[]): Promise<StoreOutcome> {
    let messageIsNew = false;
    const applied = await this.ledger.applyOnce(entry, async (tx) => {
      const { rowCount } = await tx.query(
        `INSERT INTO notification_in.received_notifications
           (message_id, sender_state, outcome, reply_message_id, raw_value, event_id, source_topic, source_partition, source_offset, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::bigint, $10)
         ON CONFLICT (message_id) DO NOTHING`,
        [row.messageId, row.senderState, row.outcome, row.replyMessageId, row.rawValue, entry.eventId, entry.topic, entry.partition, entry.offset, row.sentAt],
      );
      messageIsNew = rowCount === 1;
      // The same ECRIS message again (a gateway retry under a new ce_id): it was answered already.
      if (!messageIsNew) return [];
      return outputs.map((message) => encodeOutbound(this.codec, { ...message, topic: this.resolveTopic(message.topic) }));
    });
    if (applied === 'duplicate') return 'duplicate-event';
    return messageIsNew ? 'stored' : 'duplicate-message';
  }
}
