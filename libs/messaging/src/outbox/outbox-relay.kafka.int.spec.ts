import { randomBytes, randomUUID } from 'node:crypto';
import { KafkajsRecordSender } from '../kafka/kafkajs-record-sender';
import { createTestTopics, deleteTestTopics, readUntil, testKafkaSettings, uniqueName } from '@ecris/testing';
import { PgEffectLedger } from '../idempotency/pg-effect-ledger';
import { PgPartitionClaims } from '../idempotency/partition-claims';
import type { ConsumedRecord, RawOutboundRecord, RecordSender } from '../ports';
import { createMigratedTestDatabase, SETUP_TIMEOUT_MS, type TestDatabase } from '../postgres/testing/test-databases';
import { insertOutboxRecords } from './outbox-records';
import { OutboxRelay } from './outbox-relay';

describe('OutboxRelay to the real broker', () => {
  let t: TestDatabase;
  let sender: KafkajsRecordSender;
  let topic: string;

  beforeAll(async () => {
    t = await createMigratedTestDatabase('postgres');
    [topic] = (await createTestTopics([uniqueName('outbox-relay')], 1)) as [string];
    sender = await KafkajsRecordSender.connect(testKafkaSettings());
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await sender?.disconnect();
    if (topic) await deleteTestTopics([topic]);
    await t?.dispose();
  });

  function outbound(n: number): RawOutboundRecord {
    return {
      topic,
      key: `exchange-${n}`,
      value: Buffer.concat([Buffer.from([0xc3, 0x01]), randomBytes(32)]),
      headers: {
        ce_id: Buffer.from(randomUUID()),
        ce_type: Buffer.from('uk.ecris.test.answered.v1'),
        opaque: Buffer.from([0x00, 0xff, 0xc3, 0x28, n]),
      },
    };
  }

  function expectSameRecord(actual: ConsumedRecord, expected: RawOutboundRecord) {
    expect(actual.key?.toString()).toBe(expected.key);
    expect(actual.value?.equals(expected.value as Buffer)).toBe(true);
    expect(Object.keys(actual.headers)).toEqual(Object.keys(expected.headers));
    for (const [name, bytes] of Object.entries(expected.headers)) {
      expect(actual.headers[name]?.equals(bytes)).toBe(true);
    }
  }

  it('publishes what a ledger transaction emitted, in order, headers byte for byte', async () => {
    const group = uniqueName('outbox-relay-group');
    const { epoch } = await new PgPartitionClaims(t.db).claim(group, 'exchange.test.in.v1', 0);
    const emitted = [outbound(1), outbound(2), outbound(3)];
    const ledger = new PgEffectLedger(t.db);
    await ledger.applyOnce(
      { group, topic: 'exchange.test.in.v1', partition: 0, offset: '0', eventId: randomUUID(), epoch },
      async () => emitted.slice(0, 2),
    );
    await ledger.applyOnce(
      { group, topic: 'exchange.test.in.v1', partition: 0, offset: '1', eventId: randomUUID(), epoch },
      async () => emitted.slice(2),
    );

    expect(await new OutboxRelay(t.db, sender, { onError: () => {} }).relayOnce(10)).toBe(3);

    const received = await readUntil(topic, (records) => records.length >= 3);
    expect(received).toHaveLength(3);
    received.forEach((actual, i) => expectSameRecord(actual, emitted[i] as RawOutboundRecord));
  });

  it('publishes a batch again after a crash between the send and marking it sent; the copy has the same ce_id', async () => {
    const before = (await readUntil(topic, (records) => records.length >= 3)).length;
    const record = outbound(4);
    await t.db.transaction((tx) => insertOutboxRecords(tx, [record]));
    // The broker acknowledges, then the process "dies" before the UPDATE ... sent_at commits.
    const crashingAfterSend: RecordSender = {
      send: async (records) => {
        await sender.send(records);
        throw new Error('process killed');
      },
    };
    await expect(new OutboxRelay(t.db, crashingAfterSend, { onError: () => {} }).relayOnce(10)).rejects.toThrow();
    expect(await new OutboxRelay(t.db, sender, { onError: () => {} }).relayOnce(10)).toBe(1);

    const received = await readUntil(topic, (records) => records.length >= before + 2);
    const copies = received.slice(before);
    expect(copies).toHaveLength(2);
    copies.forEach((copy) => expectSameRecord(copy, record));
  });
});
