import { Controller, Inject, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type TranslationRequested } from '@ecris/contracts';
import { PoisonError, type OutboundMessage } from '@ecris/messaging';
import { KeepErrorsFilter, type EcrisContext } from '@ecris/messaging-nest';
import { SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import type { CodeBook } from '../domain/code-book';
import { ENGLISH, keyOf, textsToTranslate, type SourceText } from '../domain/free-texts';
import { keysForMachine, runChain } from '../domain/translation-chain';
import { decideJob, isEmptyRequest } from '../domain/translation-job';
import {
  CODE_BOOKS,
  MACHINE_TRANSLATOR,
  TRANSLATION_SETTINGS,
  TRANSLATION_STATE,
  type MachineTranslator,
  type TranslationSettings,
  type TranslationState,
} from '../ports';
import { TranslationMetrics } from '../translation.metrics';
import { dayOf, ledgerEntryOf } from './ledger-entry';
import { reviewTaskRaised, textTranslated } from './outputs';

/**
 * A request from notification-in or request-out: memory, then machine, then (for what is left) a review
 * task and a parked job; or at once the English rendering. Its effects go out through the outbox.
 */
@Controller()
// The kit's global KeepErrorsFilter is registered too late to apply (see services/notification-in).
@UseFilters(new KeepErrorsFilter())
export class TranslationRequestedHandler {
  constructor(
    @Inject(TRANSLATION_STATE) private readonly state: TranslationState,
    @Inject(MACHINE_TRANSLATOR) private readonly machine: MachineTranslator,
    @Inject(CODE_BOOKS) private readonly codeBooks: (onDate: string) => CodeBook,
    @Inject(TRANSLATION_SETTINGS) private readonly settings: TranslationSettings,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: TranslationMetrics,
  ) {}

  @EventPattern(SchemaNames.translationRequested)
  async handle(@Payload() value: TranslationRequested, @Ctx() context: EcrisContext): Promise<OutboundMessage[]> {
    const { meta: _meta, ...request } = value;
    if (request.targetLang !== ENGLISH) throw new PoisonError('validation', 'UNSUPPORTED_TARGET_LANGUAGE', 'only English renderings are made');
    if (isEmptyRequest(request)) throw new PoisonError('validation', 'EMPTY_TRANSLATION_REQUEST', 'the request names no text and no conviction');

    const texts = textsToTranslate(request);
    const keys = texts.map(keyOf);
    const memory = await this.state.lookUp(texts.map((t) => ({ sourceLang: t.lang, sourceText: t.text })), ENGLISH);
    const machine = await this.askMachine(texts.filter((t) => keysForMachine(keys, memory).includes(keyOf(t))));
    const chain = runChain(keys, { memory, machine });
    const decision = decideJob(request, chain.translated, this.codeBooks(dayOf(request.sentAt, context.meta.time)));
    const exchangeId = context.meta.correlationId;

    const outcome = await this.state.applyOnce(ledgerEntryOf(context, this.config), async (work) => {
      if (decision.kind === 'translated') return [textTranslated(context.meta, exchangeId, decision.rendering)];
      await work.park({ taskId: decision.taskId, request, translated: decision.translated, exchangeId, raisedAt: context.meta.time });
      const task = {
        taskId: decision.taskId,
        kind: 'TRANSLATION' as const,
        sourceMessageId: request.sourceMessageId,
        reason: `${decision.texts.length} text(s) have no reviewed translation${this.machine.configured ? ' and machine translation gave none' : ' and no machine translation is configured'}`,
        dueBy: new Date(Date.parse(context.meta.time) + this.settings.reviewDueHours * 3_600_000).toISOString(),
        texts: decision.texts,
      };
      return [reviewTaskRaised(context.meta, exchangeId, task)];
    });
    // Counted once committed: a batch that rolls back is applied again record by record.
    context.message.afterCommit(() => {
      if (outcome === 'applied') this.metrics.resolved(chain);
      context.log.info({ translationId: request.translationId, outcome, result: decision.kind, texts: keys.length }, 'translation request handled');
    });
    return [];
  }

  /** One call per source language; null when no machine is configured or it cannot translate. */
  private async askMachine(texts: readonly SourceText[]): Promise<Map<string, string> | null> {
    if (!this.machine.configured || texts.length === 0) return null;
    const byLanguage = new Map<string | null, SourceText[]>();
    for (const text of texts) {
      if ([...(byLanguage.get(text.lang) ?? [])].some((t) => t.text === text.text)) continue;
      byLanguage.set(text.lang, [...(byLanguage.get(text.lang) ?? []), text]);
    }
    const answers = new Map<string, string>();
    for (const [lang, group] of byLanguage) {
      const translations = await this.machine.translate(lang, ENGLISH, group.map((t) => t.text));
      translations?.forEach((translation, i) => answers.set(keyOf(group[i]), translation));
    }
    return answers;
  }
}
