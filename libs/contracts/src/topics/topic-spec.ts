/** Turns a registry entry into the Kafka topic configs an admin client creates it with. */
import type { TopicDefinition, TopicSpec } from './topic-definition';

/**
 * Compacted topics here are small current-state tables: clean them as soon as a tenth of the log is
 * stale and roll segments hourly, since the active segment is never compacted and a released key
 * should not linger for the default week.
 */
const COMPACTION_CONFIG: Record<string, string> = {
  'min.cleanable.dirty.ratio': '0.1',
  'segment.ms': String(60 * 60 * 1000),
};

export function toTopicSpec(def: TopicDefinition): TopicSpec {
  const config: Record<string, string> = {
    'cleanup.policy': def.cleanupPolicy,
    'retention.ms': String(def.retentionMs),
    ...(def.cleanupPolicy === 'compact' ? COMPACTION_CONFIG : {}),
  };
  return { name: def.name, partitions: def.partitions, config };
}
