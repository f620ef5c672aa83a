import { SchemaNames, type Cancellation, type EventMeta, type Person, type Request, type RequestAdditionalInfoResponse } from '@ecris/contracts';
import { ukDateOf } from '@ecris/deadlines';
import {
  deriveMeta,
  encodeOutbound,
  insertOutboxRecords,
  PgEffectLedger,
  PoisonError,
  type AvroCodec,
  type LedgerEntry,
  type OutboundMessage,
  type SqlDatabase,
  type SqlExecutor,
} from '@ecris/messaging';
import { receiveAdditionalInfo } from '../domain/additional-info';
import { answerRequest, denial, multiplePeopleFound, type Answer, type FinalAnswer, type Identification } from '../domain/answer';
import { decideCancellation } from '../domain/cancellation';
import { reviewOpenRequests, type DeadlineReview } from '../domain/deadline-review';
import { decidePurpose, type PurposeDecision } from '../domain/disclosure';
import type { ConvictionRendering } from '../domain/ecris-conviction';
import { additionalInfoMessage, responseMessage, type Outgoing, type Reply } from '../domain/messages';
import { receiveRequest } from '../domain/receive-request';
import type { RequestInSettings } from '../domain/settings';
import { replySerialFor } from '../adapters/ids';
import type { FinalAnswerRecord, RegisterSearch, RegisterSearchOf, RequestStoreOf, StoredRequest } from '../ports';

const SOURCE = '/ecris-exchange/request-in';
const OUTBOUND = 'ecris.outbound.v1';

/** The consumed record a handler passes on: where it sits (for the ledger) and its meta. */
export interface InputRecord {
  readonly entry: LedgerEntry;
  readonly meta: EventMeta;
}

/** What happened to one input, for metrics and the log (codes only, never personal data). */
export type RequestOutcome = FinalAnswer['outcome'] | 'AWAITING_ADDITIONAL_INFO' | 'REJECTED' | 'DUPLICATE';
export type AdditionalInfoOutcome = FinalAnswer['outcome'] | 'REJECTED' | 'NOT_OURS' | 'NOT_WAITING' | 'DUPLICATE';
export type CancellationOutcome = 'CANCELLED' | 'ALREADY_CLOSED' | 'NOT_OURS' | 'INVALID' | 'UNKNOWN_REQUEST' | 'ALREADY_ANSWERED' | 'DUPLICATE';

type EcrisSchema = (typeof SchemaNames)[keyof typeof SchemaNames];
const TYPES: Record<string, { schema: EcrisSchema; type: string }> = {
  RDL: { schema: SchemaNames.requestDeadline, type: 'uk.ecris.request.deadline-sent.v1' },
  RRS: { schema: SchemaNames.requestResponse, type: 'uk.ecris.request.answered.v1' },
  RAI: { schema: SchemaNames.requestAdditionalInfo, type: 'uk.ecris.request.additional-info-requested.v1' },
  FEM: { schema: SchemaNames.functionalError, type: 'uk.ecris.functional-error.sent.v1' },
};

export interface RequestExchangeDeps {
  readonly db: SqlDatabase;
  readonly codec: AvroCodec;
  readonly resolveTopic: (topic: string) => string;
  readonly storeOf: RequestStoreOf;
  readonly registerOf: RegisterSearchOf;
  readonly settings: RequestInSettings;
  readonly rendering: ConvictionRendering;
}

/**
 * request-in's use cases: each input is applied exactly once (effect ledger: inbox row, our rows and
 * the outbox commit together), and everything we send goes out through the outbox. The decisions
 * are the pure functions of ../domain; this class only reads, writes and addresses.
 */
export class RequestExchange {
  private readonly ledger: PgEffectLedger;

  constructor(private readonly deps: RequestExchangeDeps) {
    this.ledger = new PgEffectLedger(deps.db);
  }

