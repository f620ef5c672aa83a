import type { EventMeta, Person } from '@ecris/contracts';
import type { RequestPurpose } from '@ecris/deadlines';
import type { SqlExecutor } from '@ecris/messaging';
import type { AnswerOutcome } from '../domain/answer';
import type { RequestStatus } from '../domain/cancellation';
import type { OpenRequest } from '../domain/deadline-review';
import type { FinalAnswerRecord, RequestStore, StoredRequest } from '../ports';

interface RequestRow {
  request_id: string;
  requesting_state: string;
  status: RequestStatus;
  received_at: string;
  due_on: string | null;
  deadline_rule: string | null;
  purpose_category_ref: string | null;
  purpose: RequestPurpose | null;
  uk_national: boolean | null;
  additional_info_request_id: string | null;
  response_message_id: string | null;
  response_type_ref: string | null;
  outcome: AnswerOutcome | 'REJECTED' | null;
  overdue_since: string | null;
  person: Person | null;
  cause: EventMeta;
}

// Dates and instants as text, the same on PostgreSQL and PGlite.
const COLUMNS = `request_id, requesting_state, status,
  to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at,
  to_char(due_on, 'YYYY-MM-DD') AS due_on, deadline_rule, purpose_category_ref, purpose, uk_national,
  additional_info_request_id, response_message_id, response_type_ref, outcome,
  to_char(overdue_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS overdue_since, person, cause`;

function fromRow(row: RequestRow): StoredRequest {
  return {
    requestId: row.request_id,
    requestingState: row.requesting_state,
    status: row.status,
    receivedAt: row.received_at,
    dueOn: row.due_on,
    deadlineRule: row.deadline_rule,
    purposeCategoryRef: row.purpose_category_ref,
    purpose: row.purpose,
    ukNational: row.uk_national,
    additionalInfoRequestId: row.additional_info_request_id,
    responseMessageId: row.response_message_id,
    responseTypeRef: row.response_type_ref,
    outcome: row.outcome,
    overdueSince: row.overdue_since,
    person: row.person,
    cause: row.cause,
  };
}

/** request_in.requests and request_in.disclosures, inside the caller's transaction. */
export class PgRequestStore implements RequestStore {
  constructor(private readonly tx: SqlExecutor) {}

  async find(requestId: string): Promise<StoredRequest | undefined> {
    const { rows } = await this.tx.query<RequestRow>(`SELECT ${COLUMNS} FROM request_in.requests WHERE request_id = $1 FOR UPDATE`, [requestId]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async findByAdditionalInfoRequest(raiMessageId: string): Promise<StoredRequest | undefined> {
    const { rows } = await this.tx.query<RequestRow>(
      `SELECT ${COLUMNS} FROM request_in.requests WHERE additional_info_request_id = $1 FOR UPDATE`,
      [raiMessageId],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async insert(request: StoredRequest, answer: FinalAnswerRecord | null): Promise<boolean> {
    const { rowCount } = await this.tx.query(
      `INSERT INTO request_in.requests (request_id, requesting_state, status, received_at, due_on, deadline_rule,
         purpose_category_ref, purpose, uk_national, additional_info_request_id, response_message_id, response_type_ref,
         outcome, answered_at, person, cause, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16::jsonb, $4)
       ON CONFLICT (request_id) DO NOTHING`,
      [
        request.requestId,
        request.requestingState,
        request.status,
        request.receivedAt,
        request.dueOn,
        request.deadlineRule,
        request.purposeCategoryRef,
        request.purpose,
        request.ukNational,
        request.additionalInfoRequestId,
        answer?.responseMessageId ?? request.responseMessageId,
        answer?.responseTypeRef ?? request.responseTypeRef,
        answer?.outcome ?? request.outcome,
        answer?.answeredAt ?? null,
        JSON.stringify(request.person),
        JSON.stringify(request.cause),
      ],
    );
    if (rowCount === 1 && answer) await this.recordDisclosures(request.requestId, answer);
    return rowCount === 1;
  }

  async recordAnswer(requestId: string, answer: FinalAnswerRecord): Promise<boolean> {
    const { rowCount } = await this.tx.query(
      `UPDATE request_in.requests
          SET status = 'ANSWERED', response_message_id = $2, response_type_ref = $3, outcome = $4, answered_at = $5, updated_at = $5
        WHERE request_id = $1 AND status = 'AWAITING_ADDITIONAL_INFO'`,
      [requestId, answer.responseMessageId, answer.responseTypeRef, answer.outcome, answer.answeredAt],
    );
    if (rowCount === 1) await this.recordDisclosures(requestId, answer);
    return rowCount === 1;
  }

  async cancel(requestId: string, cancellationId: string, at: string): Promise<boolean> {
    const { rowCount } = await this.tx.query(
      `UPDATE request_in.requests SET status = 'CANCELLED', cancelled_by = $2, updated_at = $3
        WHERE request_id = $1 AND status = 'AWAITING_ADDITIONAL_INFO'`,
      [requestId, cancellationId, at],
    );
    return rowCount === 1;
  }

  async listOpen(): Promise<OpenRequest[]> {
    // SKIP LOCKED: a request a consumer is answering right now is left to it; the next check sees the rest.
    const { rows } = await this.tx.query<{ request_id: string; due_on: string; deadline_rule: string; overdue_since: string | null }>(
      `SELECT request_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, deadline_rule,
              to_char(overdue_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS overdue_since
         FROM request_in.requests WHERE status = 'AWAITING_ADDITIONAL_INFO'
        ORDER BY due_on, request_id
        FOR UPDATE SKIP LOCKED`,
    );
    return rows.map((row) => ({ requestId: row.request_id, dueOn: row.due_on, deadlineRule: row.deadline_rule, overdueSince: row.overdue_since }));
  }

  async markOverdue(requestIds: readonly string[], at: string): Promise<void> {
    if (requestIds.length === 0) return;
    await this.tx.query(
      `UPDATE request_in.requests SET overdue_since = $2, updated_at = $2
        WHERE request_id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb))) AND overdue_since IS NULL`,
      [JSON.stringify(requestIds), at],
    );
  }

  private async recordDisclosures(requestId: string, answer: FinalAnswerRecord): Promise<void> {
    const rows = [
      ...answer.disclosed.map((convictionId) => ({ conviction_id: convictionId, decision: 'DISCLOSED', reason: null })),
      ...answer.withheld.map((w) => ({ conviction_id: w.convictionId, decision: 'WITHHELD', reason: w.reason })),
    ];
    if (rows.length === 0) return;
    await this.tx.query(
      `INSERT INTO request_in.disclosures (request_id, conviction_id, decision, reason)
       SELECT $1, conviction_id, decision, reason FROM jsonb_to_recordset($2::jsonb) AS r(conviction_id text, decision text, reason text)`,
      [requestId, JSON.stringify(rows)],
    );
  }
}
