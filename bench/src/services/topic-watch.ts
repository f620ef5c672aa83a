import { setTimeout as sleep } from 'node:timers/promises';
import { LogReader, type ConsumedRecord, type KafkaSettings } from '@ecris/messaging';
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
