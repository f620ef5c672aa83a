import { createTestTopics, testKafkaSettings, uniqueName } from '@ecris/testing';
import { KafkajsRecordSender } from './kafkajs-record-sender';
import { LogReader } from './log-reader';

describe('LogReader', () => {
  let topic: string;
  let reader: LogReader;
  const before = new Date(Date.now() - 60_000);

  beforeAll(async () => {
    [topic] = await createTestTopics([uniqueName('log-reader')], 2);
    const sender = await KafkajsRecordSender.connect(testKafkaSettings());
    // One key, so all 40 records are on one partition at offsets 0 to 39.
    await sender.send(Array.from({ length: 40 }, (_, i) => ({ topic, key: 'a', value: Buffer.from(`a-${i}`), headers: { n: Buffer.from(String(i)) } })));
    await sender.disconnect();
    reader = await LogReader.connect(testKafkaSettings());
  });

  afterAll(async () => {
    await reader?.close();
  });

  const usedPartition = async () => {
    const used = (await reader.partitions(topic)).filter((p) => p.high !== '0');
    expect(used.map((p) => p.high)).toEqual(['40']);
    return used[0].partition;
  };

  it('fetches scattered records by coordinates, seeking between them, and leaves out what is not on the log', async () => {
    const partition = await usedPartition();
    const wanted = ['3', '4', '17', '39', '40', '1000'].map((offset) => ({ topic, partition, offset }));
    const found = await reader.fetch(wanted);
    expect([...found.keys()].sort()).toEqual([`${topic}:${partition}:17`, `${topic}:${partition}:3`, `${topic}:${partition}:39`, `${topic}:${partition}:4`].sort());
    expect(found.get(`${topic}:${partition}:17`)?.value?.toString()).toMatch(/-17$/);
    expect(found.get(`${topic}:${partition}:39`)?.headers.n?.toString()).toBe('39');
  });

  it('reads a range in offset order, batch after batch, and stops at its end', async () => {
    const partition = await usedPartition();
    const seen: string[] = [];
    await reader.read([{ topic, partition, from: '5', to: '25' }], async (records) => {
      seen.push(...records.map((r) => r.offset));
    });
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 5)));
  });

  it('finds offsets by time: everything written after a past instant, the end offset for a future one', async () => {
    const partitions = await reader.partitions(topic);
    const fromPast = await reader.offsetsAtTime(topic, before);
    const fromFuture = await reader.offsetsAtTime(topic, new Date(Date.now() + 60_000));
    for (const p of partitions) {
      expect(fromPast.get(p.partition)).toBe(p.low);
      expect(fromFuture.get(p.partition)).toBe(p.high);
    }
  });
});
