import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { ConsumedRecord, RecordHeaders } from '../ports';

export function toConsumedRecord(topic: string, partition: number, message: KafkaMessage): ConsumedRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key ?? null,
    value: message.value ?? null,
    headers: toRecordHeaders(message.headers),
  };
}

/** Kafka allows a header name twice; our records never do it, so the last value wins, as in most clients. */
function toRecordHeaders(headers: IHeaders | undefined): RecordHeaders {
  const result: RecordHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) result[name] = typeof last === 'string' ? Buffer.from(last) : last;
  }
  return result;
}

/** Offsets are 64-bit decimal strings; BigInt keeps them exact. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
