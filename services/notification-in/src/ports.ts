import type { LedgerEntry, OutboundMessage } from '@ecris/messaging';
import type { ReceptionOutcome } from './domain/receive-notification';

/** A received NOT as we keep it: the bytes exactly as they came off the log, and what we answered. */
export interface ReceivedNotificationRow {
  readonly messageId: string;
  readonly senderState: string;
  readonly sentAt: string;
  readonly outcome: ReceptionOutcome;
  readonly replyMessageId: string;
  readonly rawValue: Buffer;
}

/**
 * `stored`: first time we see this message, outputs queued; `duplicate-event`: this very record (same
 * ce_id) was applied before; `duplicate-message`: another delivery of an ECRIS message we already hold.
 */
export type StoreOutcome = 'stored' | 'duplicate-event' | 'duplicate-message';

/** Stores a received NOT and queues its outputs (NRS or FEM, translation request) in one transaction, once. */
export interface ReceivedNotifications {
  storeOnce(entry: LedgerEntry, row: ReceivedNotificationRow, outputs: readonly OutboundMessage[]): Promise<StoreOutcome>;
}

export const RECEIVED_NOTIFICATIONS = Symbol('RECEIVED_NOTIFICATIONS');
export const RECEPTION_SETTINGS = Symbol('RECEPTION_SETTINGS');
