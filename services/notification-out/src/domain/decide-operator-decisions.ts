/**
 * Operators' answers to our work items, as REVIEW_DECISION actions on ops.actions.v1 (every manual
 * decision is itself on the log, architecture §1). `details` says what was decided:
 *
 *   { decision: 'classify-offence',    ukOffenceCode: 'TH68001', category: '0500 00' }
 *   { decision: 'classify-sentence',   disposalCode: '1116',     category: '1000' }
 *   { decision: 'resend-notification', messageId: 'GB-FR-NOT-...' }
 *
 * A classification is kept for the code from then on, and every NOT held for that code is built again
 * and sent if nothing else holds it. A re-send replaces a rejected (FEM) or problem (NRS) NOT with a new
 * one built from the court record as it now stands, on the original deadline.
 * A decision that cannot apply is not dead-lettered: the operator gets a work item saying why.
 */
import type { OperatorAction } from '@ecris/contracts';
import { OFFENCE_CATEGORY, SENTENCE_CATEGORY } from './classification';
import type { CategoryDecision, ConvictionState, NotificationRecord, Plan, PlannedOutput } from './model';
import { clockOf, exchangeOf, newNotification, sendOrHold, uniqueOutputs, withStatus, type DecisionEnv } from './notifications';

export type OperatorDecision =
  | { readonly decision: 'classify'; readonly category: CategoryDecision }
  | { readonly decision: 'resend'; readonly messageId: string; readonly actor: string };

export type ParsedAction = OperatorDecision | { readonly decision: 'not-ours' } | { readonly decision: 'invalid'; readonly why: string };

const DECISIONS = ['classify-offence', 'classify-sentence', 'resend-notification'] as const;

export function parseOperatorAction(action: OperatorAction): ParsedAction {
  const details = action.details ?? {};
  const decision = details['decision'];
  if (action.action !== 'REVIEW_DECISION' || !(DECISIONS as readonly (string | undefined)[]).includes(decision)) {
    return { decision: 'not-ours' };
  }
  if (decision === 'resend-notification') {
    const messageId = details['messageId']?.trim();
    return messageId ? { decision: 'resend', messageId, actor: action.actor } : { decision: 'invalid', why: 'details.messageId is missing' };
  }
  const scheme = decision === 'classify-offence' ? 'offence' : 'sentence';
  const nationalCode = details[scheme === 'offence' ? 'ukOffenceCode' : 'disposalCode']?.trim().toUpperCase();
  const category = details['category']?.trim() ?? '';
  if (!nationalCode) return { decision: 'invalid', why: `details.${scheme === 'offence' ? 'ukOffenceCode' : 'disposalCode'} is missing` };
  const pattern = scheme === 'offence' ? OFFENCE_CATEGORY : SENTENCE_CATEGORY;
  if (!pattern.test(category)) {
    return { decision: 'invalid', why: `details.category must be ${scheme === 'offence' ? 'an Annex A category NNNN NN' : 'an Annex B category of 4 or 5 digits'}` };
  }
  return {
    decision: 'classify',
    category: { scheme, nationalCode, category, decidedBy: action.actor, actionId: action.actionId, decidedAt: action.at },
  };
}

/** Held NOTs of one conviction, with the conviction as it now stands. */
export interface HeldConviction {
  readonly state: ConvictionState;
  readonly held: readonly NotificationRecord[];
}

/** Keeps the classification and retries every NOT held for that code (env.classifier must already include it). */
export function decideClassification(decision: CategoryDecision, convictions: readonly HeldConviction[], env: DecisionEnv): Plan {
  const reason = decision.scheme === 'offence' ? 'OFFENCE_UNCLASSIFIED' : 'SENTENCE_UNCLASSIFIED';
  const updated: NotificationRecord[] = [];
  const outputs: PlannedOutput[] = [];
  for (const { state, held } of convictions) {
    if (state.conviction === null) continue;
    for (const row of held) {
      if (!row.heldReasons.some((r) => r.code === reason && r.nationalCode === decision.nationalCode)) continue;
      const step = sendOrHold({ ...state, conviction: state.conviction }, row, env);
      updated.push(step.record);
      outputs.push(...step.outputs);
    }
  }
  return { categoryDecision: decision, inserted: [], updated, outputs: uniqueOutputs(outputs), outcome: 'operator-decision-applied' };
}

export function decideResend(
  decision: Extract<OperatorDecision, { decision: 'resend' }>,
  existing: { state: ConvictionState | undefined; rows: readonly NotificationRecord[] },
  action: OperatorAction,
  env: DecisionEnv,
): Plan {
  const target = existing.rows.find((row) => row.messageId === decision.messageId);
  const why = !target
    ? 'names no notification this service sent'
    : target.status !== 'REJECTED' && target.status !== 'PROBLEM'
      ? `the notification is ${target.status}; only a REJECTED or PROBLEM one is re-sent`
      : existing.state?.removed
        ? 'the conviction has been removed from the record since'
        : undefined;
  if (why || !target || !existing.state?.conviction) return notApplicable(action, why ?? 'the court record is no longer held');

  const rows = existing.rows.filter((row) => row.receivingState === target.receivingState);
  const step = newNotification(
    { ...existing.state, conviction: existing.state.conviction },
    target.receivingState,
    { kind: target.kind, exchangeId: exchangeOf(rows), clock: clockOf(target), resendOf: target.messageId, step: `resend/${target.messageId}` },
    env,
  );
  return {
    inserted: [step.record],
    updated: [withStatus(target, 'SUPERSEDED')],
    outputs: step.outputs,
    outcome: 'operator-decision-applied',
  };
}

/** Tells the operator, through the work queue, that a decision was not applied and why. */
export function notApplicable(action: OperatorAction, why: string): Plan {
  const key = action.exchangeId ?? action.actionId;
  const output: PlannedOutput = {
    type: 'work-item',
    key,
    step: `task/not-applied/${action.actionId}`,
    value: {
      taskId: `notification-out:OPERATOR_DECISION:${action.actionId}`,
      kind: 'OTHER',
      sourceMessageId: action.details?.['messageId'] ?? action.actionId,
      reason: `Operator decision ${action.actionId} was not applied: ${why}.`,
      dueBy: null,
      texts: [],
    },
  };
  return { inserted: [], updated: [], outputs: [output], outcome: 'operator-decision-not-applicable' };
}
