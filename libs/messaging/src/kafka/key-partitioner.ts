import type { ICustomPartitioner, PartitionerArgs } from 'kafkajs';

/**
 * The Java client's partitioner (and kafkajs's DefaultPartitioner): a keyed record goes to
 * murmur2(key bytes) & 0x7fffffff modulo the topic's partition count, so every producer, in any
 * language, puts one key on one partition. A record without a key goes round robin over the
 * partitions that have a leader.
 *
 * Ours only because kafkajs's costs: its murmur2 does 64-bit arithmetic through a Long object per
 * step and copies the key into a new Buffer, and it filters the partition list for every record, keyed
 * or not. The relay sends every output through here. The result is the same (tested against kafkajs's).
 */
export const keyPartitioner: ICustomPartitioner = () => {
  const roundRobin = new Map<string, number>();
  return ({ topic, partitionMetadata, message }: PartitionerArgs): number => {
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    if (message.key !== null && message.key !== undefined) return toPositive(murmur2(message.key)) % partitionMetadata.length;
    const next = (roundRobin.get(topic) ?? Math.floor(Math.random() * 0x7fffffff)) + 1;
    roundRobin.set(topic, next);
    const available = partitionMetadata.filter((partition) => partition.leader >= 0);
    if (available.length === 0) return toPositive(next) % partitionMetadata.length;
    return available[toPositive(next) % available.length]!.partitionId;
  };
};

const toPositive = (x: number) => x & 0x7fffffff;

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** A string key's UTF-8 bytes are written here rather than into a new Buffer per record. */
let scratch = Buffer.allocUnsafe(256);

/** Kafka's murmur2 (org.apache.kafka.common.utils.Utils#murmur2), in 32-bit integer arithmetic. */
export function murmur2(key: string | Buffer): number {
  let data: Buffer;
  let length: number;
  if (typeof key === 'string') {
    if (key.length * 3 > scratch.length) scratch = Buffer.allocUnsafe(key.length * 3);
    length = scratch.write(key, 0, 'utf8');
    data = scratch;
  } else {
    data = key;
    length = key.length;
  }
  let h = SEED ^ length;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = data[i4]! | (data[i4 + 1]! << 8) | (data[i4 + 2]! << 16) | (data[i4 + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The last one to three bytes (Java's switch falls through from case 3 to case 1).
  const rest = length & 3;
  if (rest > 0) {
    const tail = length - rest;
    if (rest === 3) h ^= data[tail + 2]! << 16;
    if (rest >= 2) h ^= data[tail + 1]! << 8;
    h ^= data[tail]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}
