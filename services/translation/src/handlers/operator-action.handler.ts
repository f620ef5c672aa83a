import { Controller, Inject, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type OperatorAction } from '@ecris/contracts';
import { PoisonError, type OutboundMessage } from '@ecris/messaging';
import { KeepErrorsFilter, type EcrisContext } from '@ecris/messaging-nest';
import { SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import type { CodeBook } from '../domain/code-book';
import { ENGLISH } from '../domain/free-texts';
import { enteredTranslations, missingTexts, resumeJob } from '../domain/translation-job';
import { CODE_BOOKS, TRANSLATION_STATE, type TranslationState } from '../ports';
import { TranslationMetrics } from '../translation.metrics';
import { dayOf, ledgerEntryOf } from './ledger-entry';
import { reviewTaskCompleted, textTranslated } from './outputs';

/**
 * Translations an operator entered for a review task (`TRANSLATION_ENTERED` on ops.actions.v1, details
 * `taskId` and `en:<path>`): stored in the memory as reviewed; when they complete the job, the English
 * rendering goes out and the task is closed. Other operator actions are not translation's business.
 */
@Controller()
@UseFilters(new KeepErrorsFilter())
export class OperatorActionHandler {
  constructor(
    @Inject(TRANSLATION_STATE) private readonly state: TranslationState,
    @Inject(CODE_BOOKS) private readonly codeBooks: (onDate: string) => CodeBook,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: TranslationMetrics,
  ) {}

  @EventPattern(SchemaNames.operatorAction)
  async handle(@Payload() action: OperatorAction, @Ctx() context: EcrisContext): Promise<OutboundMessage[]> {
    if (action.action !== 'TRANSLATION_ENTERED') return [];
    const taskId = action.details.taskId;
    if (!taskId) throw new PoisonError('validation', 'NO_TASK_ID', 'a TRANSLATION_ENTERED action must name its review task (details.taskId)');

    let result = 'unknown-or-finished-task';
    await this.state.applyOnce(ledgerEntryOf(context, this.config), async (work) => {
      const job = await work.openJob(taskId);
      if (!job) return [];
      const entries = enteredTranslations(job, action.details);
      await work.remember(entries, ENGLISH, action.actor, action.at, taskId);
      const memory = await work.lookUp(missingTexts(job).map((t) => ({ sourceLang: t.lang, sourceText: t.text })), ENGLISH);
      const decision = resumeJob(job, memory, this.codeBooks(dayOf(job.request.sentAt, context.meta.time)));
      if (decision.kind === 'needs-review') {
        result = `still-missing-${decision.texts.length}`;
        return [];
      }
      result = 'completed';
      await work.complete(taskId, context.meta.time);
      return [
        textTranslated(context.meta, job.exchangeId, decision.rendering),
        reviewTaskCompleted(context.meta, job.exchangeId, { taskId, outcome: 'ACCEPTED', completedBy: action.actor, completedAt: action.at, note: null }),
      ];
    });
    // Counted once committed: a batch that rolls back is applied again record by record.
    context.message.afterCommit(() => {
      if (result === 'completed') this.metrics.reviewCompleted();
      context.log.info({ taskId, result }, 'operator translation handled');
    });
    return [];
  }
}
