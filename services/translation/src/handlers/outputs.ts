/** The records translation emits, built the same way whichever input completed the job. */
import { SchemaNames, type ReviewTaskCompleted, type ReviewTaskRaised } from '@ecris/contracts';
import { deriveMeta, type EventMeta, type OutboundMessage } from '@ecris/messaging';
import type { EnglishRendering } from '../domain/render-english';

const SOURCE = '/ecris-exchange/translation';
const REVIEW_TASKS = 'exchange.translation.review-tasks.v1';

/** Meta of an output of `cause`, filed under the exchange (an operator action names it too, but we trust our own row). */
function metaOf(cause: EventMeta, step: string, type: string, exchangeId: string): EventMeta {
  return { ...deriveMeta(cause, { step, source: SOURCE, type, time: cause.time, subject: exchangeId }), correlationId: exchangeId };
}

export function textTranslated(cause: EventMeta, exchangeId: string, rendering: EnglishRendering): OutboundMessage {
  return {
    topic: 'exchange.translation.text-translated.v1',
    key: exchangeId,
    schema: SchemaNames.textTranslated,
    value: rendering,
    meta: metaOf(cause, `text-translated/${rendering.translationId}`, 'uk.ecris.exchange.text-translated.v1', exchangeId),
  };
}

export function reviewTaskRaised(cause: EventMeta, exchangeId: string, task: Omit<ReviewTaskRaised, 'meta'>): OutboundMessage {
  return {
    topic: REVIEW_TASKS,
    key: exchangeId,
    schema: SchemaNames.reviewTaskRaised,
    value: task,
    meta: metaOf(cause, `review-task-raised/${task.taskId}`, 'uk.ecris.exchange.review-task-raised.v1', exchangeId),
  };
}

export function reviewTaskCompleted(cause: EventMeta, exchangeId: string, done: Omit<ReviewTaskCompleted, 'meta'>): OutboundMessage {
  return {
    topic: REVIEW_TASKS,
    key: exchangeId,
    schema: SchemaNames.reviewTaskCompleted,
    value: done,
    meta: metaOf(cause, `review-task-completed/${done.taskId}`, 'uk.ecris.exchange.review-task-completed.v1', exchangeId),
  };
}
