import { KafkajsRecordSender } from '@ecris/messaging';
import {
  createTestTopics,
  deleteTestTopics,
  readUntil,
  testDatabaseUrl,
  testKafkaSettings,
  uniqueName,
  withPgPool,
} from './index';

/** Proves the fixtures end to end against the broker and database global-setup.js provided. */
describe('test fixtures', () => {
  const topic = uniqueName('fixture-roundtrip');

  beforeAll(async () => {
    await createTestTopics([topic], 3);
  });

  afterAll(async () => {
    await deleteTestTopics([topic]);
  });

  it('gives a fresh topic that reads back what was sent, key, value and headers intact, in order per key', async () => {
    const sender = await KafkajsRecordSender.connect(testKafkaSettings());
    try {
      await sender.send(
        ['first', 'second', 'third'].map((text) => ({
          topic,
          key: 'exchange-1',
          value: Buffer.from(text),
          headers: { ce_id: Buffer.from(`id-${text}`) },
        })),
      );
    } finally {
      await sender.disconnect();
    }

    const records = await readUntil(topic, (read) => read.length >= 3, 20_000);

    expect(records.map((r) => r.value?.toString())).toEqual(['first', 'second', 'third']);
    expect(new Set(records.map((r) => r.partition)).size).toBe(1);
    expect(records.map((r) => r.key?.toString())).toEqual(['exchange-1', 'exchange-1', 'exchange-1']);
    expect(records.map((r) => r.headers.ce_id?.toString())).toEqual(['id-first', 'id-second', 'id-third']);
  });

  it('fails a read that never gets what it waits for, instead of passing on whatever came', async () => {
    await expect(readUntil(topic, (read) => read.length >= 100, 1_500)).rejects.toThrow(/timed out/);
  });

  it('gives a database that answers', async () => {
    expect(testDatabaseUrl()).toMatch(/^postgres(ql)?:\/\//);
    const database = await withPgPool(async (pool) => (await pool.query('SELECT current_database() AS name')).rows[0].name);
    expect(database).toBe(new URL(testDatabaseUrl()).pathname.slice(1));
  });
});
