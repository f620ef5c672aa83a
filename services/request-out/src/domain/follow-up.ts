/**
 * An answer may name other member states that could hold information about the person (RRS "other
 * member states"). The agency can ask them with one call: a new request, the same person and purpose,
 * to those states only, linked to the first. Its id derives from the first request and the states, so
 * asking twice does not send twice.
 */
import type { Refusal } from './authorise';
import { followUpsOf } from './merge';
import type { AgencyRequest, RequestCase } from './model';
import { REQUEST_ID } from './validate-request';

export function followUpRequest(
  parent: RequestCase,
  states: readonly string[],
  requestedAt: string,
  senderCountry: string,
): AgencyRequest | Refusal {
  const offered = new Set(followUpsOf(parent, senderCountry).map((offer) => offer.state));
  const wanted = [...new Set(states)].sort();
  const notOffered = wanted.filter((state) => !offered.has(state));
  if (wanted.length === 0) return { reason: 'INVALID_REQUEST', problems: ['states: at least one'] };
  if (notOffered.length > 0) {
    return { reason: 'FOLLOW_UP_NOT_OFFERED', problems: notOffered.map((state) => `states: ${state} was not named by an answer to this request`) };
  }
  const requestId = `${parent.requestId}-FU-${wanted.join('-')}`;
  if (!REQUEST_ID.test(requestId)) return { reason: 'INVALID_REQUEST', problems: ['states: too many for one follow-up request id; ask fewer at once'] };
  return { ...parent.request, requestId, requestedAt, targetStates: wanted };
}
