/**
 * What notification-out keeps and decides, as plain data. Pure: the adapters load and store it, the
 * deciders turn an input plus this state into a Plan, the handlers write the Plan and publish its outputs.
 */
import type { Court, CourtConviction, Notification, Person, RequestAdditionalInfoResponse, ReviewTaskRaised, FunctionalError } from '@ecris/contracts';

/**
 * Where one NOT stands.
 * - HELD: built but not sent: something in it cannot be completed (an unclassified offence or sentence,
 *   a conviction not yet final...). Its 28-day clock still runs; an operator works on it.
 * - SENT: written to the outbox in the same transaction as this row, so it reaches ecris.outbound.v1.
 * - ACKNOWLEDGED: the receiving state answered NRS success. PROBLEM: NRS with a problem code.
 * - REJECTED: the receiving state answered FEM: it did not take the notification in.
 * - SUPERSEDED: a later NOT to the same state carries the conviction as it now stands instead.
 * - WITHDRAWN: never sent (held, or rejected) and the conviction left the record: nothing to tell.
 */
export type NotificationStatus = 'HELD' | 'SENT' | 'ACKNOWLEDGED' | 'PROBLEM' | 'REJECTED' | 'SUPERSEDED' | 'WITHDRAWN';

/** Not yet acknowledged and still ours to act on: what the unacknowledged gauge counts. */
export const OPEN_STATUSES: readonly NotificationStatus[] = ['HELD', 'SENT', 'PROBLEM', 'REJECTED'];

/** The receiving state holds (or may hold) the conviction once any NOT of it got there without a FEM. */
export const DELIVERED_STATUSES: readonly NotificationStatus[] = ['SENT', 'ACKNOWLEDGED', 'PROBLEM'];

/** INITIAL tells a state about the conviction; UPDATE changes or deletes what it was told (UpdatedConvictionReference). */
export type NotificationKind = 'INITIAL' | 'UPDATE';

/** A decision after the judgment (appeal, variation, removal), carried as a further Decision of every later NOT. */
export interface LaterDecision {
  /** ECRIS decision change type DCH-NN-X. */
  readonly changeTypeRef: string;
  readonly decisionDate: string;
  readonly decidingCourt: Court | null;
  readonly deleteFromRegister: boolean;
  /** English, never personal data. */
  readonly remark: string;
}

/** One conviction from the court feed, as notification-out holds it. */
export interface ConvictionState {
  readonly convictionReference: string;
  readonly ecrisConvictionId: string;
  /**
   * The conviction as it now stands. Null while the person holds no EU nationality: we then keep no
   * personal data at all, only the fact that the conviction exists (so an amendment is recognised).
   */
  readonly conviction: CourtConviction | null;
  readonly laterDecisions: readonly LaterDecision[];
  /** When the conviction was first recorded (ISO instant). */
  readonly recordedAt: string;
  readonly removed: boolean;
  /** 0 before the first write; each write adds one (the adapter checks it, so two writers cannot interleave). */
  readonly version: number;
}

/** Why a NOT is held; shown to operators, so never personal data. */
export interface HeldReason {
  readonly code: 'OFFENCE_UNCLASSIFIED' | 'SENTENCE_UNCLASSIFIED' | 'INCOMPLETE';
  /** The UK offence or disposal code, for the two classification reasons. */
  readonly nationalCode?: string;
  /** Field path in the NOT, for INCOMPLETE. */
  readonly path?: string;
  readonly message: string;
}

/** One NOT we sent or hold: a row of notification_out.notifications. */
export interface NotificationRecord {
  readonly messageId: string;
  readonly convictionReference: string;
  readonly receivingState: string;
  readonly ecrisConvictionId: string;
  /** Message id of the first NOT to this state about this conviction: the key and correlation id of all that follow. */
  readonly exchangeId: string;
  readonly kind: NotificationKind;
  readonly status: NotificationStatus;
  /** When the 28-day clock started (the recording, amendment or removal), ISO instant. */
  readonly clockStartedAt: string;
  /** Last UK day on which the NOT is in time. */
  readonly dueOn: string;
  readonly deadlineRule: string;
  /** ce_id of the record that created this row. */
  readonly causedBy: string;
  /** The rejected NOT this one re-sends, if any. */
  readonly resendOf: string | null;
  /** The person exactly as sent (for answering an RAI); null until sent. */
  readonly person: Person | null;
  readonly heldReasons: readonly HeldReason[];
  readonly sentAt: string | null;
  /** ECRIS id of the last NRS or FEM about it, its codes (NRT-.. or FE-..), and when it came. */
  readonly answeredBy: string | null;
  readonly answerCodes: readonly string[];
  readonly answeredAt: string | null;
}

/** An operator's classification of a UK code with no (or a wrong) entry in the data tables. */
export interface CategoryDecision {
  readonly scheme: 'offence' | 'sentence';
  readonly nationalCode: string;
  /** `NNNN NN` for an offence, `NNNN` for a sentence. */
  readonly category: string;
  readonly decidedBy: string;
  readonly actionId: string;
  readonly decidedAt: string;
}

export type NotificationBody = Omit<Notification, 'meta'>;

/** What a decision publishes; the handler gives each its topic, schema and CloudEvents meta. */
export type PlannedOutput =
  | { readonly type: 'notification'; readonly key: string; readonly step: string; readonly value: NotificationBody }
  | {
      readonly type: 'additional-info-response';
      readonly key: string;
      readonly step: string;
      readonly value: Omit<RequestAdditionalInfoResponse, 'meta'>;
    }
  | { readonly type: 'functional-error'; readonly key: string; readonly step: string; readonly value: Omit<FunctionalError, 'meta'> }
  | { readonly type: 'work-item'; readonly key: string; readonly step: string; readonly value: Omit<ReviewTaskRaised, 'meta'> };

/** A short label per kind of result, for the outcome counter and the log line. */
export type Outcome =
  | 'notified'
  | 'held-for-review'
  | 'no-eu-nationality'
  | 'already-recorded'
  | 'no-notifiable-change'
  | 'removed-before-notified'
  | 'acknowledged'
  | 'problem-answer'
  | 'rejected'
  | 'additional-info-answered'
  | 'invalid-answer'
  | 'answer-to-unknown-notification'
  | 'not-ours'
  | 'operator-decision-applied'
  | 'operator-decision-not-applicable';

export interface Plan {
  /** The conviction to write (version = the version read + 1), when it changed. */
  readonly conviction?: ConvictionState;
  readonly inserted: readonly NotificationRecord[];
  readonly updated: readonly NotificationRecord[];
  readonly categoryDecision?: CategoryDecision;
  readonly outputs: readonly PlannedOutput[];
  readonly outcome: Outcome;
}

/** An input that can never be processed as it is: the handler turns it into a PoisonError (dead letter). */
export interface Refusal {
  readonly refused: true;
  readonly code: 'ALREADY_RECORDED' | 'UNKNOWN_CONVICTION' | 'CONVICTION_REMOVED' | 'UNANSWERABLE';
  /** Safe for logs and dead-letter headers: no personal data. */
  readonly message: string;
}

export function refuse(code: Refusal['code'], message: string): Refusal {
  return { refused: true, code, message };
}

export function isRefusal(value: Plan | Refusal): value is Refusal {
  return (value as Refusal).refused === true;
}
