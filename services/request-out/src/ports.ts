/** The ports request-out's handlers and HTTP API use, and the injection tokens of its own providers. */
import type { SqlExecutor } from '@ecris/messaging';
import type { RequestCase } from './domain/model';

/** Cases in PostgreSQL (schema request_out). Every method runs on the executor given: a transaction when it must be. */
export interface CaseStore {
  /** The case, locked for this transaction (SELECT ... FOR UPDATE); undefined when there is none. */
  lockCase(tx: SqlExecutor, requestId: string): Promise<RequestCase | undefined>;
  /** The case without a lock, for reading. */
  readCase(db: SqlExecutor, requestId: string): Promise<RequestCase | undefined>;
  /** Which case a REQ, RAR or translation id we gave out belongs to. */
  requestIdOf(db: SqlExecutor, messageId: string): Promise<string | undefined>;
  /** Inserts (version 0) or updates (its version) the case and its projections; returns it with the new version. */
  save(tx: SqlExecutor, requestCase: RequestCase): Promise<RequestCase>;
  /** The agency's requests, newest first. */
  listForAgency(db: SqlExecutor, agencyId: string, limit: number): Promise<{ requestId: string; stage: string; createdAt: string }[]>;
  /** Cases with a clock past its due date (due before `today`) not yet reported overdue. */
  casesPastDue(db: SqlExecutor, today: string, limit: number): Promise<string[]>;
  /** The open clocks (one per state still awaited), for the deadline metrics. */
  openDeadlines(db: SqlExecutor): Promise<OpenDeadlineCount[]>;
}

export interface OpenDeadlineCount {
  readonly dueDate: string;
  readonly unit: string;
  readonly calendar: string;
  readonly overdue: boolean;
  readonly count: number;
}

export const CASE_STORE = Symbol('CASE_STORE');
export const REQUEST_OUT_SETTINGS = Symbol('REQUEST_OUT_SETTINGS');
export const DECISION_CONTEXT = Symbol('DECISION_CONTEXT');
/** request-out's clock: the kit's CLOCK unless a test pins one. */
export const REQUEST_OUT_CLOCK = Symbol('REQUEST_OUT_CLOCK');