  async receiveRequest(request: Request, input: InputRecord): Promise<RequestOutcome> {
    let outcome: RequestOutcome = 'DUPLICATE';
    await this.applyOnce(input, async (tx) => {
      const store = this.deps.storeOf(tx);
      const requestId = request.header.messageId;
      // The same REQ again under another ce_id (a gateway retry): answered already. The insert below guards the same.
      if (await store.find(requestId)) return [];
      const receivedAt = input.meta.time;
      const intake = receiveRequest(request, receivedAt, this.deps.settings, replySerialFor(requestId));
      if (intake.outcome === 'UNANSWERABLE') throw new PoisonError('validation', 'UNANSWERABLE_REQUEST', `REQ cannot be answered: ${intake.reason}`);

      const base = { requestId, requestingState: request.header.sender, receivedAt, person: request.person, cause: input.meta };
      if (intake.outcome === 'REJECTED') {
        const stored = { ...base, ...NOTHING_YET, status: 'REJECTED', outcome: 'REJECTED', responseMessageId: intake.fem.header.messageId, person: null } as const;
        if (!(await store.insert(stored, null))) return [];
        outcome = 'REJECTED';
        return [this.message('FEM', intake.fem, input.meta, requestId)];
      }

      const reply = this.replyTo(request.header.sender, requestId, receivedAt);
      const answer = intake.purpose.allowed
        ? await this.search(this.deps.registerOf(tx), intake.purpose, intake.ukNational, request.person, false, receivedAt)
        : denial(intake.purpose, this.deps.settings);
      const stored: StoredRequest = {
        ...base,
        ...NOTHING_YET,
        status: answer.kind === 'RAI' ? 'AWAITING_ADDITIONAL_INFO' : 'ANSWERED',
        dueOn: intake.deadline.dueDate,
        deadlineRule: intake.deadline.rule.id,
        purposeCategoryRef: request.purposeCategoryRef,
        purpose: intake.purpose.purpose,
        ukNational: intake.ukNational,
      };
      const outputs = [this.message('RDL', intake.rdl, input.meta, requestId)];
      if (answer.kind === 'RAI') {
        const rai = additionalInfoMessage(reply, answer.items, answer.remarks);
        if (!(await store.insert({ ...stored, additionalInfoRequestId: rai.header.messageId }, null))) return [];
        outputs.push(this.message('RAI', rai, input.meta, requestId));
        outcome = 'AWAITING_ADDITIONAL_INFO';
      } else {
        const rrs = responseMessage(reply, { person: request.person, ...answer });
        if (!(await store.insert(stored, answerRecord(answer, rrs.header.messageId, receivedAt)))) return [];
        outputs.push(this.message('RRS', rrs, input.meta, requestId));
        outcome = answer.outcome;
      }
      return outputs;
    });
    return outcome;
  }

  async receiveAdditionalInfo(rar: RequestAdditionalInfoResponse, input: InputRecord): Promise<AdditionalInfoOutcome> {
    let outcome: AdditionalInfoOutcome = 'DUPLICATE';
    await this.applyOnce(input, async (tx) => {
      const store = this.deps.storeOf(tx);
      const request = rar.header.responseTo ? await store.findByAdditionalInfoRequest(rar.header.responseTo) : undefined;
      if (!request) return void (outcome = 'NOT_OURS'); // an RAR to notification-in's RAI
      if (request.status !== 'AWAITING_ADDITIONAL_INFO' || !request.person) return void (outcome = 'NOT_WAITING');

      const femReply = this.replyTo(rar.header.sender, rar.header.messageId, input.meta.time);
      const decision = receiveAdditionalInfo(rar, request.person, this.deps.settings, femReply);
      if (decision.outcome === 'REJECTED') {
        outcome = 'REJECTED';
        return [this.message('FEM', decision.fem, input.meta, request.requestId)];
      }
      const purpose = decidePurpose(request.purposeCategoryRef ?? '', request.ukNational ?? false, this.deps.settings.purposeCategories, this.deps.settings.disclosureRules);
      const answer = purpose.allowed
        ? ((await this.search(this.deps.registerOf(tx), purpose, request.ukNational ?? false, decision.person, true, input.meta.time)) as FinalAnswer)
        : denial(purpose, this.deps.settings);
      const rrs = responseMessage(this.replyTo(request.requestingState, request.requestId, input.meta.time), { person: request.person, ...answer });
      if (!(await store.recordAnswer(request.requestId, answerRecord(answer, rrs.header.messageId, input.meta.time)))) return void (outcome = 'NOT_WAITING');
      outcome = answer.outcome;
      return [this.message('RRS', rrs, input.meta, request.requestId)];
    });
    return outcome;
  }

