/**
 * Wiring for the runner's integration tests: a runner on fresh topics of the real broker, with the
 * test schemas, a real producer, a DLQ and a parked-keys topic of its own. Test code only.
 */
import { createLogger, type Logger } from '@ecris/logging';
import { createTestTopics, testKafkaSettings, uniqueName } from '@ecris/testing';
import { AvroCodec } from '../avro/avro-codec';
import { deriveMeta } from '../cloudevents/derive-meta';
import type { EventMeta } from '../cloudevents/event-meta';
import { KafkajsRecordSender } from '../kafka/kafkajs-record-sender';
import { metaToHeaders } from '../cloudevents/headers';
import type { RawOutboundRecord } from '../ports';
import type { BackoffPolicy } from '../runner/backoff';
import { ConsumerRunner, type ConsumerRunnerOptions } from '../runner/consumer-runner';
import type { MessageHandler } from '../runner/message-handler';
import { CompactedTopicParkedKeys } from '../runner/parked-keys';
import { TEST_EVENT, testSchemaArchive } from './test-schemas';

export const codec = new AvroCodec(testSchemaArchive());
export const quietLogger: Logger = createLogger({ service: 'messaging-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface TestTopics {
  readonly input: string;
  readonly output: string;
  readonly dlq: string;
  readonly parked: string;
  readonly group: string;
}

export async function freshTopics(label: string, partitions = 2): Promise<TestTopics> {
  const base = uniqueName(label);
  const topics = {
    input: `${base}.in`,
    output: `${base}.out`,
    dlq: `${base}.grp.dlq`,
    parked: `${base}.grp.parked`,
    group: `${base}.grp`,
  };
  await createTestTopics([topics.input, topics.output, topics.dlq], partitions);
  await createTestTopics([{ name: topics.parked, partitions: 1, config: { 'cleanup.policy': 'compact' } }]);
  return topics;
}

export function testMeta(id: string, correlationId = id): EventMeta {
  return {
    id,
    source: '/ecris-exchange/test',
    type: 'uk.ecris.test.event.v1',
    time: '2026-11-29T10:00:00.000Z',
    subject: correlationId,
    correlationId,
    causationId: null,
    traceparent: null,
  };
}

/** A TestEvent record as a producer upstream would write it. */
export function testEvent(topic: string, key: string, sequence: number, text = `event ${sequence}`): RawOutboundRecord {
  const meta = testMeta(`${key}-${sequence}`, key);
  return { topic, key, value: codec.encode(TEST_EVENT, { meta, sequence, text, note: null }), headers: metaToHeaders(meta) };
}

/** Echoes each TestEvent to `output`, with a meta derived from the input. */
export function echoTo(output: string): MessageHandler {
  return async ({ value, meta }) => {
    const event = value as { sequence: number; text: string };
    return [
      {
        topic: output,
        key: meta.correlationId,
        schema: TEST_EVENT,
        value: { sequence: event.sequence, text: `echo ${event.text}`, note: null },
        meta: deriveMeta(meta, { step: 'echo', source: '/ecris-exchange/echo', type: 'uk.ecris.test.echoed.v1', time: meta.time }),
      },
    ];
  };
}

export interface RunningTestRunner {
  readonly runner: ConsumerRunner;
  readonly sender: KafkajsRecordSender;
  stop(): Promise<void>;
}

export async function startTestRunner(
  topics: TestTopics,
  handler: MessageHandler,
  overrides: { backoff?: Partial<BackoffPolicy> } & Partial<ConsumerRunnerOptions> = {},
): Promise<RunningTestRunner> {
  const settings = overrides.settings ?? testKafkaSettings();
  const sender = await KafkajsRecordSender.connect(settings);
  const parkedKeys = await CompactedTopicParkedKeys.open(settings, topics.parked);
  const runner = new ConsumerRunner({
    settings,
    group: topics.group,
    topics: [topics.input],
    service: { name: 'messaging-test', version: '0.0.0-test' },
    codec,
    sender,
    handler,
    logger: quietLogger,
    deadLetterTopic: topics.dlq,
    parkedKeys,
    backoff: { initialMs: 20, maxMs: 200 },
    ...overrides,
  });
  await runner.start();
  return {
    runner,
    sender,
    async stop() {
      // Each step runs even if one before it failed: a client left connected retries its broker for
      // ever and keeps the test process from exiting (after a broker-restart test, one that is gone).
      try {
        await runner.stop();
      } finally {
        try {
          await parkedKeys.close();
        } finally {
          await sender.disconnect();
        }
      }
    },
  };
}

/** A producer for test input, connected for one call. */
export async function publish(records: readonly RawOutboundRecord[]): Promise<void> {
  const sender = await KafkajsRecordSender.connect(testKafkaSettings());
  try {
    await sender.send(records);
  } finally {
    await sender.disconnect();
  }
}
