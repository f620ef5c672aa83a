/**
 * Court events -> notifications (ecris.md R2, R4-R7, scenarios 1-6).
 *
 * - Recorded: one INITIAL NOT per EU state of nationality; nothing for a person with no EU nationality.
 * - Amended: per state, an UPDATE NOT (UpdatedConvictionReference, a new Decision) when something
 *   notifiable changed and the state already has the conviction; an INITIAL NOT to a state it never
 *   reached (a nationality added, or the earlier NOT rejected by FEM: the correction is re-sent); a held
 *   NOT is retried with the amended record.
 * - Removed: an UPDATE NOT with delete-from-register to every state that has the conviction; NOTs never
 *   sent are withdrawn.
 */
import type { ConvictionAmended, ConvictionRecorded, ConvictionRemoved, CourtConviction } from '@ecris/contracts';
import { ukDateOf } from '@ecris/deadlines';
import { euStatesToNotify } from '@ecris/reference-data';
import { canonicalJson } from './canonical-json';
import { notifiableContent, type NotifiableConviction } from './build-notification';
import { ecrisConvictionIdOf } from './ids';
import { amendmentDecision, removalDecision } from './later-decisions';
import type { ConvictionState, NotificationRecord, Plan, PlannedOutput, Refusal } from './model';
import { refuse } from './model';
import {
  clockFrom,
  clockOf,
  exchangeOf,
  isDelivered,
  newNotification,
  sendOrHold,
  uniqueOutputs,
  withStatus,
  workItem,
  type DecisionEnv,
  type Step,
} from './notifications';

export interface Existing {
  readonly state: ConvictionState | undefined;
  /** Every NOT of the conviction, oldest first. */
  readonly rows: readonly NotificationRecord[];
}

/** What we keep of a conviction: the court record only while someone is to be notified of it. */
function keptConviction(conviction: CourtConviction, states: readonly string[]): CourtConviction | null {
  return states.length > 0 ? conviction : null;
}

function collect(steps: readonly Step[]): { rows: NotificationRecord[]; outputs: PlannedOutput[] } {
  return { rows: steps.map((s) => s.record), outputs: uniqueOutputs(steps.flatMap((s) => s.outputs)) };
}

function outcomeOf(rows: readonly NotificationRecord[]): Plan['outcome'] {
  return rows.some((row) => row.status === 'HELD') ? 'held-for-review' : 'notified';
}

export function decideRecorded(event: ConvictionRecorded, existing: Existing, env: DecisionEnv): Plan | Refusal {
  const states = euStatesToNotify(event.conviction.person.nationalities, env.reference, ukDateOf(event.recordedAt));
  if (existing.state) {
    // The feed sent the same recording again under a new event id: nothing new to tell anyone. (For a
    // conviction with no EU nationality we kept no content to compare, only that nobody was to be told.)
    const held = existing.state.conviction;
    const same =
      Date.parse(existing.state.recordedAt) === Date.parse(event.recordedAt) &&
      (held === null ? states.length === 0 : canonicalJson(held) === canonicalJson(event.conviction));
    if (same) return { inserted: [], updated: [], outputs: [], outcome: 'already-recorded' };
    return refuse('ALREADY_RECORDED', 'a different ConvictionRecorded exists for this conviction reference; an amendment must come as ConvictionAmended');
  }
  const state: ConvictionState = {
    convictionReference: event.convictionReference,
    ecrisConvictionId: ecrisConvictionIdOf(env.sender, event.convictionReference),
    conviction: keptConviction(event.conviction, states),
    laterDecisions: [],
    recordedAt: event.recordedAt,
    removed: false,
    version: 1,
  };
  if (states.length === 0) return { conviction: state, inserted: [], updated: [], outputs: [], outcome: 'no-eu-nationality' };

  const notifiable: NotifiableConviction = { ...state, conviction: event.conviction };
  const steps = states.map((receiver) =>
    newNotification(notifiable, receiver, { kind: 'INITIAL', clock: clockFrom(receiver, event.recordedAt), step: `not/${receiver}` }, env),
  );
  const { rows, outputs } = collect(steps);
  return { conviction: state, inserted: rows, updated: [], outputs, outcome: outcomeOf(rows) };
}

export function decideAmended(event: ConvictionAmended, existing: Existing, env: DecisionEnv): Plan | Refusal {
  const before = existing.state;
  if (!before) return refuse('UNKNOWN_CONVICTION', 'amendment of a conviction this service never saw recorded');
  if (before.removed) return refuse('CONVICTION_REMOVED', 'amendment of a conviction already removed from the record');

  const states = euStatesToNotify(event.conviction.person.nationalities, env.reference, ukDateOf(event.recordedAt));
  const amended: NotifiableConviction = { ...before, conviction: event.conviction };
  const changed =
    before.conviction === null ||
    notifiableContent({ ...before, conviction: before.conviction }, env) !== notifiableContent(amended, env);
  const laterDecisions = changed
    ? [...before.laterDecisions, amendmentDecision(event.kind, before.conviction, event.conviction, event)]
    : before.laterDecisions;
  const state: ConvictionState = {
    ...before,
    conviction: keptConviction(event.conviction, states.length > 0 ? states : statesWithRows(existing.rows)),
    laterDecisions,
    version: before.version + 1,
  };
  const current: NotifiableConviction = { ...state, conviction: event.conviction };

  const inserted: NotificationRecord[] = [];
  const updated: NotificationRecord[] = [];
  const outputs: PlannedOutput[] = [];
  for (const receiver of states) {
    const rows = existing.rows.filter((row) => row.receivingState === receiver);
    const change = changeForAmendment(current, rows, receiver, changed, event.recordedAt, env);
    inserted.push(...change.inserted);
    updated.push(...change.updated);
    outputs.push(...change.outputs);
  }
  for (const receiver of statesWithRows(existing.rows).filter((s) => !states.includes(s))) {
    const rows = existing.rows.filter((row) => row.receivingState === receiver);
    if (isDelivered(rows)) {
      outputs.push(nationalityDropped(rows[rows.length - 1]!));
    } else {
      // Never reached that state, and no longer to be sent there.
      updated.push(...rows.filter((row) => row.status === 'HELD' || row.status === 'REJECTED').map((row) => withStatus(row, 'WITHDRAWN')));
    }
  }
  const all = [...inserted, ...updated.filter((row) => row.status === 'HELD' || row.status === 'SENT')];
  const outcome = all.length === 0 ? 'no-notifiable-change' : outcomeOf(all);
  return { conviction: state, inserted, updated, outputs: uniqueOutputs(outputs), outcome };
}

