/** Look-ups over the registry: every topic, by name, and per consumer group. */
import { deriveDlqTopic, deriveParkedTopic, dlqTopicName, parkedTopicName } from './derived-topics';
import { CONSUMER_GROUPS, INTERNAL_TOPICS, PUBLIC_TOPICS } from './registry';
import type { ConsumerGroupDefinition, ServiceName, TopicDefinition } from './topic-definition';

const declaredTopics: readonly TopicDefinition[] = [...PUBLIC_TOPICS, ...INTERNAL_TOPICS];

function findTopic(topics: readonly TopicDefinition[], name: string): TopicDefinition {
  const topic = topics.find((t) => t.name === name);
  if (!topic) throw new Error(`topic registry: no topic named "${name}"`);
  return topic;
}

const deadLetterNames = new Set(CONSUMER_GROUPS.map((group) => dlqTopicName(group.group)));

const groupTopics: readonly TopicDefinition[] = CONSUMER_GROUPS.flatMap((group) => {
  // A dead-letter input (the audit index reads them all) holds records of declared topics only, so the
  // declared inputs alone fix what the group's own topics derive from (schemas, partitions, retention).
  const inputs = group.inputs.filter((name) => !deadLetterNames.has(name)).map((name) => findTopic(declaredTopics, name));
  return [deriveDlqTopic(group, inputs), deriveParkedTopic(group, inputs)];
});

const everyTopic: readonly TopicDefinition[] = [...declaredTopics, ...groupTopics];

/** Every topic: public, internal, and each consumer group's dead-letter and parked-keys topics. */
export function allTopics(): readonly TopicDefinition[] {
  return everyTopic;
}

export function topicByName(name: string): TopicDefinition {
  return findTopic(everyTopic, name);
}

export function allConsumerGroups(): readonly ConsumerGroupDefinition[] {
  return CONSUMER_GROUPS;
}

export function consumerGroup(service: ServiceName): ConsumerGroupDefinition {
  const group = CONSUMER_GROUPS.find((g) => g.service === service);
  if (!group) throw new Error(`topic registry: no consumer group for service "${service}"`);
  return group;
}

/** The dead-letter topic of a registered consumer group (group id, e.g. `ecris-exchange.translation`). */
export function dlqTopicFor(group: string): TopicDefinition {
  return topicByName(dlqTopicName(group));
}

/** The parked-keys topic of a registered consumer group. */
export function parkedTopicFor(group: string): TopicDefinition {
  return topicByName(parkedTopicName(group));
}
