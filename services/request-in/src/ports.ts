import type { EventMeta, Person } from '@ecris/contracts';
import type { RequestPurpose } from '@ecris/deadlines';
import type { SqlExecutor } from '@ecris/messaging';
import type { AnswerOutcome, Identification } from './domain/answer';
import type { RequestStatus } from './domain/cancellation';
import type { OpenRequest } from './domain/deadline-review';
import type { WithholdReason } from './domain/disclosure';
import type { HeldConviction } from './domain/held-conviction';

/** A received request as request_in.requests keeps it. */
export interface StoredRequest {
  readonly requestId: string;
  readonly requestingState: string;
  readonly status: RequestStatus;
  readonly receivedAt: string;
  readonly dueOn: string | null;
  readonly deadlineRule: string | null;
  readonly purposeCategoryRef: string | null;
  readonly purpose: RequestPurpose | null;
  readonly ukNational: boolean | null;
  readonly additionalInfoRequestId: string | null;
  readonly responseMessageId: string | null;
  readonly responseTypeRef: string | null;
  readonly outcome: AnswerOutcome | 'REJECTED' | null;
  readonly overdueSince: string | null;
  readonly person: Person | null;
  readonly cause: EventMeta;
}

export interface FinalAnswerRecord {
  readonly responseMessageId: string;
  readonly responseTypeRef: string;
  readonly outcome: AnswerOutcome;
  readonly answeredAt: string;
  readonly disclosed: readonly string[];
  readonly withheld: readonly { readonly convictionId: string; readonly reason: WithholdReason }[];
}

/** request-in's own table, used inside one transaction (the ledger's, or the deadline check's). */
export interface RequestStore {
  /** Locks the row for the rest of the transaction. */
  find(requestId: string): Promise<StoredRequest | undefined>;
  findByAdditionalInfoRequest(raiMessageId: string): Promise<StoredRequest | undefined>;
  /** False when a row with this request id exists already (the same REQ again). */
  insert(request: StoredRequest, answer: FinalAnswerRecord | null): Promise<boolean>;
  /** Moves a waiting request to ANSWERED; false when it is no longer waiting (someone else closed it). */
  recordAnswer(requestId: string, answer: FinalAnswerRecord): Promise<boolean>;
  /** Moves a waiting request to CANCELLED; false when it is no longer waiting. */
  cancel(requestId: string, cancellationId: string, at: string): Promise<boolean>;
  /** Waiting requests not locked by another transaction right now. */
  listOpen(): Promise<OpenRequest[]>;
  markOverdue(requestIds: readonly string[], at: string): Promise<void>;
}
export type RequestStoreOf = (tx: SqlExecutor) => RequestStore;

/** Who the requested person is on the register, and what is held about them. */
export interface RegisterSearch {
  identify(person: Person): Promise<Identification>;
  convictionsOf(personId: string): Promise<HeldConviction[]>;
}
/** A search reading through the given executor (the record's transaction). */
export type RegisterSearchOf = (db: SqlExecutor) => RegisterSearch;

export const REGISTER_SEARCH_OF = Symbol('REGISTER_SEARCH_OF');
export const REQUEST_IN_SETTINGS = Symbol('REQUEST_IN_SETTINGS');
export const REQUEST_EXCHANGE = Symbol('REQUEST_EXCHANGE');
