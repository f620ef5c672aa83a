import { CompressionTypes, type Producer, type TopicMessages } from 'kafkajs';
import type { Logger } from '@ecris/logging';
import type { RawOutboundRecord, RecordSender } from '../ports';
import { createKafka, type KafkaSettings } from './kafka-settings';
import { keyPartitioner } from './key-partitioner';

/**
 * The only producer: idempotent, acks from all in-sync replicas, every send awaited.
 * Idempotence with one request in flight keeps per-partition order across the producer's own retries.
 */
export class KafkajsRecordSender implements RecordSender {
  private constructor(private readonly producer: Producer) {}

  static async connect(settings: KafkaSettings, logger?: Logger): Promise<KafkajsRecordSender> {
    const producer = createKafka(settings, logger).producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // kafkajs 2's default partitioning (murmur2, as the Java client), without its cost per record.
      createPartitioner: keyPartitioner,
    });
    await producer.connect();
    return new KafkajsRecordSender(producer);
  }

  async send(records: readonly RawOutboundRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: groupByTopic(records),
    });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** kafkajs sends one batch per topic; keeping first-seen order per topic keeps per-key order. */
function groupByTopic(records: readonly RawOutboundRecord[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const record of records) {
    let entry = byTopic.get(record.topic);
    if (!entry) {
      entry = { topic: record.topic, messages: [] };
      byTopic.set(record.topic, entry);
    }
    entry.messages.push({ key: record.key, value: record.value, headers: record.headers });
  }
  return [...byTopic.values()];
}
