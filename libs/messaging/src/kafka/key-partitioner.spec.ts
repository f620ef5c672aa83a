import { randomBytes } from 'node:crypto';
import { Partitioners, type PartitionerArgs, type PartitionMetadata } from 'kafkajs';
import { keyPartitioner, murmur2 } from './key-partitioner';

const metadata = (count: number, leaderless: number[] = []): PartitionMetadata[] =>
  Array.from({ length: count }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: leaderless.includes(partitionId) ? -1 : 0,
    replicas: [0],
    isr: [0],
  }));

const args = (key: string | Buffer | null, partitions = 6, leaderless: number[] = []): PartitionerArgs => ({
  topic: 't',
  partitionMetadata: metadata(partitions, leaderless),
  message: { key, value: null },
});

describe('murmur2', () => {
  it("gives the Java client's values (Kafka's own test vectors)", () => {
    expect(murmur2('21')).toBe(-973932308);
    expect(murmur2('foobar')).toBe(-790332482);
    expect(murmur2('a-little-bit-long-string')).toBe(-985981536);
    expect(murmur2('a-little-bit-longer-string')).toBe(-1486304829);
    expect(murmur2('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8')).toBe(-58897971);
    expect(murmur2('abc')).toBe(479470107);
  });
});

describe('keyPartitioner', () => {
  const ours = keyPartitioner();
  const kafkajs = Partitioners.DefaultPartitioner();

  it('puts every key on the partition kafkajs (and the Java client) puts it on: ids, non-ASCII text, bytes, any length', () => {
    const keys: (string | Buffer)[] = ['', 'a', 'ab', 'abc', 'FR-GB-NOT-001795940503558', 'conviction-é-ß-日本', 'x'.repeat(300)];
    for (let i = 0; i < 500; i++) keys.push(randomBytes(i % 41).toString('hex'), randomBytes(i % 23));
    for (const key of keys) {
      for (const partitions of [1, 3, 6, 7]) expect(ours(args(key, partitions))).toBe(kafkajs(args(key, partitions)));
    }
  });

  it('keeps a partition the record names, and sends keyless records round robin over partitions with a leader', () => {
    expect(ours({ ...args('k'), message: { key: 'k', value: null, partition: 4 } })).toBe(4);
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) seen.add(ours(args(null, 4, [1])));
    expect([...seen].sort()).toEqual([0, 2, 3]);
  });
});
