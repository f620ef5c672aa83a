/**
 * Creating, holding, releasing and superseding the NOTs of one conviction, one receiving state at a
 * time. Shared by the court-event deciders and the operator decisions.
 */
import type { ReviewKind } from '@ecris/contracts';
import { buildNotification, type BuildContext, type NotifiableConviction } from './build-notification';
import { endOfUkDay, notificationDeadline } from './deadline';
import { derivedMessageId } from './ids';
import {
  DELIVERED_STATUSES,
  type HeldReason,
  type NotificationKind,
  type NotificationRecord,
  type NotificationStatus,
  type PlannedOutput,
} from './model';

/** What the deciders need besides the state: how to build, and what caused this (ids and times derive from it). */
export interface DecisionEnv extends BuildContext {
  /** The input's ce_id. */
  readonly causeId: string;
  /** The input's time: NOT header timestamps and `sentAt`, so a replay gives the same records. */
  readonly time: string;
}

export interface Clock {
  readonly startedAt: string;
  readonly dueOn: string;
  readonly rule: string;
}

export function clockFrom(receivingState: string, startedAt: string): Clock {
  const deadline = notificationDeadline(receivingState, startedAt);
  return { startedAt, dueOn: deadline.dueOn, rule: deadline.rule };
}

export function clockOf(row: NotificationRecord): Clock {
  return { startedAt: row.clockStartedAt, dueOn: row.dueOn, rule: row.deadlineRule };
}

/** A row and what it publishes. */
export interface Step {
  readonly record: NotificationRecord;
  readonly outputs: PlannedOutput[];
}

export function isDelivered(rows: readonly NotificationRecord[]): boolean {
  return rows.some((row) => DELIVERED_STATUSES.includes(row.status));
}

/** The exchange of this conviction with this state: opened by the first NOT to it. */
export function exchangeOf(rows: readonly NotificationRecord[]): string | undefined {
  return rows[0]?.exchangeId;
}

export function withStatus(row: NotificationRecord, status: NotificationStatus): NotificationRecord {
  return { ...row, status };
}

/** A new NOT to `receiver`: sent when it can be completed, else held with work items for an operator. */
export function newNotification(
  state: NotifiableConviction,
  receiver: string,
  options: { kind: NotificationKind; exchangeId?: string; clock: Clock; resendOf?: string | null; step: string },
  env: DecisionEnv,
): Step {
  const messageId = derivedMessageId(env.sender, receiver, 'NOT', env.causeId, options.step);
  const row: NotificationRecord = {
    messageId,
    convictionReference: state.convictionReference,
    receivingState: receiver,
    ecrisConvictionId: state.ecrisConvictionId,
    exchangeId: options.exchangeId ?? messageId,
    kind: options.kind,
    status: 'HELD',
    clockStartedAt: options.clock.startedAt,
    dueOn: options.clock.dueOn,
    deadlineRule: options.clock.rule,
    causedBy: env.causeId,
    resendOf: options.resendOf ?? null,
    person: null,
    heldReasons: [],
    sentAt: null,
    answeredBy: null,
    answerCodes: [],
    answeredAt: null,
  };
  return sendOrHold(state, row, env);
}

/** Builds the NOT of a row from the conviction as it now stands; sends it, or holds it and says why. */
export function sendOrHold(state: NotifiableConviction, row: NotificationRecord, env: DecisionEnv): Step {
  const draft = buildNotification(
    state,
    { messageId: row.messageId, receiver: row.receivingState, timestamp: env.time, kind: row.kind },
    env,
  );
  if (draft.problems.length === 0) {
    const record: NotificationRecord = { ...row, status: 'SENT', person: draft.body.person, heldReasons: [], sentAt: env.time };
    return { record, outputs: [{ type: 'notification', key: row.exchangeId, step: `not/${row.messageId}`, value: draft.body }] };
  }
  const known = new Set(row.heldReasons.map(reasonKey));
  const fresh = draft.problems.filter((reason) => !known.has(reasonKey(reason)));
  return {
    record: { ...row, status: 'HELD', heldReasons: draft.problems },
    outputs: fresh.map((reason) => heldWorkItem(row, reason)),
  };
}

function reasonKey(reason: HeldReason): string {
  return `${reason.code}:${reason.nationalCode ?? reason.path ?? ''}`;
}

const HELD_KIND: Record<HeldReason['code'], ReviewKind> = {
  OFFENCE_UNCLASSIFIED: 'OFFENCE_EQUIVALENCE',
  SENTENCE_UNCLASSIFIED: 'OFFENCE_EQUIVALENCE',
  INCOMPLETE: 'NOTIFICATION_PROBLEM',
};

/**
 * One task per conviction and problem (not per state): a dual national's two held NOTs need one
 * decision. The id is stable, so the same problem raised again is the same task.
 */
function heldWorkItem(row: NotificationRecord, reason: HeldReason): PlannedOutput {
  const taskId = `notification-out:${row.convictionReference}:${reason.code}:${reason.nationalCode ?? reason.path ?? ''}`;
  return {
    type: 'work-item',
    key: row.convictionReference,
    step: `task/${taskId}`,
    value: {
      taskId,
      kind: HELD_KIND[reason.code],
      sourceMessageId: row.messageId,
      reason: `Notification held: ${reason.message}${reason.path ? ` (${reason.path})` : ''}. The 28-day deadline (${row.deadlineRule}) ends on ${row.dueOn}.`,
      dueBy: endOfUkDay(row.dueOn),
      texts: [],
    },
  };
}

/** Work about a NOT already sent (an answer from abroad, a nationality no longer recorded). */
export function workItem(
  row: NotificationRecord,
  task: { id: string; kind: ReviewKind; reason: string; dueBy: string | null },
): PlannedOutput {
  return {
    type: 'work-item',
    key: row.convictionReference,
    step: `task/${task.id}`,
    value: { taskId: task.id, kind: task.kind, sourceMessageId: row.messageId, reason: task.reason, dueBy: task.dueBy, texts: [] },
  };
}

/** Removes repeats of the same work item (two held NOTs of one conviction raise the same task). */
export function uniqueOutputs(outputs: readonly PlannedOutput[]): PlannedOutput[] {
  const seen = new Set<string>();
  return outputs.filter((output) => {
    if (seen.has(output.step)) return false;
    seen.add(output.step);
    return true;
  });
}
