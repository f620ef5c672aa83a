/**
 * What the agency API does behind its routes. A submission is stored (SUBMITTED) in the same
 * transaction as its record for agency.requests.v1 in the outbox, so a crash never loses or doubles
 * it; the consumer of that topic then sends the REQs exactly as for a request an agency put there
 * itself. Every refusal of an identified agency is also recorded as RequestRejected.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ukDateOf } from '@ecris/deadlines';
import type { Logger } from '@ecris/logging';
import { insertOutboxRecords, uuidV5, type SqlExecutor } from '@ecris/messaging';
import { SERVICE_LOGGER, type Clock } from '@ecris/service-kit';
import { ExactlyOnce } from '../adapters/exactly-once';
import { originMeta, SOURCE, toOutbound } from '../adapters/outbound';
import { RequestOutMetrics } from '../adapters/request-out-metrics';
import { HTTP_STATUS_OF, mayRead, rejectionOf, submissionRefusal, type Refusal, type RefusedAction } from '../domain/authorise';
import type { DecisionContext } from '../domain/context';
import { emits } from '../domain/emit';
import { followUpRequest } from '../domain/follow-up';
import { responseOf } from '../domain/merge';
import type { AgencyRequest, RequestCase } from '../domain/model';
import { purposeOf, type Agency } from '../domain/policy';
import { statusOf, type StatusView } from '../domain/status-view';
import { statesToAsk, submittedCase } from '../domain/submit';
import { CASE_STORE, DECISION_CONTEXT, REQUEST_OUT_CLOCK, type CaseStore } from '../ports';
import { ProblemException } from './problem';
import { agencyRequestFromBody, followUpStatesFromBody } from './submission-body';

export interface Accepted {
  /** False when the same submission (same Idempotency-Key) was taken before: nothing new was done. */
  readonly created: boolean;
  readonly requestId: string;
  readonly stage: string;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class AgencyApi {
  constructor(
    private readonly exactlyOnce: ExactlyOnce,
    private readonly metrics: RequestOutMetrics,
    @Inject(CASE_STORE) private readonly store: CaseStore,
    @Inject(DECISION_CONTEXT) private readonly context: DecisionContext,
    @Inject(REQUEST_OUT_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async submit(agency: Agency, body: unknown, idempotencyKey: string | undefined): Promise<Accepted> {
    const now = this.clock().toISOString();
    // With an Idempotency-Key the id is derived from it, so a retried POST finds the first one.
    const requestId = idempotencyKey ? `AR-${uuidV5(`${agency.id}/${idempotencyKey}`)}` : `AR-${randomUUID()}`;
    const request = agencyRequestFromBody(body, agency, requestId, now);
    if ('problems' in request) return this.refuse(agency, 'SUBMIT', { reason: 'INVALID_REQUEST', problems: request.problems }, requestId, null);
    return this.take(agency, request, null, now, 'SUBMIT');
  }

  async followUp(agency: Agency, parentId: string, body: unknown): Promise<Accepted> {
    const parent = await this.owned(agency, parentId, 'FOLLOW_UP');
    const states = followUpStatesFromBody(body);
    if ('problems' in states) return this.refuse(agency, 'FOLLOW_UP', { reason: 'INVALID_REQUEST', problems: states.problems }, parentId, null);
    const now = this.clock().toISOString();
    const request = followUpRequest(parent, states, now, this.context.senderCountry);
    if ('reason' in request) return this.refuse(agency, 'FOLLOW_UP', request, parentId, parent.request.purposeCategoryRef);
    return this.take(agency, request, parentId, now, 'FOLLOW_UP');
  }

  async status(agency: Agency, requestId: string): Promise<StatusView> {
    const requestCase = await this.owned(agency, requestId, 'READ_STATUS');
    return statusOf(requestCase, ukDateOf(this.clock()), this.context.senderCountry);
  }

  async answers(agency: Agency, requestId: string) {
    const requestCase = await this.owned(agency, requestId, 'READ_ANSWERS');
    return responseOf(requestCase, this.context.policy);
  }

  list(agency: Agency) {
    return this.store.listForAgency(this.exactlyOnce.database, agency.id, 100);
  }

  private async take(agency: Agency, request: AgencyRequest, followUpOf: string | null, now: string, action: RefusedAction): Promise<Accepted> {
    const refusal = submissionRefusal(agency, request, this.context, ukDateOf(now)) ?? this.nothingToAsk(request, now);
    if (refusal) return this.refuse(agency, action, refusal, request.requestId, request.purposeCategoryRef);
    try {
      return await this.exactlyOnce.database.transaction(async (tx) => this.takeIn(tx, request, followUpOf, now));
    } catch (error) {
      // Two POSTs with the same Idempotency-Key at once: the second finds the first's row.
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
      const existing = await this.store.readCase(this.exactlyOnce.database, request.requestId);
      return { created: false, requestId: request.requestId, stage: existing?.stage ?? 'SUBMITTED' };
    }
  }

  /** The case (SUBMITTED) and its record for agency.requests.v1, in one transaction. */
  private async takeIn(tx: SqlExecutor, request: AgencyRequest, followUpOf: string | null, now: string): Promise<Accepted> {
    const existing = await this.store.lockCase(tx, request.requestId);
    if (existing) return { created: false, requestId: existing.requestId, stage: existing.stage };
    await this.store.save(tx, submittedCase(request, now, followUpOf));
    const meta = {
      ...originMeta(uuidV5(`${request.requestId}/submitted`), now, request.requestId),
      type: 'uk.ecris.agency.convictions-requested.v1',
      source: SOURCE,
    };
    const record = emits.agencyRequest(request.requestId, request, 'submitted');
    await insertOutboxRecords(tx, [this.exactlyOnce.encode({ topic: record.topic, key: record.key, schema: record.schema, value: record.value, meta })]);
    this.logger.info({ requestId: request.requestId, followUpOf }, 'agency request taken in over HTTP');
    return { created: true, requestId: request.requestId, stage: 'SUBMITTED' };
  }

  /** Refused at once rather than after the consumer finds no state to ask, so the caller hears it now. */
  private nothingToAsk(request: AgencyRequest, now: string): Refusal | null {
    const purpose = purposeOf(this.context.policy, request.purposeCategoryRef)!;
    const { asked, notAsked } = statesToAsk(request, purpose, this.context, ukDateOf(now));
    if (asked.length > 0) return null;
    return { reason: 'NO_STATE_TO_ASK', problems: notAsked.length > 0 ? notAsked.map((n) => n.reason) : ['person.nationalities: no EU member state of nationality to ask'] };
  }

  private async owned(agency: Agency, requestId: string, action: RefusedAction): Promise<RequestCase> {
    const requestCase = await this.store.readCase(this.exactlyOnce.database, requestId);
    if (mayRead(agency, requestCase)) return requestCase;
    // Another agency's request and one that does not exist look the same from outside.
    return this.refuse(agency, action, { reason: 'NOT_FOUND', problems: [] }, requestId, null);
  }

  private async refuse(agency: Agency, action: RefusedAction, refusal: Refusal, requestId: string, purposeCategoryRef: string | null): Promise<never> {
    const status = HTTP_STATUS_OF[refusal.reason];
    const at = this.clock().toISOString();
    const rejectionId = randomUUID();
    const rejection = rejectionOf({ rejectionId, requestId, agencyCode: agency.id, channel: 'HTTP', action, refusal, purposeCategoryRef, httpStatus: status, at });
    const emit = emits.rejected(requestId, rejection, 'rejected');
    const record = this.exactlyOnce.encode(toOutbound(originMeta(rejectionId, at, requestId), emit, at, requestId));
    await this.exactlyOnce.database.transaction((tx) => insertOutboxRecords(tx, [record]));
    if (action === 'SUBMIT' || action === 'FOLLOW_UP') this.metrics.refused(refusal.reason, 'HTTP');
    else this.metrics.refusedAccess(refusal.reason);
    this.logger.warn({ agency: agency.id, action, reason: refusal.reason, requestId }, 'agency API call refused');
    const detail =
      refusal.reason === 'NOT_FOUND'
        ? `No request ${requestId} of agency ${agency.id}.`
        : refusal.reason === 'PURPOSE_NOT_AUTHORISED'
          ? `Agency ${agency.id} is not authorised to ask for purpose ${purposeCategoryRef}.`
          : 'The request was refused; nothing was sent.';
    throw new ProblemException(status, refusal.reason, detail, { problems: refusal.problems, requestId });
  }
}
