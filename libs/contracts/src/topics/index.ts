export type {
  ConsumerGroupDefinition,
  OutsideParty,
  ServiceName,
  TopicDefinition,
  TopicKind,
  TopicSpec,
} from './topic-definition';
export { SERVICE_NAMES } from './topic-definition';
export { CONSUMER_GROUPS, EXCHANGE_RETENTION_MS, INTERNAL_TOPICS, PUBLIC_TOPICS, groupIdOf } from './registry';
export { dlqTopicName, parkedTopicName } from './derived-topics';
export {
  allConsumerGroups,
  allTopics,
  consumerGroup,
  dlqTopicFor,
  parkedTopicFor,
  topicByName,
} from './lookup';
export { toTopicSpec } from './topic-spec';
