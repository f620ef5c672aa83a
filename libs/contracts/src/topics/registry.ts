/**
 * Every topic and consumer group of ECRIS Exchange, declared once (shared/design/architecture.md §2).
 * Topics are created from this list by tools/topics (`npm run topics:create`), never auto-created.
 * Each consumer group also owns a dead-letter and a parked-keys topic, derived by rule in ./derived-topics.ts.
 */
import { SchemaNames } from '../schema-names';
import { dlqTopicName } from './derived-topics';
import type { ConsumerGroupDefinition, ServiceName, TopicDefinition } from './topic-definition';

/**
 * Six partitions: room for six instances of a service per group, while the whole set (some 150
 * partitions with the DLQs) stays light on a 2-core development box. The count is chosen once:
 * adding partitions later moves keys to other partitions and so breaks per-exchange ordering.
 */
const EXCHANGE_PARTITIONS = 6;

/**
 * The log is the audit trail (architecture §1), so exchange and audit topics are kept for ten
 * years rather than the broker's default week, with delete policy and never compaction.
 * Not forever: these records carry personal data, whose keeping must have an end (storage
 * limitation); the register in PostgreSQL, not the log, is the long-term record.
 */
export const EXCHANGE_RETENTION_MS = 10 * 365.25 * 24 * 60 * 60 * 1000;

const EXCHANGE_ID_KEY = 'exchange id: the ECRIS id of the message that opened the exchange';

/** Every ECRIS message type we send or receive (NOT, NRS, REQ, RDL, RRS, RAI, RAR, FEM, CAN). */
const ECRIS_MESSAGES = [
  SchemaNames.notification,
  SchemaNames.notificationResponse,
  SchemaNames.request,
  SchemaNames.requestDeadline,
  SchemaNames.requestResponse,
  SchemaNames.requestAdditionalInfo,
  SchemaNames.requestAdditionalInfoResponse,
  SchemaNames.functionalError,
  SchemaNames.cancellation,
] as const;

const exchangeTopic = {
  partitions: EXCHANGE_PARTITIONS,
  retentionMs: EXCHANGE_RETENTION_MS,
  cleanupPolicy: 'delete',
} as const;

/** The contract with the outside world. */
export const PUBLIC_TOPICS: readonly TopicDefinition[] = readByAuditIndex([
  {
    ...exchangeTopic,
    name: 'courts.convictions.v1',
    kind: 'public',
    writer: 'court-feeds',
    readers: ['notification-out', 'register-update'],
    key: 'conviction reference: the court record id, so an amendment or removal stays behind the conviction it changes',
    valueSchemas: [SchemaNames.convictionRecorded, SchemaNames.convictionAmended, SchemaNames.convictionRemoved],
    description: 'UK convictions recorded, amended (appeal, variation) or removed, from the court-result feeds.',
  },
  {
    ...exchangeTopic,
    name: 'ecris.outbound.v1',
    kind: 'public',
    writer: 'notification-out',
    alsoWrittenBy: ['notification-in', 'request-in', 'request-out', 'register-update'],
    readers: ['ecris-gateway'],
    key: EXCHANGE_ID_KEY,
    valueSchemas: ECRIS_MESSAGES,
    description: 'Every ECRIS message we send to another member state, for the ECRIS gateway to deliver.',
  },
  {
    ...exchangeTopic,
    name: 'ecris.inbound.v1',
    kind: 'public',
    writer: 'ecris-gateway',
    readers: ['notification-in', 'request-in', 'request-out', 'notification-out'],
    key: EXCHANGE_ID_KEY,
    valueSchemas: ECRIS_MESSAGES,
    description: 'Every ECRIS message we receive from another member state, as the ECRIS gateway took it in.',
  },
  {
    ...exchangeTopic,
    name: 'agency.requests.v1',
    kind: 'public',
    writer: 'uk-agencies',
    alsoWrittenBy: ['request-out'],
    readers: ['request-out'],
    key: 'exchange id: the agency request id, which opens the exchange',
    valueSchemas: [SchemaNames.agencyRequest],
    description: 'Requests for previous convictions from UK agencies, with purpose and authority.',
  },
  {
    ...exchangeTopic,
    name: 'agency.responses.v1',
    kind: 'public',
    writer: 'request-out',
    readers: ['uk-agencies'],
    key: 'exchange id: the agency request id the answer belongs to',
    valueSchemas: [SchemaNames.agencyResponse, SchemaNames.agencyRequestRejected],
    description: 'Answers to agency requests, translated, saying where each conviction came from; and every refusal of what an agency asked.',
  },
  {
    ...exchangeTopic,
    name: 'ops.actions.v1',
    kind: 'public',
    writer: 'ops-tools',
    // translation takes the human translations entered for its review tasks (TRANSLATION_ENTERED);
    // notification-out takes the REVIEW_DECISIONs that release a held notification or re-send a rejected one.
    readers: ['translation', 'notification-out'],
    key: 'exchange id the action concerns, so the manual steps of one exchange stay in order',
    valueSchemas: [SchemaNames.operatorAction],
    description: 'Every replay, manual match and human translation, recorded as an event: the operators\' audit trail.',
  },
]);

/**
 * Topics between our own services, named `<area>.<owner-service>.<event>.v<major>`.
 * Their event records are the uk.ecris.exchange / uk.ecris.register schemas in schemas/.
 */
