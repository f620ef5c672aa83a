import { setTimeout as sleep } from 'node:timers/promises';
import { AvroCodec, LogReader, SchemaArchive, type ConsumedRecord, type KafkaSettings } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';
import type { BenchBroker } from '../broker';

/**
 * Resolves with the time (performance.now) at which `topic` was first seen holding at least `count`
 * records. A record is on the log once the broker has acknowledged it (acks=all: the end offset moves
 * past a record only when it is committed), so this is the moment the last output was acknowledged,
 * late by at most `intervalMs` plus one metadata round trip. Our topics are fresh and written by one
 * service only, so the summed end offsets are its outputs. Fails when nothing new arrives for `stallMs`.
 */
export async function whenTopicHolds(broker: BenchBroker, topic: string, count: number, stallMs = 30_000, intervalMs = 25): Promise<number> {
  let seen = -1;
  let seenAt = performance.now();
  for (;;) {
    const held = await broker.recordCount(topic);
    const at = performance.now();
    if (held >= count) return at;
    if (held !== seen) {
      seen = held;
      seenAt = at;
    } else if (at - seenAt > stallMs) {
      throw new Error(`${topic} held ${held} of ${count} records and nothing new came for ${stallMs / 1000} s`);
    }
    await sleep(intervalMs);
  }
}

/**
 * Reads every record of `topic` once, a batch at a time (nothing kept: memory stays flat however long
 * the topic), for checking the outputs after the timed part.
 */
export async function forEachRecord(settings: KafkaSettings, topic: string, onRecord: (record: ConsumedRecord) => void): Promise<void> {
  const reader = await LogReader.connect(settings);
  try {
    const partitions = await reader.partitions(topic);
    const ranges = partitions.map((p) => ({ topic, partition: p.partition, from: p.low, to: p.high }));
    await reader.read(
      ranges,
      async (records) => {
        for (const record of records) onRecord(record);
      },
      { timeoutMs: 120_000 },
    );
  } finally {
    await reader.close();
  }
}

export interface Tally {
  /** Records written with the schema asked for. */
  readonly count: number;
  /** Their distinct ids (as `idOf` reads them): fewer than `count` means copies. */
  readonly ids: ReadonlySet<string>;
  /** Records written with any other schema. */
  readonly other: number;
}

/**
 * Reads every record of `topic` once (after the timed part) and tallies those written with `schema`.
 * The codec is made here, not before: the schemas it loads are the bench's, and the RSS sampling is over.
 */
export async function tallyTopic<T>(settings: KafkaSettings, topic: string, schema: string, idOf: (value: T) => string): Promise<Tally> {
  const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
  const ids = new Set<string>();
  let count = 0;
  let other = 0;
  await forEachRecord(settings, topic, (record) => {
    const decoded = codec.decode<T>(record.value);
    if (decoded.writer.fullName !== schema) {
      other++;
      return;
    }
    count++;
    ids.add(idOf(decoded.value));
  });
  return { count, ids, other };
}
