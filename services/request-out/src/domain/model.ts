/**
 * The case request-out keeps for each agency request: what was asked, the exchange with each state
 * asked, and the answers. Plain data (it is stored as JSON); the functions of this folder take a case
 * and an input and return the next case and what to publish.
 */
import type {
  Conviction,
  PreviousConvictionsRequest,
  RequestResponse,
  StateAnswer,
} from '@ecris/contracts';
import type { DeadlineRule } from '@ecris/deadlines';

export type Channel = 'HTTP' | 'KAFKA';

/** SUBMITTED: taken in over HTTP, its record not yet consumed; OPEN: requests sent; COMPLETE: every state ended. */
export type CaseStage = 'SUBMITTED' | 'OPEN' | 'COMPLETE' | 'REJECTED';

/** The agency request without its meta: what the agency asked, as validated. */
export type AgencyRequest = Omit<PreviousConvictionsRequest, 'meta'>;

/** A received RRS without its meta. */
export type ReceivedResponse = Omit<RequestResponse, 'meta'>;

export interface StateDeadline {
  /** DL-<REQ id>-<n>: n goes up each time the clock is re-based (after additional information). */
  readonly deadlineId: string;
  readonly startDate: string;
  readonly dueDate: string;
  readonly rule: DeadlineRule;
  /** When the overdue check found it overdue; null while in time (or never checked since). */
  readonly overdueSince: string | null;
}

/**
 * AWAITING_ANSWER: the REQ is out and no answer came yet; TRANSLATING: the answer came and is with the
 * translation service; ANSWERED: delivered to the agency; FAILED: the state rejected our REQ (FEM).
 */
export type StateStatus = 'AWAITING_ANSWER' | 'TRANSLATING' | 'ANSWERED' | 'FAILED';

export interface PendingTranslation {
  readonly translationId: string;
  readonly response: ReceivedResponse;
  readonly receivedAt: string;
}

export interface StateExchange {
  /** ECRIS wire code of the state asked. */
  readonly state: string;
  readonly requestMessageId: string;
  readonly sentAt: string;
  readonly deadline: StateDeadline;
  /** The date the state itself gave in an RDL, recorded as given. */
  readonly theirDeadline: string | null;
  readonly status: StateStatus;
  readonly pendingTranslation: PendingTranslation | null;
  /** The answer as delivered to the agency (translated); replaced if the state answers again. */
  readonly answer: StateAnswer | null;
  /** The answer came after our deadline had passed (still accepted). */
  readonly answeredLate: boolean;
  /** Set when the state sent a FEM about our REQ. */
  readonly failure: { readonly messageId: string; readonly codes: readonly string[]; readonly at: string } | null;
  readonly rarCount: number;
}

/** A state we did not ask, and why. */
export interface StateNotAsked {
  readonly state: string;
  readonly reason: string;
}

export type HistoryKind =
  | 'SUBMITTED'
  | 'REQUEST_SENT'
  | 'NOT_SENT'
  | 'DEADLINE_GIVEN'
  | 'ADDITIONAL_INFO_REQUESTED'
  | 'ADDITIONAL_INFO_SENT'
  | 'ANSWER_RECEIVED'
  | 'SENT_FOR_TRANSLATION'
  | 'ANSWER_DELIVERED'
  | 'FUNCTIONAL_ERROR_RECEIVED'
  | 'INVALID_MESSAGE_RECEIVED'
  | 'OVERDUE'
  | 'REJECTED';

/** One line of the case's story, as the status API shows it: codes and ids only, never personal data. */
export interface HistoryEntry {
  readonly at: string;
  readonly kind: HistoryKind;
  readonly state: string | null;
  readonly messageId: string | null;
  readonly note: string | null;
}

export interface RequestCase {
  readonly requestId: string;
  readonly agencyId: string;
  readonly channel: Channel;
  readonly stage: CaseStage;
  readonly request: AgencyRequest;
  /** The `ce_time` of the agency request record: the instant it was submitted. */
  readonly submittedAt: string;
  /** The request this one follows up, when it was made from an answer's "other member states". */
  readonly followUpOf: string | null;
  readonly states: readonly StateExchange[];
  readonly notAsked: readonly StateNotAsked[];
  readonly rejection: { readonly reason: string; readonly problems: readonly string[] } | null;
  readonly history: readonly HistoryEntry[];
  /** Stored with the case; the store checks it on save. */
  readonly version: number;
}

export type { Conviction };
