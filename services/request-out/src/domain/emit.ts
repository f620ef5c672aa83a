/**
 * What a decision asks to publish. The handler adds the CloudEvents meta (deterministic id from the
 * input's id and `step`) and encodes it; the domain never sees a codec or a producer.
 */
import { SchemaNames, type SchemaTypes } from '@ecris/contracts';

/** Canonical registry names of the topics request-out writes. */
export const TOPICS = {
  agencyRequests: 'agency.requests.v1',
  ecrisOutbound: 'ecris.outbound.v1',
  agencyResponses: 'agency.responses.v1',
  translationRequested: 'exchange.request-out.translation-requested.v1',
  deadlines: 'exchange.request-out.deadlines.v1',
  reviewTasks: 'exchange.request-out.review-tasks.v1',
} as const;

export interface Emit<K extends keyof SchemaTypes = keyof SchemaTypes> {
  readonly topic: string;
  readonly key: string;
  readonly schema: K;
  readonly value: Omit<SchemaTypes[K], 'meta'>;
  /** Unique among the outputs of one input; with the input's id it fixes the output's ce_id. */
  readonly step: string;
  /** ce_type. */
  readonly type: string;
  /** ce_subject: an id, never a name. */
  readonly subject: string;
}

function emit<K extends keyof SchemaTypes>(schema: K, topic: string, type: string) {
  return (key: string, value: Omit<SchemaTypes[K], 'meta'>, step: string, subject: string = key): Emit<K> => ({
    topic,
    key,
    schema,
    value,
    step,
    type,
    subject,
  });
}

export const emits = {
  agencyRequest: emit(SchemaNames.agencyRequest, TOPICS.agencyRequests, 'uk.ecris.agency.convictions-requested.v1'),
  request: emit(SchemaNames.request, TOPICS.ecrisOutbound, 'uk.ecris.request.sent.v1'),
  additionalInfoResponse: emit(SchemaNames.requestAdditionalInfoResponse, TOPICS.ecrisOutbound, 'uk.ecris.additional-info.sent.v1'),
  functionalError: emit(SchemaNames.functionalError, TOPICS.ecrisOutbound, 'uk.ecris.functional-error.sent.v1'),
  response: emit(SchemaNames.agencyResponse, TOPICS.agencyResponses, 'uk.ecris.agency.convictions-answered.v1'),
  rejected: emit(SchemaNames.agencyRequestRejected, TOPICS.agencyResponses, 'uk.ecris.agency.request-rejected.v1'),
  translationRequested: emit(SchemaNames.translationRequested, TOPICS.translationRequested, 'uk.ecris.exchange.translation-requested.v1'),
  deadlineRaised: emit(SchemaNames.deadlineRaised, TOPICS.deadlines, 'uk.ecris.exchange.deadline-raised.v1'),
  deadlineOverdue: emit(SchemaNames.deadlineOverdue, TOPICS.deadlines, 'uk.ecris.exchange.deadline-overdue.v1'),
  reviewTask: emit(SchemaNames.reviewTaskRaised, TOPICS.reviewTasks, 'uk.ecris.exchange.review-task-raised.v1'),
};