export const INTERNAL_TOPICS: readonly TopicDefinition[] = readByAuditIndex([
  {
    ...exchangeTopic,
    name: 'exchange.notification-in.translation-requested.v1',
    kind: 'internal',
    writer: 'notification-in',
    readers: ['translation'],
    key: EXCHANGE_ID_KEY,
    valueSchemas: [SchemaNames.translationRequested],
    description: 'A received notification whose free text needs translating before the register takes it.',
  },
  {
    ...exchangeTopic,
    name: 'exchange.request-out.translation-requested.v1',
    kind: 'internal',
    writer: 'request-out',
    readers: ['translation'],
    key: EXCHANGE_ID_KEY,
    valueSchemas: [SchemaNames.translationRequested],
    description: 'An answer from another state whose free text needs translating before the agency gets it.',
  },
  {
    ...exchangeTopic,
    name: 'exchange.request-out.deadlines.v1',
    kind: 'internal',
    writer: 'request-out',
    readers: ['ops-tools'],
    key: EXCHANGE_ID_KEY,
    valueSchemas: [SchemaNames.deadlineRaised, SchemaNames.deadlineOverdue],
    description: 'The clock of each request we sent to another state: started (or re-based after additional information), and found overdue.',
  },
  {
    ...exchangeTopic,
    name: 'exchange.request-out.review-tasks.v1',
    kind: 'internal',
    writer: 'request-out',
    readers: ['ops-tools'],
    key: EXCHANGE_ID_KEY,
    valueSchemas: [SchemaNames.reviewTaskRaised],
    description: 'Work for an operator on our requests: a functional error from the other state, a chaser for an overdue answer.',
  },
  {
    ...exchangeTopic,
    name: 'exchange.translation.text-translated.v1',
    kind: 'internal',
    writer: 'translation',
    readers: ['register-update', 'request-out'],
    key: EXCHANGE_ID_KEY,
    valueSchemas: [SchemaNames.textTranslated],
    description: 'Translated text of a notification or an answer, by machine or by a person.',
  },
  {
    ...exchangeTopic,
    name: 'exchange.translation.review-tasks.v1',
    kind: 'internal',
    writer: 'translation',
    readers: ['ops-tools'],
    key: EXCHANGE_ID_KEY,
    valueSchemas: [SchemaNames.reviewTaskRaised, SchemaNames.reviewTaskCompleted],
    description: 'Text that needs a person to translate or check before it can be used.',
  },
  {
    ...exchangeTopic,
    name: 'exchange.notification-out.work-items.v1',
    kind: 'internal',
    writer: 'notification-out',
    readers: ['ops-tools'],
    key: 'conviction reference (the court record id) the work is about, so all work on one conviction stays in order',
    valueSchemas: [SchemaNames.reviewTaskRaised],
    description:
      'Work for an operator on the notifications we send: an offence or sentence with no ECRIS category (the NOT is held), ' +
      'a notification that cannot be completed, a rejection (FEM) or problem answer (NRS) from the receiving state.',
  },
  {
    ...exchangeTopic,
    name: 'register.register-update.match-reviews.v1',
    kind: 'internal',
    writer: 'register-update',
    readers: ['ops-tools'],
    key: EXCHANGE_ID_KEY,
    valueSchemas: [SchemaNames.reviewTaskRaised],
    description:
      'Work for an operator: a notified conviction whose person the register could not identify with confidence ' +
      '(none or several candidates). The conviction is stored awaiting identification; an RAI has gone to the sender.',
  },
  {
    ...exchangeTopic,
    name: 'register.register-update.register-updated.v1',
    kind: 'internal',
    writer: 'register-update',
    readers: [],
    key: 'conviction reference of the register entry that changed',
    valueSchemas: [SchemaNames.registerUpdated],
    description: 'Each change applied to the register, so the register\'s history is on the log too.',
  },
]);

/** The Kafka group id of a service: exactly this string, in config, code and tests alike. */
export function groupIdOf(service: ServiceName): string {
  return `ecris-exchange.${service}`;
}

function consumerGroupOf(service: ServiceName, inputs: readonly string[]): ConsumerGroupDefinition {
  return { group: groupIdOf(service), service, inputs };
}

/** One consumer group per service (the audit index's is computed from these, below). */
const SERVICE_GROUPS: readonly ConsumerGroupDefinition[] = [
  consumerGroupOf('notification-out', ['courts.convictions.v1', 'ecris.inbound.v1', 'ops.actions.v1']),
  consumerGroupOf('notification-in', ['ecris.inbound.v1']),
  consumerGroupOf('request-in', ['ecris.inbound.v1']),
  consumerGroupOf('request-out', ['ecris.inbound.v1', 'agency.requests.v1', 'exchange.translation.text-translated.v1']),
  consumerGroupOf('translation', [
    'exchange.notification-in.translation-requested.v1',
    'exchange.request-out.translation-requested.v1',
    'ops.actions.v1',
  ]),
  consumerGroupOf('register-update', ['exchange.translation.text-translated.v1', 'courts.convictions.v1']),
];

export const CONSUMER_GROUPS: readonly ConsumerGroupDefinition[] = [
  ...SERVICE_GROUPS,
  // The audit timeline (reliability.md, "Audit") indexes every record: every public and internal topic and
  // every other group's dead letters. Computed, so a topic or group declared later is indexed too. Not its
  // own DLQ: a record it failed to index would come straight back to it.
  consumerGroupOf('audit-index', [
    ...[...PUBLIC_TOPICS, ...INTERNAL_TOPICS].map((topic) => topic.name),
    ...SERVICE_GROUPS.map((group) => dlqTopicName(group.group)),
  ]),
];

/** The audit index reads every public and internal topic (its group's inputs above), so it is one of each one's readers. */
function readByAuditIndex(topics: readonly TopicDefinition[]): readonly TopicDefinition[] {
  return topics.map((topic) => ({ ...topic, readers: [...topic.readers, 'audit-index'] }));
}
