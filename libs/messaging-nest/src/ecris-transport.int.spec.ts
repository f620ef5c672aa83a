import 'reflect-metadata';
import { join } from 'node:path';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@ecris/logging';
import {
  AvroCodec,
  deriveMeta,
  DLQ_HEADERS,
  KafkajsRecordSender,
  metaToHeaders,
  SchemaArchive,
  TransientError,
  type OutboundMessage,
} from '@ecris/messaging';
import { createTestTopics, readUntil, testKafkaSettings, uniqueName } from '@ecris/testing';
import { EcrisContext } from './ecris-context';
import { EcrisKafkaTransport } from './ecris-transport';
import { KeepErrorsFilter } from './keep-errors.filter';

const TEST_EVENT = 'uk.ecris.test.TestEvent';
const codec = new AvroCodec(SchemaArchive.load([join(__dirname, '..', '..', 'messaging', 'test-schemas')]));
const base = uniqueName('nest-transport');
const topics = { input: `${base}.in`, output: `${base}.out`, dlq: `${base}.dlq`, parked: `${base}.parked` };
const attempts = new Map<number, number>();

@Controller()
class EchoController {
  @EventPattern(TEST_EVENT)
  echo(@Payload() event: { sequence: number; text: string }, @Ctx() context: EcrisContext): OutboundMessage[] {
    const tries = (attempts.get(event.sequence) ?? 0) + 1;
    attempts.set(event.sequence, tries);
    if (event.text === 'flaky' && tries < 2) throw new TransientError('FLAKY', 'first try fails');
    if (event.text === 'poison') throw new TypeError('cannot handle');
    return [
      {
        topic: topics.output,
        key: context.meta.correlationId,
        schema: TEST_EVENT,
        value: { sequence: event.sequence, text: `nest ${event.text}`, note: null },
        meta: deriveMeta(context.meta, { step: 'nest-echo', source: '/test/nest', type: 'uk.ecris.test.echoed.v1', time: context.meta.time }),
      },
    ];
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

function input(sequence: number, text: string) {
  const meta = {
    id: `${base}-${sequence}`,
    source: '/test',
    type: 'uk.ecris.test.event.v1',
    time: '2026-11-29T10:00:00.000Z',
    subject: null,
    correlationId: `K${sequence}`,
    causationId: null,
    traceparent: null,
  };
  return { topic: topics.input, key: meta.correlationId, value: codec.encode(TEST_EVENT, { meta, sequence, text, note: null }), headers: metaToHeaders(meta) };
}

describe('EcrisKafkaTransport in a Nest microservice', () => {
  let app: INestMicroservice;

  beforeAll(async () => {
    await createTestTopics([topics.input, topics.output, topics.dlq, topics.parked]);
    const group = `${base}.group`;
    app = await NestFactory.createMicroservice(EchoModule, {
      logger: false,
      strategy: new EcrisKafkaTransport({
        settings: testKafkaSettings(),
        group,
        topics: [topics.input],
        deadLetterTopic: topics.dlq,
        parkedTopic: topics.parked,
        service: { name: 'nest-test', version: '0.0.0' },
        codec,
        logger: createLogger({ service: 'nest-test', level: 'silent' }),
        backoff: { initialMs: 10, maxMs: 50 },
      }),
    });
    app.useGlobalFilters(new KeepErrorsFilter());
    await app.listen();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('dispatches by record type to @EventPattern handlers and publishes what they return', async () => {
    const sender = await KafkajsRecordSender.connect(testKafkaSettings());
    await sender.send([input(1, 'plain'), input(2, 'flaky'), input(3, 'poison')]);
    await sender.disconnect();

    const outputs = await readUntil(topics.output, (records) => records.length >= 2);
    const texts = outputs.map((record) => (codec.decode(record.value).value as { text: string }).text);
    expect(texts.sort()).toEqual(['nest flaky', 'nest plain']);
    // The transient error reached the runner as itself (retried), not as Nest's generic RPC error.
    expect(attempts.get(2)).toBe(2);

    const [letter] = await readUntil(topics.dlq, (records) => records.length >= 1);
    expect(letter.headers[DLQ_HEADERS.errorCode]?.toString()).toBe('BUG');
    expect(letter.headers[DLQ_HEADERS.consumerGroup]?.toString()).toBe(`${base}.group`);
  });
});
