import { join } from 'node:path';
import {
  AvroCodec,
  deriveMeta,
  metaToHeaders,
  SchemaArchive,
  type EventMeta,
  type MessageHandler,
  type RawOutboundRecord,
} from '@ecris/messaging';

/**
 * The bench's payload: the messaging lib's own TestEvent schema (not part of the ECRIS contract), read from
 * its folder, with a text that makes each value about `valueBytes` long. Both sides carry the same bytes.
 */
export const TEST_EVENT = 'uk.ecris.test.TestEvent';
const TEST_SCHEMAS_DIR = join(__dirname, '..', '..', 'libs', 'messaging', 'test-schemas');

export const codec = new AvroCodec(SchemaArchive.load([TEST_SCHEMAS_DIR]));

function meta(id: string, correlationId: string): EventMeta {
  return {
    id,
    source: '/ecris-exchange/bench',
    type: 'uk.ecris.bench.event.v1',
    time: '2026-11-29T10:00:00.000Z',
    subject: correlationId,
    correlationId,
    causationId: null,
    traceparent: null,
  };
}

/** The text that brings an encoded value close to `valueBytes`: the rest of the value is about 150 bytes. */
export function paddingText(valueBytes: number): string {
  return 'x'.repeat(Math.max(0, valueBytes - 150));
}

/**
 * One input record as an upstream producer would write it. The key is `<prefix><sequence>`, so keys
 * spread over the partitions and a latency probe can tell the sequence from an output's key alone.
 */
export function benchEvent(topic: string, keyPrefix: string, sequence: number, text: string): RawOutboundRecord {
  const key = `${keyPrefix}${sequence}`;
  const eventMeta = meta(`${key}-in`, key);
  return {
    topic,
    key,
    value: codec.encode(TEST_EVENT, { meta: eventMeta, sequence, text, note: null }),
    headers: metaToHeaders(eventMeta),
  };
}

/**
 * What a thin service handler does: take the decoded event, return one output of the same shape to
 * `output`, keyed by the exchange, with a meta derived from the input (deterministic id, causation, trace).
 */
export function forwardTo(output: string): MessageHandler {
  return async ({ value, meta: cause }) => {
    const event = value as { sequence: number; text: string; note: string | null };
    return [
      {
        topic: output,
        key: cause.correlationId,
        schema: TEST_EVENT,
        value: { sequence: event.sequence, text: event.text, note: event.note },
        meta: deriveMeta(cause, { step: 'bench', source: '/ecris-exchange/bench', type: 'uk.ecris.bench.forwarded.v1', time: cause.time }),
      },
    ];
  };
}
