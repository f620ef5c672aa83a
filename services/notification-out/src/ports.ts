/**
 * notification-out's ports. Handlers and the effect runner see these; adapters implement them on
 * PostgreSQL (notification_out schema) or embedded PGlite.
 */
import type { LedgerEntry, OutboundMessage } from '@ecris/messaging';
import type { AdditionalInfoResponseTypes } from './domain/decide-answers';
import type { Classifier } from './domain/classification';
import type { CategoryDecision, ConvictionState, NotificationRecord, Plan } from './domain/model';
import type { ReferenceData } from '@ecris/reference-data';
import type { YesNoUnknown } from '@ecris/contracts';

/** What one transaction reads and writes. Reads of a conviction or a NOT lock its row until commit. */
export interface NotificationStore {
  conviction(convictionReference: string): Promise<ConvictionState | undefined>;
  /** Every NOT of the conviction, oldest first. */
  notificationsOf(convictionReference: string): Promise<NotificationRecord[]>;
  notification(messageId: string): Promise<NotificationRecord | undefined>;
  /** NOTs held for an operator, oldest first. */
  heldNotifications(): Promise<NotificationRecord[]>;
  /** Operators' classifications of these UK codes. */
  categoryDecisions(offenceCodes: readonly string[], disposalCodes: readonly string[]): Promise<CategoryDecision[]>;
  /** Writes a decision's state changes (not its outputs: those go to the outbox). */
  write(plan: Plan): Promise<void>;
}

/**
 * Runs the effect of one consumed record at most once per consumer group: the reads, the writes and the
 * outputs (into the outbox) in one transaction with the record's inbox row and the partition's progress.
 */
export interface ExactlyOnceEffects {
  apply(entry: LedgerEntry, work: (store: NotificationStore) => Promise<readonly OutboundMessage[]>): Promise<'applied' | 'duplicate'>;
}

export const EXACTLY_ONCE_EFFECTS = Symbol('EXACTLY_ONCE_EFFECTS');

/** Counts of the NOTs still open, for the gauges (read at scrape time). */
export interface OpenNotificationStats {
  readonly open: number;
  /** When the clock of the oldest open one started (ISO instant); null when none is open. */
  readonly oldestClockStartedAt: string | null;
  /** Open ones whose last day is before `today`. */
  readonly overdue: number;
}

export interface NotificationStats {
  openNotifications(today: string): Promise<OpenNotificationStats>;
}

export const NOTIFICATION_STATS = Symbol('NOTIFICATION_STATS');

/** Configuration and reference tables, read once at start (README, "Configuration"). */
export interface NotificationOutSettings {
  /** Our ECRIS wire code, from ECRIS_SENDER_COUNTRY (default GB). */
  readonly sender: string;
  readonly reference: ReferenceData;
  /** The offence and sentence tables of data/, without operators' decisions (those are read per transaction). */
  readonly classifier: Classifier;
  readonly isTransmittable: YesNoUnknown;
  readonly responseTypes: AdditionalInfoResponseTypes;
  /** How long a transaction waits for a row lock before giving up (and being retried). */
  readonly lockTimeoutMs: number;
}

export const NOTIFICATION_OUT_SETTINGS = Symbol('NOTIFICATION_OUT_SETTINGS');
