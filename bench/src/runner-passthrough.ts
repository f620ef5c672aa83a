import { createLogger } from '@ecris/logging';
import {
  CompactedTopicParkedKeys,
  ConsumerRunner,
  KafkajsRecordSender,
  type RawOutboundRecord,
  type RecordSender,
} from '@ecris/messaging';
import type { BenchBroker } from './broker';
import type { Passthrough, PassthroughSpec } from './passthrough';
import { codec, forwardTo } from './test-event';

/**
 * Our side: the ConsumerRunner as a service runs it (Avro decode, a handler returning one output, encode,
 * produce, await acks, commit), with its default flush size and the same partition concurrency as the raw side.
 * The sender is wrapped only to note when the broker acknowledged each output.
 */
export async function startRunnerPassthrough(broker: BenchBroker, spec: PassthroughSpec): Promise<Passthrough> {
  const dlq = `${spec.group}.dlq`;
  const parked = `${spec.group}.parked`;
  await broker.createTopics([dlq], 1);
  await broker.createTopics([parked], 1, { 'cleanup.policy': 'compact' });

  // Warnings and errors only, to stderr: stdout is the report. Each record still gets its child logger.
  const logger = createLogger({ service: 'ecris-bench', level: process.env.LOG_LEVEL ?? 'warn', destination: process.stderr });
  const producer = await KafkajsRecordSender.connect(broker.settings, logger);
  const parkedKeys = await CompactedTopicParkedKeys.open(broker.settings, parked, logger);
  const handler = forwardTo(spec.output);
  const runner = new ConsumerRunner({
    settings: broker.settings,
    group: spec.group,
    topics: [spec.input],
    service: { name: 'ecris-bench', version: '0.0.0' },
    codec,
    sender: timed(producer, spec),
    handler: (context) => {
      spec.onConsumed?.(performance.now());
      return handler(context);
    },
    logger,
    deadLetterTopic: dlq,
    parkedKeys,
    partitionsConsumedConcurrently: spec.concurrency,
  });
  await runner.start();
  return {
    async stop() {
      await runner.stop();
      await parkedKeys.close();
      await producer.disconnect();
    },
  };
}

function timed(sender: RecordSender, spec: PassthroughSpec): RecordSender {
  return {
    async send(records: readonly RawOutboundRecord[]) {
      await sender.send(records);
      spec.onAcked?.(
        records.filter((record) => record.topic === spec.output).map((record) => record.key),
        performance.now(),
      );
    },
  };
}
