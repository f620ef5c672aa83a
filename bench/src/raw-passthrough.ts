/**
 * The baseline: a plain kafkajs consumer and idempotent producer doing the least a safe passthrough must do
 * (consume a batch, produce the same key, value and headers, await acks=all, commit the batch's offset).
 * This is the one file outside libs/messaging allowed to import kafkajs (eslint.config.mjs says so): a
 * baseline built on our own lib would measure the lib against itself.
 */
import { CompressionTypes, Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { BenchBroker } from './broker';
import type { Passthrough, PassthroughSpec } from './passthrough';

export async function startRawPassthrough(broker: BenchBroker, spec: PassthroughSpec): Promise<Passthrough> {
  const kafka = new Kafka({
    clientId: 'ecris-bench-raw',
    brokers: [...broker.settings.brokers],
    // The runner's client settings (libs/messaging kafka-settings.ts), so only what differs is measured.
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 10_000 },
    logLevel: logLevel.ERROR,
    logCreator: () => (entry: LogEntry) => console.error(`kafkajs ${entry.namespace}: ${entry.log.message}`),
  });
  // The runner's consumer settings (libs/messaging consumer-runner.ts) for the same reason.
  const consumer = kafka.consumer({
    groupId: spec.group,
    allowAutoTopicCreation: false,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    maxWaitTimeInMs: 250,
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [spec.input], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: spec.concurrency,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isStale }) => {
      const messages = batch.messages;
      if (messages.length === 0) return;
      spec.onConsumed?.(performance.now());
      await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [{ topic: spec.output, messages: messages.map(({ key, value, headers }) => ({ key, value, headers })) }],
      });
      spec.onAcked?.(
        messages.map((message) => message.key),
        performance.now(),
      );
      const last = messages[messages.length - 1].offset;
      resolveOffset(last);
      if (!isStale()) {
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
      }
      await heartbeat();
    },
  });
  return {
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
