import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, EachBatchPayload } from 'kafkajs';
import type { Logger } from '@ecris/logging';
import type { ConsumedRecord } from '../ports';
import { toConsumedRecord } from './consumed-record';
import { consumerRetry, createKafka, type KafkaSettings } from './kafka-settings';

/** Offsets `[from, to)` of one partition (decimal strings: Kafka offsets are 64-bit). */
export interface OffsetRange {
  readonly topic: string;
  readonly partition: number;
  readonly from: string;
  readonly to: string;
}

export interface PartitionOffsets {
  readonly partition: number;
  /** The oldest offset still on the log. */
  readonly low: string;
  /** The next offset to be written. */
  readonly high: string;
}

export interface LogReadOptions {
  /** Fails the read when it has not finished by then (default 60 s). */
  readonly timeoutMs?: number;
}

/** Where one partition's read stands: the ranges still to read, in offset order. */
interface PartitionPlan {
  readonly topic: string;
  readonly partition: number;
  readonly ranges: { from: bigint; to: bigint }[];
}

/**
 * Reads records by their coordinates, without committing anything, for operators' tools: one record
 * (`fetch`) or a range (`read`), seeking straight to the offsets instead of reading a topic from its
 * start. Each read joins a throwaway consumer group of its own and deletes it afterwards.
 */
export class LogReader {
  private constructor(
    private readonly settings: KafkaSettings,
    private readonly admin: Admin,
    private readonly logger: Logger | undefined,
  ) {}

  static async connect(settings: KafkaSettings, logger?: Logger): Promise<LogReader> {
    const admin = createKafka(settings, logger).admin();
    await admin.connect();
    return new LogReader(settings, admin, logger);
  }

  async close(): Promise<void> {
    await this.admin.disconnect();
  }

