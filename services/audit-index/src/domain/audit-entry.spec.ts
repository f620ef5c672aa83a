import { auditEntryOf, isDeadLetterTopic, safeText, type RecordFacts } from './audit-entry';

const b = (text: string) => Buffer.from(text, 'utf8');

function facts(overrides: Partial<RecordFacts> = {}): RecordFacts {
  return {
    topic: 'ns.ecris.inbound.v1',
    partition: 3,
    offset: '9007199254740993',
    timestamp: String(Date.parse('2026-03-01T10:00:00Z')),
    key: b('FR-GB-NOT-000000000000001'),
    valueBytes: 420,
    valueSchema: { name: 'uk.ecris.message.Notification', version: 1 },
    meta: {
      id: 'e1',
      source: '/ecris-gateway',
      type: 'uk.ecris.notification.received.v1',
      time: '2026-03-01T09:59:59.500Z',
      subject: 'FR-GB-NOT-000000000000001',
      correlationId: 'FR-GB-NOT-000000000000001',
      causationId: null,
    },
    hasCeHeaders: true,
    replay: {},
    deadLetter: {},
    ...overrides,
  };
}

describe('auditEntryOf', () => {
  it('keeps coordinates, CloudEvents attributes and the writer schema; offsets stay exact', () => {
    expect(auditEntryOf(facts())).toMatchObject({
      topic: 'ns.ecris.inbound.v1',
      partition: 3,
      record_offset: '9007199254740993',
      record_time: '2026-03-01T10:00:00.000Z',
      record_key: 'FR-GB-NOT-000000000000001',
      correlation_id: 'FR-GB-NOT-000000000000001',
      ce_id: 'e1',
      ce_type: 'uk.ecris.notification.received.v1',
      ce_time: '2026-03-01T09:59:59.500Z',
      ce_source: '/ecris-gateway',
      causation_id: null,
      has_ce_headers: true,
      value_schema: 'uk.ecris.message.Notification',
      value_schema_version: 1,
      dlq_error_class: null,
    });
  });

  it('keeps the replay headers the ops tool sets', () => {
    const entry = auditEntryOf(
      facts({ replay: { id: b('action-1'), of: b('ns.g.dlq:0:4'), ofOriginal: b('ns.ecris.inbound.v1:3:17'), by: b('OPS-1'), reason: b('fixed') } }),
    );
    expect(entry).toMatchObject({
      replay_id: 'action-1',
      replay_of: 'ns.g.dlq:0:4',
      replay_of_original: 'ns.ecris.inbound.v1:3:17',
      replay_by: 'OPS-1',
      replay_reason: 'fixed',
    });
  });

  const deadLetter: RecordFacts['deadLetter'] = {
    consumerGroup: b('ecris-exchange.translation'),
    service: b('translation'),
    errorClass: b('business'),
    errorCode: b('NO_TASK_ID'),
    errorMessage: b('a TRANSLATION_ENTERED action must name its review task'),
    originalTopic: b('ns.ops.actions.v1'),
    originalPartition: b('1'),
    originalOffset: b('12'),
    parkedBehind: undefined,
    payloadSha256: b('ab'.repeat(32)),
    attempts: b('1'),
    lastFailureAt: b('2026-03-01T10:00:01.000Z'),
  };

  it('reads dead-letter provenance on a dead-letter topic only', () => {
    expect(auditEntryOf(facts({ topic: 'ns.ecris-exchange.translation.dlq', deadLetter }))).toMatchObject({
      dlq_consumer_group: 'ecris-exchange.translation',
      dlq_error_class: 'business',
      dlq_error_code: 'NO_TASK_ID',
      dlq_original_topic: 'ns.ops.actions.v1',
      dlq_original_partition: 1,
      dlq_original_offset: '12',
      dlq_attempts: 1,
      dlq_last_failure_at: '2026-03-01T10:00:01.000Z',
    });
    // The same headers on an ordinary topic are someone's payload, not provenance.
    expect(auditEntryOf(facts({ deadLetter })).dlq_error_class).toBeNull();
  });

  it('indexes a record without CloudEvents headers by its key and coordinates', () => {
    const entry = auditEntryOf(
      facts({
        hasCeHeaders: false,
        meta: { id: 'ns.ecris.inbound.v1:3:5', source: '', type: '', time: '2026-03-01T10:00:00.000Z', subject: null, correlationId: 'k', causationId: null },
      }),
    );
    expect(entry).toMatchObject({ ce_id: 'ns.ecris.inbound.v1:3:5', correlation_id: 'k', ce_type: null, ce_source: null, has_ce_headers: false });
    expect(entry.ce_time).toBe(entry.record_time);
  });

  it.each([
    ['a time that is no time', { time: 'yesterday' }],
    ['a year PostgreSQL cannot hold', { time: '+275760-09-13T00:00:00.000Z' }],
  ])('stores no ce_time for %s rather than refuse the row', (_what, meta) => {
    expect(auditEntryOf(facts({ meta: { ...facts().meta, ...meta } })).ce_time).toBeNull();
  });

  it('refuses nothing from garbage provenance: non-numeric coordinates become null', () => {
    const entry = auditEntryOf(
      facts({ topic: 'x.dlq', deadLetter: { originalPartition: b('-1'), originalOffset: b('99999999999999999999'), attempts: b('many') } }),
    );
    expect([entry.dlq_original_partition, entry.dlq_original_offset, entry.dlq_attempts]).toEqual([null, null, null]);
  });
});

describe('safeText', () => {
  it('keeps UTF-8 text, and bytes that are not UTF-8 (or hold NUL) as hex', () => {
    expect(safeText(b('Zoë'), 10)).toBe('Zoë');
    expect(safeText(Buffer.from([0xff, 0xfe]), 10)).toBe('hex:fffe');
    expect(safeText('a\u0000b', 10)).toBe('hex:610062');
  });

  it('bounds the length', () => {
    expect(safeText('x'.repeat(20), 5)).toBe('xxxx…');
  });
});

describe('isDeadLetterTopic', () => {
  it.each([
    ['ecris-exchange.translation.dlq', true],
    ['ns.1.ecris-exchange.translation.dlq', true],
    ['ecris-exchange.translation.parked', false],
    ['ecris.inbound.v1', false],
  ])('%s: %s', (topic, expected) => expect(isDeadLetterTopic(topic)).toBe(expected));
});
