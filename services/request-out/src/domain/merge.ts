/**
 * What the agency gets (agency.responses.v1): each state's answer, and the answers merged for the
 * person: every distinct conviction once, with its convicting state and every state that reported it.
 * The "other member states" an answer names are offered as follow-up requests.
 */
import type { MergedConviction, PreviousConvictionsResponse, StateAnswer } from '@ecris/contracts';
import { hasEnded } from './case-updates';
import type { RequestCase, StateExchange } from './model';
import type { RequestOutPolicy } from './policy';
import { purposeOf } from './policy';

/** One state's entry: its answer; a refusal by FEM; no reply by the deadline; or still pending (OTHER, no response id). */
export function stateAnswerOf(exchange: StateExchange): StateAnswer {
  if (exchange.status === 'ANSWERED' && exchange.answer) return exchange.answer;
  const base = {
    state: exchange.state,
    ecrisRequestId: exchange.requestMessageId,
    ecrisResponseId: null,
    responseTypeRef: null,
    convictions: [],
    otherMemberStates: [],
  };
  if (exchange.status === 'FAILED') return { ...base, outcome: 'PROBLEM', answeredAt: exchange.failure?.at ?? null };
  if (exchange.status === 'AWAITING_ANSWER' && exchange.deadline.overdueSince !== null) {
    return { ...base, outcome: 'NO_REPLY_BY_DEADLINE', answeredAt: null };
  }
  return { ...base, outcome: 'OTHER', answeredAt: null };
}

/** True when every state asked has answered, refused, or run out of time. */
export function isComplete(requestCase: RequestCase): boolean {
  return requestCase.states.every(
    (exchange) => hasEnded(exchange) || (exchange.status === 'AWAITING_ANSWER' && exchange.deadline.overdueSince !== null),
  );
}

/** Distinct convictions by ECRIS conviction id, in the order the answers arrived; each keeps every state that reported it. */
export function mergedConvictionsOf(answers: readonly StateAnswer[]): MergedConviction[] {
  const byId = new Map<string, MergedConviction>();
  const arrived = answers
    .filter((answer) => answer.answeredAt !== null && answer.ecrisResponseId !== null)
    .sort((a, b) => (a.answeredAt! < b.answeredAt! ? -1 : a.answeredAt! > b.answeredAt! ? 1 : a.state.localeCompare(b.state)));
  for (const answer of arrived) {
    for (const sourced of answer.convictions) {
      const source = { state: answer.state, responseMessageId: sourced.sourceMessageId };
      const known = byId.get(sourced.conviction.convictionId);
      if (known) {
        byId.set(known.convictionId, { ...known, reportedBy: [...known.reportedBy, source] });
      } else {
        byId.set(sourced.conviction.convictionId, {
          convictionId: sourced.conviction.convictionId,
          convictingState: sourced.convictingState,
          reportedBy: [source],
          conviction: sourced.conviction,
        });
      }
    }
  }
  return [...byId.values()];
}

export function permittedUseOf(requestCase: RequestCase, policy: RequestOutPolicy): string {
  const purpose = purposeOf(policy, requestCase.request.purposeCategoryRef)?.label ?? requestCase.request.purposeCategoryRef;
  const caseReference = requestCase.request.caseReference ? ` (case ${requestCase.request.caseReference})` : '';
  return (
    `Only for the purpose of this request: ${purpose}${caseReference}, within any restriction the providing state set. ` +
    'Any other use only to prevent an immediate and serious threat to public security (FRA 2020 s.4(4)-(5)).'
  );
}

export function responseOf(requestCase: RequestCase, policy: RequestOutPolicy): Omit<PreviousConvictionsResponse, 'meta'> {
  const answers = requestCase.states.map(stateAnswerOf);
  return {
    requestId: requestCase.requestId,
    complete: isComplete(requestCase),
    answers,
    purposeCategoryRef: requestCase.request.purposeCategoryRef,
    permittedUse: permittedUseOf(requestCase, policy),
    mergedConvictions: mergedConvictionsOf(answers),
  };
}

export interface FollowUp {
  readonly state: string;
  /** The states whose answers named it. */
  readonly suggestedBy: readonly string[];
}

/** States named in answers as possibly holding more, not asked in this request: to offer as follow-ups. */
export function followUpsOf(requestCase: RequestCase, senderCountry: string): FollowUp[] {
  const asked = new Set(requestCase.states.map((exchange) => exchange.state));
  const offers = new Map<string, string[]>();
  for (const exchange of requestCase.states) {
    for (const state of exchange.answer?.otherMemberStates ?? []) {
      if (asked.has(state) || state === senderCountry) continue;
      offers.set(state, [...(offers.get(state) ?? []), exchange.state]);
    }
  }
  return [...offers.entries()].map(([state, suggestedBy]) => ({ state, suggestedBy }));
}
