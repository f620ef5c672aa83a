import { createHash } from 'node:crypto';
import type { ConsumedRecord } from '../ports';
import { deadLetterRecord, DLQ_HEADERS, recordCoordinates } from './dead-letter';

const record: ConsumedRecord = {
  topic: 'ecris.inbound.v1',
  partition: 3,
  offset: '9007199254740993',
  timestamp: '1764410000000',
  key: Buffer.from([0xff, 0x00, 0x41]),
  value: Buffer.from([0xc3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0x99]),
  headers: { ce_id: Buffer.from('e-1'), opaque: Buffer.from([0, 1, 2]) },
};

const facts = {
  group: 'ecris-exchange.notification-in',
  service: 'notification-in',
  serviceVersion: '0.1.0',
  dlqTopic: 'ecris-exchange.notification-in.dlq',
  attempts: 4,
  firstFailureAt: '2026-11-29T10:00:00.000Z',
  lastFailureAt: '2026-11-29T10:00:03.000Z',
};

const text = (headers: Record<string, Buffer>, name: string) => headers[name]?.toString('utf8');

describe('deadLetterRecord', () => {
  const failure = { disposition: 'poison', errorClass: 'validation', code: 'FE-00012', message: 'missing surname' } as const;
  const letter = deadLetterRecord(record, { ...facts, failure });

  it('keeps key, value and the original headers byte for byte', () => {
    expect(letter.topic).toBe(facts.dlqTopic);
    expect(letter.key).toEqual(record.key);
    expect(letter.value).toBe(record.value);
    expect(letter.headers.ce_id).toEqual(record.headers.ce_id);
    expect(letter.headers.opaque).toEqual(Buffer.from([0, 1, 2]));
  });

  it('adds the provenance headers', () => {
    const h = letter.headers;
    expect(text(h, DLQ_HEADERS.originalTopic)).toBe('ecris.inbound.v1');
    expect(text(h, DLQ_HEADERS.originalPartition)).toBe('3');
    expect(text(h, DLQ_HEADERS.originalOffset)).toBe('9007199254740993');
    expect(text(h, DLQ_HEADERS.originalTimestamp)).toBe('1764410000000');
    expect(text(h, DLQ_HEADERS.consumerGroup)).toBe(facts.group);
    expect(text(h, DLQ_HEADERS.service)).toBe('notification-in');
    expect(text(h, DLQ_HEADERS.serviceVersion)).toBe('0.1.0');
    expect(text(h, DLQ_HEADERS.errorClass)).toBe('validation');
    expect(text(h, DLQ_HEADERS.errorCode)).toBe('FE-00012');
    expect(text(h, DLQ_HEADERS.errorMessage)).toBe('missing surname');
    expect(text(h, DLQ_HEADERS.attempts)).toBe('4');
    expect(text(h, DLQ_HEADERS.firstFailureAt)).toBe(facts.firstFailureAt);
    expect(text(h, DLQ_HEADERS.lastFailureAt)).toBe(facts.lastFailureAt);
    expect(text(h, DLQ_HEADERS.writerFingerprint)).toBe('0102030405060708');
    expect(text(h, DLQ_HEADERS.payloadSha256)).toBe(createHash('sha256').update(record.value!).digest('hex'));
  });

  it('marks a parked record with the coordinates it waits behind', () => {
    const parked = deadLetterRecord(record, { ...facts, failure: { parkedBehind: 'ecris.inbound.v1:3:7' } });
    expect(text(parked.headers, DLQ_HEADERS.errorClass)).toBe('parked');
    expect(text(parked.headers, DLQ_HEADERS.parkedBehind)).toBe('ecris.inbound.v1:3:7');
  });

  it('names a record by topic, partition and offset', () => {
    expect(recordCoordinates(record)).toBe('ecris.inbound.v1:3:9007199254740993');
  });
});