  async partitions(topic: string): Promise<PartitionOffsets[]> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return offsets
      .map((entry) => ({ partition: entry.partition, low: entry.low, high: entry.high }))
      .sort((a, b) => a.partition - b.partition);
  }

  /** Per partition, the first offset whose record timestamp is at or after `time` (the end offset when none is). */
  async offsetsAtTime(topic: string, time: Date): Promise<Map<number, string>> {
    const offsets = await this.admin.fetchTopicOffsetsByTimestamp(topic, time.getTime());
    return new Map(offsets.map((entry) => [entry.partition, entry.offset]));
  }

  /**
   * The records at these coordinates, keyed `topic:partition:offset`. A coordinate with no record (past
   * the end, deleted by retention) is simply absent from the result.
   */
  async fetch(
    coordinates: readonly { topic: string; partition: number; offset: string }[],
    options: LogReadOptions = {},
  ): Promise<Map<string, ConsumedRecord>> {
    const found = new Map<string, ConsumedRecord>();
    const ranges = coordinates.map((c) => ({ topic: c.topic, partition: c.partition, from: c.offset, to: (BigInt(c.offset) + 1n).toString() }));
    await this.read(
      ranges,
      async (records) => {
        for (const record of records) found.set(`${record.topic}:${record.partition}:${record.offset}`, record);
      },
      options,
    );
    return found;
  }

  /**
   * Hands the records of the ranges to `onRecords`, in offset order per partition, a batch at a time (the
   * next batch waits for the promise: back-pressure for a caller that produces what it reads). Ranges end
   * at most at the partition's end offset as it was when the read began.
   */
  async read(
    ranges: readonly OffsetRange[],
    onRecords: (records: ConsumedRecord[]) => Promise<void>,
    options: LogReadOptions = {},
  ): Promise<void> {
    const plans = await this.plan(ranges);
    if (plans.length === 0) return;
    const group = `ecris-reader.${randomUUID()}`;
    let done = false;
    const consumer = createKafka(this.settings, this.logger).consumer({
      groupId: group,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      retry: consumerRetry(() => done),
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...new Set(plans.map((p) => p.topic))], fromBeginning: false });
      await this.consume(consumer, plans, onRecords, options.timeoutMs ?? 60_000);
    } finally {
      done = true;
      await consumer.disconnect();
      // Nothing was committed; an empty group left behind would expire on its own, so a failure here is no failure.
      await this.admin.deleteGroups([group]).catch(() => undefined);
    }
  }

  /** Clips each range to what is on the log now, merges ranges per partition, drops the empty ones. */
  private async plan(ranges: readonly OffsetRange[]): Promise<PartitionPlan[]> {
    const bounds = new Map<string, PartitionOffsets[]>();
    for (const topic of new Set(ranges.map((r) => r.topic))) bounds.set(topic, await this.partitions(topic));
    const plans = new Map<string, PartitionPlan>();
    for (const range of ranges) {
      const partition = bounds.get(range.topic)?.find((p) => p.partition === range.partition);
      if (!partition) throw new Error(`${range.topic} has no partition ${range.partition}`);
      const from = maxOf(BigInt(range.from), BigInt(partition.low));
      const to = minOf(BigInt(range.to), BigInt(partition.high));
      if (from >= to) continue;
      const key = `${range.topic}:${range.partition}`;
      const plan = plans.get(key) ?? { topic: range.topic, partition: range.partition, ranges: [] };
      plan.ranges.push({ from, to });
      plans.set(key, plan);
    }
    for (const plan of plans.values()) mergeInPlace(plan.ranges);
    return [...plans.values()];
  }

  private consume(
    consumer: Consumer,
    plans: PartitionPlan[],
    onRecords: (records: ConsumedRecord[]) => Promise<void>,
    timeoutMs: number,
  ): Promise<void> {
    const pending = new Map(plans.map((plan) => [`${plan.topic}:${plan.partition}`, plan]));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`log read timed out after ${timeoutMs} ms; unfinished: ${[...pending.keys()].join(', ')}`));
      }, timeoutMs);
      const finish = (error?: unknown) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const eachBatch = async ({ batch, heartbeat, isRunning }: EachBatchPayload) => {
        const key = `${batch.topic}:${batch.partition}`;
        const plan = pending.get(key);
        if (!plan) return;
        const wanted: ConsumedRecord[] = [];
        let seekTo: bigint | undefined;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          // Past the current range (or the range held no record, e.g. a gap left by a transaction marker): next range.
          while (plan.ranges.length > 0 && offset >= plan.ranges[0].to) plan.ranges.shift();
          const range = plan.ranges[0];
          if (!range) break;
          if (offset < range.from) {
            seekTo = range.from;
            break;
          }
          wanted.push(toConsumedRecord(batch.topic, batch.partition, message));
          if (offset + 1n === range.to) {
            plan.ranges.shift();
            const next = plan.ranges[0];
            if (next && next.from > offset + 1n) {
              seekTo = next.from;
              break;
            }
          }
        }
        if (wanted.length > 0) await onRecords(wanted);
        if (plan.ranges.length === 0) {
          pending.delete(key);
          if (pending.size === 0) finish();
          return;
        }
        if (seekTo !== undefined && isRunning()) consumer.seek({ topic: batch.topic, partition: batch.partition, offset: seekTo.toString() });
        await heartbeat();
      };
      consumer
        .run({ autoCommit: false, eachBatch: (payload) => eachBatch(payload).catch(finish) })
        .then(() => {
          for (const plan of plans) {
            consumer.seek({ topic: plan.topic, partition: plan.partition, offset: plan.ranges[0].from.toString() });
          }
        })
        .catch(finish);
    });
  }
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** Sorts ranges and joins the overlapping or touching ones, so a partition is read forwards once. */
function mergeInPlace(ranges: { from: bigint; to: bigint }[]): void {
  ranges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < ranges.length; ) {
    const previous = ranges[i - 1];
    const current = ranges[i];
    if (current.from <= previous.to) {
      previous.to = maxOf(previous.to, current.to);
      ranges.splice(i, 1);
    } else {
      i += 1;
    }
  }
}