interface Change {
  readonly inserted: NotificationRecord[];
  readonly updated: NotificationRecord[];
  readonly outputs: PlannedOutput[];
}

const NO_CHANGE: Change = { inserted: [], updated: [], outputs: [] };

/** What one state needs after an amendment: a held NOT retried, an update, a first or re-sent NOT, or nothing. */
function changeForAmendment(
  conviction: NotifiableConviction,
  rows: readonly NotificationRecord[],
  receiver: string,
  changed: boolean,
  recordedAt: string,
  env: DecisionEnv,
): Change {
  // A held NOT is built from the record as it now stands when it goes: retry it, never add another.
  const held = rows.find((row) => row.status === 'HELD');
  if (held) {
    const retried = sendOrHold(conviction, held, env);
    return { inserted: [], updated: [retried.record], outputs: retried.outputs };
  }
  const rejected = rows.filter((row) => row.status === 'REJECTED');
  const superseded = rejected.map((row) => withStatus(row, 'SUPERSEDED'));
  const exchangeId = exchangeOf(rows);

  if (isDelivered(rows)) {
    if (!changed) return NO_CHANGE;
    const update = newNotification(conviction, receiver, { kind: 'UPDATE', exchangeId, clock: clockFrom(receiver, recordedAt), step: `not/${receiver}` }, env);
    return { inserted: [update.record], updated: superseded, outputs: update.outputs };
  }
  if (rows.length === 0) {
    const first = newNotification(conviction, receiver, { kind: 'INITIAL', clock: clockFrom(receiver, recordedAt), step: `not/${receiver}` }, env);
    return { inserted: [first.record], updated: [], outputs: first.outputs };
  }
  const lastRejected = rejected[rejected.length - 1];
  if (!lastRejected || !changed) return NO_CHANGE;
  // The state never took the conviction in (FEM): the corrected record goes as a new first notification,
  // still on the clock of the original one, which was never met.
  const resent = newNotification(
    conviction,
    receiver,
    { kind: lastRejected.kind, exchangeId, clock: clockOf(lastRejected), resendOf: lastRejected.messageId, step: `not/${receiver}` },
    env,
  );
  return { inserted: [resent.record], updated: superseded, outputs: resent.outputs };
}

function statesWithRows(rows: readonly NotificationRecord[]): string[] {
  return [...new Set(rows.map((row) => row.receivingState))].sort();
}

function nationalityDropped(row: NotificationRecord): PlannedOutput {
  return workItem(row, {
    id: `notification-out:${row.convictionReference}:NATIONALITY_DROPPED:${row.receivingState}`,
    kind: 'NOTIFICATION_PROBLEM',
    reason:
      `The amended court record no longer gives ${row.receivingState} as a nationality, but the conviction was notified there ` +
      `(${row.exchangeId}). Check the record; if that notification went to the wrong state, cancel it (CAN).`,
    dueBy: null,
  });
}

export function decideRemoved(event: ConvictionRemoved, existing: Existing, env: DecisionEnv): Plan | Refusal {
  const before = existing.state;
  if (!before) return refuse('UNKNOWN_CONVICTION', 'removal of a conviction this service never saw recorded');
  if (before.removed) return { inserted: [], updated: [], outputs: [], outcome: 'no-notifiable-change' };

  const decision = removalDecision(event.reason, event);
  const state: ConvictionState = {
    ...before,
    laterDecisions: [...before.laterDecisions, decision],
    removed: true,
    version: before.version + 1,
  };
  const updated: NotificationRecord[] = [];
  const steps: Step[] = [];
  for (const receiver of statesWithRows(existing.rows)) {
    const rows = existing.rows.filter((row) => row.receivingState === receiver);
    const delivered = isDelivered(rows);
    // Held or rejected NOTs never reached the state: there is nothing to delete there.
    for (const row of rows) {
      if (row.status === 'HELD' || row.status === 'REJECTED') updated.push(withStatus(row, delivered ? 'SUPERSEDED' : 'WITHDRAWN'));
    }
    if (delivered && state.conviction) {
      steps.push(
        newNotification(
          { ...state, conviction: state.conviction },
          receiver,
          { kind: 'UPDATE', exchangeId: exchangeOf(rows), clock: clockFrom(receiver, event.recordedAt), step: `not/${receiver}` },
          env,
        ),
      );
    }
  }
  const { rows: inserted, outputs } = collect(steps);
  const outcome = inserted.length === 0 ? 'removed-before-notified' : outcomeOf(inserted);
  // Nobody is left to notify: the court record's personal data is no longer needed.
  const kept = inserted.length === 0 ? { ...state, conviction: null } : state;
  return { conviction: kept, inserted, updated, outputs, outcome };
}
