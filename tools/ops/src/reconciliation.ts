/**
 * Reconciling one day's convictions against the notifications they owe (pure). Every conviction of an
 * EU national recorded that day owes one NOT to each EU state of nationality within 28 days beginning
 * with the day it was recorded (FRA 2020 s.1(5), ecris.md R2), acknowledged by that state's NRS.
 * Each (conviction, state) gets a status from what happened in its exchange, in log order:
 *   MISSING         no NOT was sent
 *   UNACKNOWLEDGED  the last thing that happened is a NOT sent (nothing answered it yet)
 *   ACKNOWLEDGED    an NRS NRT-00-00 answered it
 *   PROBLEM         an NRS with another response type answered it
 *   REJECTED        a FEM answered it (and no NOT was sent again since)
 * Overdue: past the due day and the state is not validly notified (MISSING, REJECTED, PROBLEM). A NOT
 * sent in time but not yet acknowledged is listed, not overdue: the duty is to notify, and the answer is
 * the other state's; its age shows how long it has waited.
 */

export type NotificationStatus = 'MISSING' | 'UNACKNOWLEDGED' | 'ACKNOWLEDGED' | 'PROBLEM' | 'REJECTED';

export const NRS_SUCCESS = 'NRT-00-00';

export interface ConvictionToNotify {
  readonly convictionReference: string;
  /** The court event's ce_id: the NOTs it caused name it as their cause. */
  readonly eventId: string;
  readonly recordedOn: string;
  /** EU states of nationality (ECRIS wire codes), each owed a NOT. */
  readonly states: readonly string[];
}

export interface SentNotification {
  readonly coordinates: string;
  readonly causationId: string | null;
  readonly exchangeId: string;
  readonly messageId: string;
  readonly receiver: string;
  readonly time: string;
  /** The UK day it was sent. */
  readonly sentOn: string;
}

export interface NotificationAnswer {
  readonly coordinates: string;
  readonly exchangeId: string;
  readonly kind: 'NRS' | 'FEM';
  readonly responseTo: string | null;
  readonly responseType: string | null;
  readonly time: string;
}

export interface ReconciliationLine {
  readonly convictionReference: string;
  readonly state: string;
  readonly status: NotificationStatus;
  readonly messageId: string | null;
  readonly exchangeId: string | null;
  readonly dueOn: string;
  readonly overdue: boolean;
  /** The first NOT went out after the due day. */
  readonly late: boolean;
  readonly detail: string;
}

export function reconcileNotifications(
  convictions: readonly ConvictionToNotify[],
  notifications: readonly SentNotification[],
  answers: readonly NotificationAnswer[],
  today: string,
  dueOn: (state: string, recordedOn: string) => string,
): ReconciliationLine[] {
  const lines: ReconciliationLine[] = [];
  for (const conviction of convictions) {
    for (const state of conviction.states) {
      const due = dueOn(state, conviction.recordedOn);
      const first = notifications
        .filter((n) => n.causationId === conviction.eventId && n.receiver === state)
        .sort((a, b) => a.time.localeCompare(b.time))[0];
      if (!first) {
        lines.push({ ...base(conviction, state, due), status: 'MISSING', overdue: today > due, late: false, detail: 'no NOT sent' });
        continue;
      }
      const exchangeNots = notifications.filter((n) => n.exchangeId === first.exchangeId);
      const ids = new Set(exchangeNots.map((n) => n.messageId));
      const exchangeAnswers = answers.filter((a) => a.exchangeId === first.exchangeId && (a.responseTo === null || ids.has(a.responseTo)));
      const { status, detail } = outcomeOf(exchangeNots, exchangeAnswers);
      lines.push({
        ...base(conviction, state, due),
        status,
        messageId: first.messageId,
        exchangeId: first.exchangeId,
        overdue: today > due && (status === 'REJECTED' || status === 'PROBLEM'),
        late: first.sentOn > due,
        detail,
      });
    }
  }
  return lines;
}

function base(conviction: ConvictionToNotify, state: string, dueOn: string) {
  return { convictionReference: conviction.convictionReference, state, dueOn, messageId: null, exchangeId: null };
}

/** The last event of the exchange decides: a NOT sent, or the answer to one. */
function outcomeOf(nots: readonly SentNotification[], answers: readonly NotificationAnswer[]): { status: NotificationStatus; detail: string } {
  const events = [
    ...nots.map((n) => ({ time: n.time, order: 0, outcome: { status: 'UNACKNOWLEDGED' as const, detail: `NOT ${n.messageId} sent ${n.time}` } })),
    ...answers.map((a) => ({ time: a.time, order: 1, outcome: answerOutcome(a) })),
  ].sort((a, b) => a.time.localeCompare(b.time) || a.order - b.order);
  return events[events.length - 1].outcome;
}

function answerOutcome(answer: NotificationAnswer): { status: NotificationStatus; detail: string } {
  if (answer.kind === 'FEM') return { status: 'REJECTED', detail: `FEM ${answer.coordinates}` };
  if (answer.responseType === NRS_SUCCESS) return { status: 'ACKNOWLEDGED', detail: `NRS ${answer.responseType}` };
  return { status: 'PROBLEM', detail: `NRS ${answer.responseType ?? '?'}` };
}
