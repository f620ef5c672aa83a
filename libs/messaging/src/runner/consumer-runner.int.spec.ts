import { eventually, readUntil } from '@ecris/testing';
import { deterministicEventId } from '../cloudevents/deterministic-id';
import { CE_HEADERS } from '../cloudevents/headers';
import { TransientError } from '../errors';
import type { ConsumedRecord } from '../ports';
import {
  codec,
  echoTo,
  freshTopics,
  publish,
  startTestRunner,
  testEvent,
  type RunningTestRunner,
} from '../testing/runner-harness';
import { TEST_EVENT } from '../testing/test-schemas';
import { DLQ_HEADERS, recordCoordinates, REPLAY_HEADERS } from './dead-letter';

const header = (record: ConsumedRecord, name: string) => record.headers[name]?.toString('utf8');
const sequences = (records: readonly ConsumedRecord[]) =>
  records.map((record) => (codec.decode(record.value).value as { sequence: number }).sequence);

describe('ConsumerRunner on the real broker', () => {
  let running: RunningTestRunner | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('decodes, handles, encodes and publishes: an Avro round trip with CloudEvents headers', async () => {
    const topics = await freshTopics('runner-roundtrip');
    running = await startTestRunner(topics, echoTo(topics.output));
    await publish([testEvent(topics.input, 'X-1', 1, 'hello')]);

    const [output] = await readUntil(topics.output, (records) => records.length >= 1);
    const decoded = codec.decode(output.value);
    expect(decoded.reader.fullName).toBe(TEST_EVENT);
    expect(decoded.value).toMatchObject({ sequence: 1, text: 'echo hello', meta: { correlationId: 'X-1', causationId: 'X-1-1' } });
    expect(output.key?.toString()).toBe('X-1');
    expect(header(output, CE_HEADERS.id)).toBe(deterministicEventId('X-1-1', 'echo'));
    expect(header(output, CE_HEADERS.causationId)).toBe('X-1-1');
    expect(header(output, CE_HEADERS.correlationId)).toBe('X-1');
    expect(header(output, CE_HEADERS.contentType)).toBe('application/avro');
  });

  it('dead-letters a poison record with its provenance while the records behind it are processed', async () => {
    const topics = await freshTopics('runner-poison', 1);
    running = await startTestRunner(topics, echoTo(topics.output));
    const garbage = { topic: topics.input, key: 'B', value: Buffer.from('not avro at all'), headers: { origin: Buffer.from([7, 8]) } };
    await publish([testEvent(topics.input, 'A', 1), garbage, testEvent(topics.input, 'C', 3)]);

    const outputs = await readUntil(topics.output, (records) => records.length >= 2);
    expect(sequences(outputs)).toEqual([1, 3]);
    const [letter] = await readUntil(topics.dlq, (records) => records.length >= 1);
    expect(letter.value).toEqual(garbage.value);
    expect(letter.key?.toString()).toBe('B');
    expect(letter.headers.origin).toEqual(Buffer.from([7, 8]));
    expect(header(letter, DLQ_HEADERS.originalTopic)).toBe(topics.input);
    expect(header(letter, DLQ_HEADERS.originalPartition)).toBe('0');
    expect(header(letter, DLQ_HEADERS.originalOffset)).toBe('1');
    expect(header(letter, DLQ_HEADERS.consumerGroup)).toBe(topics.group);
    expect(header(letter, DLQ_HEADERS.service)).toBe('messaging-test');
    expect(header(letter, DLQ_HEADERS.errorClass)).toBe('deserialization');
    expect(header(letter, DLQ_HEADERS.errorCode)).toBe('NOT_SINGLE_OBJECT');
    expect(header(letter, DLQ_HEADERS.attempts)).toBe('1');
    expect(header(letter, DLQ_HEADERS.payloadSha256)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('dead-letters a record whose schema fingerprint is unknown', async () => {
    const topics = await freshTopics('runner-unknown-fp', 1);
    running = await startTestRunner(topics, echoTo(topics.output));
    const event = testEvent(topics.input, 'U', 1);
    const value = Buffer.from(event.value!);
    value.writeUInt8(value[5] ^ 0x5a, 5);
    await publish([{ ...event, value }, testEvent(topics.input, 'V', 2)]);

    const [letter] = await readUntil(topics.dlq, (records) => records.length >= 1);
    expect(header(letter, DLQ_HEADERS.errorClass)).toBe('schema');
    expect(header(letter, DLQ_HEADERS.errorCode)).toBe('UNKNOWN_FINGERPRINT');
    expect(header(letter, DLQ_HEADERS.writerFingerprint)).toBe(value.subarray(2, 10).toString('hex'));
    expect(sequences(await readUntil(topics.output, (records) => records.length >= 1))).toEqual([2]);
  });

  it('retries a transient failure in place and keeps the order of the key', async () => {
    const topics = await freshTopics('runner-transient', 1);
    const attemptsOfTwo: number[] = [];
    const echo = echoTo(topics.output);
    running = await startTestRunner(topics, async (context) => {
      if ((context.value as { sequence: number }).sequence === 2) {
        attemptsOfTwo.push(context.attempt);
        if (context.attempt < 3) throw new TransientError('DEPENDENCY_DOWN', 'the register is unavailable');
      }
      return echo(context);
    });
    await publish([1, 2, 3, 4].map((n) => testEvent(topics.input, 'K', n)));

    const outputs = await readUntil(topics.output, (records) => records.length >= 4);
    expect(sequences(outputs)).toEqual([1, 2, 3, 4]);
    expect(attemptsOfTwo).toEqual([1, 2, 3]);
    const dlq = await readUntilQuiet(topics.dlq);
    expect(dlq).toHaveLength(0);
  });

  it('dead-letters a transient failure once its attempts are spent, with the attempt count', async () => {
    const topics = await freshTopics('runner-transient-spent', 1);
    running = await startTestRunner(
      topics,
      async () => {
        throw new TransientError('DEPENDENCY_DOWN', 'the register is unavailable');
      },
      { backoff: { initialMs: 5, maxMs: 20, maxAttempts: 3 } },
    );
    await publish([testEvent(topics.input, 'T', 1)]);
    const [letter] = await readUntil(topics.dlq, (records) => records.length >= 1);
    expect(header(letter, DLQ_HEADERS.errorClass)).toBe('dependency');
    expect(header(letter, DLQ_HEADERS.attempts)).toBe('3');
  });

  it('dead-letters a bug at once without retrying it', async () => {
    const topics = await freshTopics('runner-bug', 1);
    let calls = 0;
    running = await startTestRunner(topics, async () => {
      calls++;
      return (undefined as unknown as { boom: () => [] }).boom();
    });
    await publish([testEvent(topics.input, 'G', 1)]);
    const [letter] = await readUntil(topics.dlq, (records) => records.length >= 1);
    expect(header(letter, DLQ_HEADERS.errorClass)).toBe('unknown');
    expect(header(letter, DLQ_HEADERS.errorCode)).toBe('BUG');
    expect(calls).toBe(1);
  });

  it('parks later records of a dead-lettered key, lets other keys flow, and releases the key on a re-drive', async () => {
    const topics = await freshTopics('runner-parking', 1);
    const echo = echoTo(topics.output);
    running = await startTestRunner(topics, async (context) => {
      if ((context.value as { text: string }).text === 'poison') throw new TypeError('cannot handle this one');
      return echo(context);
    });
    await publish([
      testEvent(topics.input, 'P', 1, 'poison'),
      testEvent(topics.input, 'P', 2),
      testEvent(topics.input, 'Q', 3),
    ]);

    const letters = await readUntil(topics.dlq, (records) => records.length >= 2);
    const blocker = recordCoordinates({ topic: topics.input, partition: 0, offset: '0' });
    expect(header(letters[0], DLQ_HEADERS.errorCode)).toBe('BUG');
    expect(header(letters[1], DLQ_HEADERS.errorClass)).toBe('parked');
    expect(header(letters[1], DLQ_HEADERS.parkedBehind)).toBe(blocker);
    expect(sequences(await readUntil(topics.output, (records) => records.length >= 1))).toEqual([3]);

    // The operator fixes the cause and re-drives the chain in order: the blocker first, then what it parked.
    const redrive = (record: ReturnType<typeof testEvent>, original: string) => ({
      ...record,
      headers: { ...record.headers, [REPLAY_HEADERS.replayOfOriginal]: Buffer.from(original) },
    });
    await publish([
      redrive(testEvent(topics.input, 'P', 1, 'fixed'), blocker),
      redrive(testEvent(topics.input, 'P', 2), recordCoordinates({ topic: topics.input, partition: 0, offset: '1' })),
      testEvent(topics.input, 'P', 6),
    ]);
    const outputs = await readUntil(topics.output, (records) => records.length >= 4);
    expect(sequences(outputs)).toEqual([3, 1, 2, 6]);
  });

  it('in raw mode hands every record over undecoded, garbage included, with meta from its headers', async () => {
    const topics = await freshTopics('runner-raw', 1);
    const seen: { value: unknown; schema: string; id: string; correlationId: string }[] = [];
    running = await startTestRunner(
      topics,
      async ({ value, schema, meta }) => {
        seen.push({ value, schema, id: meta.id, correlationId: meta.correlationId });
      },
      { raw: true },
    );
    await publish([testEvent(topics.input, 'RAW', 1), { topic: topics.input, key: 'NOHEADERS', value: Buffer.from('garbage'), headers: {} }]);
    await eventually(() => seen.length >= 2, 15_000, 'two raw records handled');
    expect(seen[0]).toEqual({ value: null, schema: '', id: 'RAW-1', correlationId: 'RAW' });
    expect(seen[1]).toEqual({ value: null, schema: '', id: `${topics.input}:0:1`, correlationId: 'NOHEADERS' });
    expect(await readUntilQuiet(topics.dlq)).toHaveLength(0);
  });

  it('resumes from the committed offset after a restart, with nothing lost and nothing repeated', async () => {
    const topics = await freshTopics('runner-restart', 2);
    const seen: number[] = [];
    const counting = (context: Parameters<ReturnType<typeof echoTo>>[0]) => {
      seen.push((context.value as { sequence: number }).sequence);
      return echoTo(topics.output)(context);
    };
    running = await startTestRunner(topics, counting);
    await publish([1, 2, 3].map((n) => testEvent(topics.input, `R${n}`, n)));
    await readUntil(topics.output, (records) => records.length >= 3);
    await running.stop();
    running = undefined;

    await publish([4, 5].map((n) => testEvent(topics.input, `R${n}`, n)));
    running = await startTestRunner(topics, counting);
    const outputs = await readUntil(topics.output, (records) => records.length >= 5);
    expect(sequences(outputs).sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

/** Reads a topic briefly and returns what is there: for asserting that nothing arrived. */
async function readUntilQuiet(topic: string): Promise<ConsumedRecord[]> {
  try {
    return await readUntil(topic, (records) => records.length > 0, 2_000);
  } catch {
    return [];
  }
}
