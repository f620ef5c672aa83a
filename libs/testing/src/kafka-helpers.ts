import type { TopicSpec } from '@ecris/contracts';
import { KafkaAdmin, readTopic, TopicTail, type ConsumedRecord } from '@ecris/messaging';
import { testKafkaSettings } from './names-and-settings';

async function withAdmin<T>(work: (admin: KafkaAdmin) => Promise<T>): Promise<T> {
  const admin = new KafkaAdmin(testKafkaSettings('test-admin'));
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates topics for a test (names get `partitions` partitions and broker defaults; specs are used
 * as given) and resolves once their leaders are elected. Returns the names, in order.
 */
export async function createTestTopics(topics: readonly (string | TopicSpec)[], partitions = 1): Promise<string[]> {
  const specs = topics.map((topic) => (typeof topic === 'string' ? { name: topic, partitions, config: {} } : topic));
  await withAdmin((admin) => admin.ensureTopics(specs));
  return specs.map((spec) => spec.name);
}

export async function deleteTestTopics(names: readonly string[]): Promise<void> {
  await withAdmin((admin) => admin.deleteTopics(names));
}

/**
 * Reads `topic` from the beginning until `predicate` holds for the records read so far, and returns
 * them. Waits on the records arriving, not on a clock; fails with what it saw after `timeoutMs`.
 */
export function readUntil(
  topic: string,
  predicate: (records: readonly ConsumedRecord[]) => boolean,
  timeoutMs = 15_000,
): Promise<ConsumedRecord[]> {
  return readTopic(testKafkaSettings(), topic, { until: predicate, timeoutMs });
}

/**
 * Everything on `topic` up to its end offsets at the time of the call: for counting what must not be
 * there (a second effect of a duplicate), after waiting with readUntil for what must.
 */
export async function readToEnd(topic: string, timeoutMs = 15_000): Promise<ConsumedRecord[]> {
  const tail = await TopicTail.start(testKafkaSettings(), [topic]);
  try {
    await tail.catchUp(timeoutMs);
    return [...tail.records];
  } finally {
    await tail.stop();
  }
}
