/**
 * What the RDL, RRS, RAI and FEM handlers share: take only answers to what we sent, check the message,
 * answer an invalid one with a FEM, find the case it belongs to, decide, save, publish, all exactly once.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { MessageHeader } from '@ecris/contracts';
import { FORMATS, FUNCTIONAL_ERRORS, validateMessage, type EcrisMessages, type ValidationFailure } from '@ecris/ecris-model';
import { PoisonError, type EventMeta, type OutboundMessage, type SqlExecutor } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { isMemberStateWireCode } from '@ecris/reference-data';
import { ukDateOf } from '@ecris/deadlines';
import { ExactlyOnce } from '../adapters/exactly-once';
import { toOutbound } from '../adapters/outbound';
import type { Decision } from '../domain/answers';
import { withHistory } from '../domain/case-updates';
import type { DecisionContext } from '../domain/context';
import { functionalErrorReply } from '../domain/functional-error';
import { routingOf } from '../domain/inbound';
import type { RequestCase } from '../domain/model';
import { CASE_STORE, DECISION_CONTEXT, type CaseStore } from '../ports';

type AnswerType = 'RDL' | 'RRS' | 'RAI' | 'FEM';

const unknownRequest = (path: string): ValidationFailure => ({
  path,
  code: FUNCTIONAL_ERRORS.UNKNOWN_REFERENCE.code,
  kind: 'UNKNOWN_REFERENCE',
  message: 'names no message the United Kingdom sent',
});

@Injectable()
export class InboundAnswers {
  constructor(
    private readonly exactlyOnce: ExactlyOnce,
    @Inject(CASE_STORE) private readonly store: CaseStore,
    @Inject(DECISION_CONTEXT) private readonly context: DecisionContext,
  ) {}

  async handle<T extends AnswerType>(
    type: T,
    value: EcrisMessages[T],
    ctx: EcrisContext,
    decide: (requestCase: RequestCase, message: Omit<EcrisMessages[T], 'meta'>, receivedAt: string) => Decision,
  ): Promise<OutboundMessage[]> {
    const { meta, ...message } = value as EcrisMessages[T] & { meta: EventMeta; header: MessageHeader };
    const header = message.header;
    const routing = routingOf(type, header, this.context.senderCountry);
    if (routing.kind === 'not-ours') return [];
    if (routing.kind === 'ours-if-known' && !(await this.store.requestIdOf(this.exactlyOnce.database, routing.messageId))) return [];
    // Without a sender and an id we cannot even say who to send a FEM to.
    if (!FORMATS.memberState.pattern.test(header.sender) || !FORMATS.messageId.pattern.test(header.messageId)) {
      throw new PoisonError('validation', 'UNANSWERABLE_HEADER', `${type} with no valid sender or message id`);
    }

    await this.exactlyOnce.apply(ctx, async (tx) => {
      const aboutId = routing.kind === 'ours' ? routing.requestMessageId : routing.messageId;
      const requestId = aboutId ? await this.store.requestIdOf(tx, aboutId) : undefined;
      const isMemberState = isMemberStateWireCode(this.context.referenceData, ukDateOf(meta.time));
      const failures = validateMessage(type, value, { isMemberState });
      if (failures.length === 0 && !requestId) failures.push(unknownRequest('header.responseTo'));
      const requestCase = requestId ? await this.store.lockCase(tx, requestId) : undefined;
      if (failures.length > 0) return this.refuse(tx, type, header, failures, requestCase, meta, ctx);

      const decision = decide(requestCase!, message as Omit<EcrisMessages[T], 'meta'>, meta.time);
      await this.store.save(tx, decision.requestCase);
      return decision.emits.map((emit) => toOutbound(meta, emit, meta.time, requestCase!.requestId));
    });
    return [];
  }

  /** An invalid answer: our FEM back (never for a FEM), and a line in the case's story when we know the case. */
  private async refuse(
    tx: SqlExecutor,
    type: AnswerType,
    header: MessageHeader,
    failures: ValidationFailure[],
    requestCase: RequestCase | undefined,
    meta: EventMeta,
    ctx: EcrisContext,
  ): Promise<OutboundMessage[]> {
    ctx.log.warn({ type, messageId: header.messageId, codes: failures.map((f) => f.code), paths: failures.map((f) => f.path) }, 'invalid answer from a member state');
    if (requestCase) {
      const note = `${type} refused: ${failures.map((f) => `${f.code} ${f.path}`).join('; ')}`.slice(0, 1000);
      await this.store.save(tx, withHistory(requestCase, meta.time, 'INVALID_MESSAGE_RECEIVED', header.sender, header.messageId, note));
    }
    if (type === 'FEM') return [];
    const correlationId = requestCase?.requestId ?? meta.correlationId;
    return [toOutbound(meta, functionalErrorReply(header, failures, meta.time, this.context), meta.time, correlationId)];
  }
}
