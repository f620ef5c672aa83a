/**
 * exchange.translation.text-translated.v1: translations of what we sent to the translation service.
 * The topic also carries translations for notification-in's messages: those are passed over.
 */
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type TextTranslated } from '@ecris/contracts';
import { PoisonError, type OutboundMessage } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { ExactlyOnce } from '../adapters/exactly-once';
import { toOutbound } from '../adapters/outbound';
import { receiveTranslation } from '../domain/answers';
import type { DecisionContext } from '../domain/context';
import { TranslationMismatchError } from '../domain/english';
import { CASE_STORE, DECISION_CONTEXT, type CaseStore } from '../ports';

@Controller()
export class TextTranslatedHandler {
  constructor(
    private readonly exactlyOnce: ExactlyOnce,
    @Inject(CASE_STORE) private readonly store: CaseStore,
    @Inject(DECISION_CONTEXT) private readonly context: DecisionContext,
  ) {}

  @EventPattern(SchemaNames.textTranslated)
  async onTranslated(@Payload() value: TextTranslated, @Ctx() ctx: EcrisContext): Promise<OutboundMessage[]> {
    const { meta, ...translated } = value;
    // The index row is written with the TranslationRequested, so an answer to one of ours always finds it.
    const requestId = await this.store.requestIdOf(this.exactlyOnce.database, translated.translationId);
    if (!requestId) return [];
    await this.exactlyOnce.apply(ctx, async (tx) => {
      const requestCase = (await this.store.lockCase(tx, requestId))!;
      try {
        const decision = receiveTranslation(requestCase, translated, meta.time, this.context);
        await this.store.save(tx, decision.requestCase);
        return decision.emits.map((emit) => toOutbound(meta, emit, meta.time, requestId));
      } catch (error) {
        if (error instanceof TranslationMismatchError) throw new PoisonError('validation', 'TRANSLATION_MISMATCH', error.message, { cause: error });
        throw error;
      }
    });
    return [];
  }
}
