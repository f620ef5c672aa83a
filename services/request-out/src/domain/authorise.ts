/**
 * Who may do what: an agency asks only for the purposes it is authorised for, and sees only its own
 * requests. A refusal is data (an event on agency.responses.v1 and, over HTTP, a problem response).
 */
import type { RequestRejected } from '@ecris/contracts';
import type { DecisionContext } from './context';
import type { AgencyRequest, Channel, RequestCase } from './model';
import type { Agency } from './policy';
import { requestProblems } from './validate-request';

export type RejectionReason = RequestRejected['reason'];
export type RefusedAction = RequestRejected['action'];

export interface Refusal {
  readonly reason: RejectionReason;
  /** Field path and rule, one per line; never values. */
  readonly problems: readonly string[];
}

/** The HTTP status each refusal is given. */
export const HTTP_STATUS_OF: Readonly<Record<RejectionReason, number>> = {
  INVALID_REQUEST: 400,
  UNKNOWN_AGENCY: 401,
  PURPOSE_NOT_AUTHORISED: 403,
  NOT_FOUND: 404,
  DUPLICATE_REQUEST_ID: 409,
  FOLLOW_UP_NOT_OFFERED: 409,
  NO_STATE_TO_ASK: 422,
  OTHER: 400,
};

/**
 * Whether `agency` may submit `request`. Authorisation comes before validation, so an agency learns
 * nothing about a purpose it may not use beyond the refusal itself.
 */
export function submissionRefusal(agency: Agency | undefined, request: AgencyRequest, context: DecisionContext, onDate: string): Refusal | null {
  if (!agency) return { reason: 'UNKNOWN_AGENCY', problems: ['agency.agencyCode: not an agency authorised to use request-out'] };
  if (!agency.purposes.includes(request.purposeCategoryRef)) {
    return { reason: 'PURPOSE_NOT_AUTHORISED', problems: [`purposeCategoryRef: agency ${agency.id} is not authorised for this purpose`] };
  }
  const problems = requestProblems(request, context, onDate);
  return problems.length > 0 ? { reason: 'INVALID_REQUEST', problems } : null;
}

/** Only the agency that made a request may read it; anyone else is told it does not exist. */
export function mayRead(agency: Agency, requestCase: RequestCase | undefined): requestCase is RequestCase {
  return requestCase !== undefined && requestCase.agencyId === agency.id;
}

export interface RejectionFacts {
  readonly rejectionId: string;
  readonly requestId: string | null;
  readonly agencyCode: string;
  readonly channel: Channel;
  readonly action: RefusedAction;
  readonly refusal: Refusal;
  readonly purposeCategoryRef: string | null;
  readonly httpStatus: number | null;
  readonly at: string;
}

export function rejectionOf(facts: RejectionFacts): Omit<RequestRejected, 'meta'> {
  return {
    rejectionId: facts.rejectionId,
    requestId: facts.requestId,
    agencyCode: facts.agencyCode,
    channel: facts.channel,
    action: facts.action,
    reason: facts.refusal.reason,
    purposeCategoryRef: facts.purposeCategoryRef,
    problems: [...facts.refusal.problems],
    httpStatus: facts.httpStatus === null ? null : String(facts.httpStatus),
    at: facts.at,
  };
}
