/**
 * The two topics every consumer group owns, derived by rule from its inputs so they can never
 * drift from them (shared/design/reliability.md, "A dead letter" and "Per-key parking").
 */
import type { ConsumerGroupDefinition, TopicDefinition } from './topic-definition';

export function dlqTopicName(group: string): string {
  return `${group}.dlq`;
}

export function parkedTopicName(group: string): string {
  return `${group}.parked`;
}

/** -1 (keep forever) outranks every finite retention. */
function longestRetention(topics: readonly TopicDefinition[]): number {
  return topics.some((t) => t.retentionMs === -1) ? -1 : Math.max(...topics.map((t) => t.retentionMs));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * A dead letter holds the same personal data as its source, so it gets the same (longest) retention
 * and, like the exchange topics, delete policy: it is history, never to be compacted away.
 * As many partitions as the widest input, so a key keeps to one partition here too.
 */
export function deriveDlqTopic(group: ConsumerGroupDefinition, inputs: readonly TopicDefinition[]): TopicDefinition {
  return {
    name: dlqTopicName(group.group),
    kind: 'dead-letter',
    writer: group.service,
    readers: ['ops-tools'],
    key: 'the failed record\'s own key, unchanged',
    // A well-formed dead letter is one of these; a poison one may be any bytes at all.
    valueSchemas: unique(inputs.flatMap((t) => t.valueSchemas)),
    partitions: Math.max(...inputs.map((t) => t.partitions)),
    retentionMs: longestRetention(inputs),
    cleanupPolicy: 'delete',
    description: `Records ${group.group} could not process, byte for byte, with dlq-* provenance headers.`,
  };
}

/**
 * Current state, not history: which keys are parked behind which dead letter. Compacted, so the
 * latest entry per key survives and a tombstone (null value) releases the key once re-driven.
 */
export function deriveParkedTopic(group: ConsumerGroupDefinition, inputs: readonly TopicDefinition[]): TopicDefinition {
  return {
    name: parkedTopicName(group.group),
    kind: 'parked-keys',
    writer: group.service,
    readers: [group.service, 'ops-tools'],
    key: 'the parked key: the key of the dead-lettered record that later records of that key wait behind',
    // The value is the parking entry libs/messaging writes (not an Avro record of SchemaNames).
    valueSchemas: [],
    partitions: Math.max(...inputs.map((t) => t.partitions)),
    // Compaction, not age, removes an entry: a key parked for years must still be held back.
    retentionMs: -1,
    cleanupPolicy: 'compact',
    description: `Keys ${group.group} holds back behind a dead letter, until an operator re-drives them.`,
  };
}