  async receiveCancellation(cancellation: Cancellation, input: InputRecord): Promise<CancellationOutcome> {
    let outcome: CancellationOutcome = 'DUPLICATE';
    await this.applyOnce(input, async (tx) => {
      const store = this.deps.storeOf(tx);
      const cancelledId = cancellation.header.responseTo;
      const request = cancelledId ? await store.find(cancelledId) : undefined;
      const decision = decideCancellation(cancellation, request?.status, this.deps.settings, replySerialFor(cancellation.header.messageId));
      switch (decision.outcome) {
        case 'REFUSED':
          outcome = decision.code;
          return [this.message('FEM', decision.fem, input.meta, cancelledId ?? cancellation.header.messageId)];
        case 'CANCELLED':
          outcome = (await store.cancel(cancelledId!, cancellation.header.messageId, input.meta.time)) ? 'CANCELLED' : 'ALREADY_CLOSED';
          return [];
        default:
          outcome = decision.outcome;
          return [];
      }
    });
    return outcome;
  }

  /**
   * The periodic deadline check at `now`: marks waiting requests overdue, closes those whose due date
   * has come with "multiple people found" (when `closeOnDueDate`, by default the configured setting),
   * and returns the review for the gauges.
   */
  async reviewDeadlines(now: Date, closeOnDueDate = this.deps.settings.closeUnidentifiedOnDueDate): Promise<DeadlineReview & { closed: string[] }> {
    const at = now.toISOString();
    return this.deps.db.transaction(async (tx) => {
      const store = this.deps.storeOf(tx);
      const review = reviewOpenRequests(await store.listOpen(), ukDateOf(now), this.deps.settings.deadlineRules, closeOnDueDate);
      await store.markOverdue(review.newlyOverdue, at);
      const closed: string[] = [];
      for (const requestId of review.toClose) {
        const request = await store.find(requestId);
        if (!request?.person) continue;
        const answer = multiplePeopleFound(this.deps.settings);
        const rrs = responseMessage(this.replyTo(request.requestingState, requestId, at), { person: request.person, ...answer });
        if (!(await store.recordAnswer(requestId, answerRecord(answer, rrs.header.messageId, at)))) continue;
        // Caused by the REQ itself (no input record here): its stored meta gives the ids a deterministic base.
        const message = this.message('RRS', rrs, { ...request.cause, time: at }, requestId, 'rrs/deadline');
        await insertOutboxRecords(tx, [encodeOutbound(this.deps.codec, { ...message, topic: this.deps.resolveTopic(message.topic) })]);
        closed.push(requestId);
      }
      return { ...review, closed };
    });
  }

  private async search(
    register: RegisterSearch,
    decision: Extract<PurposeDecision, { allowed: true }>,
    ukNational: boolean,
    person: Person,
    afterAdditionalInfo: boolean,
    at: string,
  ): Promise<Answer> {
    const identification: Identification = await register.identify(person);
    const convictions = identification.outcome === 'one' ? await register.convictionsOf(identification.personId) : [];
    return answerRequest({
      decision,
      ukNational,
      identification,
      convictions,
      person,
      afterAdditionalInfo,
      today: ukDateOf(at),
      settings: this.deps.settings,
      rendering: this.deps.rendering,
    });
  }

  private replyTo(to: string, answering: string, timestamp: string): Reply {
    return { us: this.deps.settings.us, to, answering, timestamp, serial: replySerialFor(answering) };
  }

  private message(kind: keyof typeof TYPES, value: Outgoing<unknown>, cause: EventMeta, exchangeId: string, step?: string): OutboundMessage {
    const { schema, type } = TYPES[kind]!;
    const meta = deriveMeta(cause, { step: step ?? kind.toLowerCase(), source: SOURCE, type, time: cause.time, subject: exchangeId });
    return { topic: OUTBOUND, key: exchangeId, schema, value, meta };
  }

  private async applyOnce(input: InputRecord, effect: (tx: SqlExecutor) => Promise<OutboundMessage[] | void>): Promise<void> {
    await this.ledger.applyOnce(input.entry, async (tx) => {
      const outputs = (await effect(tx)) ?? [];
      return outputs.map((message) => encodeOutbound(this.deps.codec, { ...message, topic: this.deps.resolveTopic(message.topic) }));
    });
  }
}

const NOTHING_YET = {
  dueOn: null,
  deadlineRule: null,
  purposeCategoryRef: null,
  purpose: null,
  ukNational: null,
  additionalInfoRequestId: null,
  responseMessageId: null,
  responseTypeRef: null,
  outcome: null,
  overdueSince: null,
} as const;

function answerRecord(answer: FinalAnswer, responseMessageId: string, at: string): FinalAnswerRecord {
  return { responseMessageId, responseTypeRef: answer.responseTypeRef, outcome: answer.outcome, answeredAt: at, disclosed: answer.disclosed, withheld: answer.withheld };
}
