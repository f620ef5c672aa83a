import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import type { Logger } from '@ecris/logging';
import type { ConsumedRecord } from '../ports';
import { toConsumedRecord, nextOffset } from './consumed-record';
import { KafkaAdmin } from './kafka-admin';
import { consumerRetry, createKafka, type KafkaSettings } from './kafka-settings';

interface Waiter {
  readonly satisfied: () => boolean;
  readonly resolve: () => void;
}

/**
 * Reads topics from the beginning into memory and keeps following them, without committing anything:
 * for tests that wait on an output topic (by polling, never by sleeping), for tools, and for small
 * current-state topics such as parked keys. Uses a throwaway consumer group that it deletes on stop.
 */
export class TopicTail {
  private readonly received: ConsumedRecord[] = [];
  private readonly positions = new Map<string, string>();
  private waiters: Waiter[] = [];

  private constructor(
    private readonly consumer: Consumer,
    private readonly settings: KafkaSettings,
    private readonly group: string,
    readonly topics: readonly string[],
    private readonly lifecycle: { stopping: boolean },
  ) {}

  static async start(settings: KafkaSettings, topics: readonly string[], logger?: Logger): Promise<TopicTail> {
    const group = `ecris-tail.${randomUUID()}`;
    const lifecycle = { stopping: false };
    const consumer = createKafka(settings, logger).consumer({
      groupId: group,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      retry: consumerRetry(() => lifecycle.stopping),
    });
    const tail = new TopicTail(consumer, settings, group, topics, lifecycle);
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          tail.received.push(toConsumedRecord(batch.topic, batch.partition, message));
          tail.positions.set(`${batch.topic}:${batch.partition}`, nextOffset(message.offset));
        }
        tail.wake();
      },
    });
    return tail;
  }

  /** Everything read so far, in arrival order (per partition: offset order). */
  get records(): readonly ConsumedRecord[] {
    return this.received;
  }

  /** Resolves with all records read once `predicate` holds for them; rejects after `timeoutMs`. */
  async waitFor(predicate: (records: readonly ConsumedRecord[]) => boolean, timeoutMs: number): Promise<ConsumedRecord[]> {
    await this.until(() => predicate(this.received), timeoutMs, () => `${this.received.length} records read`);
    return [...this.received];
  }

  /** Resolves when everything written to the topics before this call has been read. */
  async catchUp(timeoutMs: number): Promise<void> {
    const admin = new KafkaAdmin(this.settings);
    await admin.connect();
    const targets: { key: string; end: string }[] = [];
    try {
      for (const topic of this.topics) {
        for (const [partition, end] of await admin.endOffsets(topic)) targets.push({ key: `${topic}:${partition}`, end });
      }
    } finally {
      await admin.disconnect();
    }
    const behind = () => targets.filter((target) => BigInt(this.positions.get(target.key) ?? '0') < BigInt(target.end));
    await this.until(() => behind().length === 0, timeoutMs, () => `behind on ${behind().map((t) => t.key).join(', ')}`);
  }

  async stop(): Promise<void> {
    this.lifecycle.stopping = true;
    this.waiters = [];
    await this.consumer.disconnect();
    const admin = new KafkaAdmin(this.settings);
    try {
      await admin.connect();
      await admin.deleteGroups([this.group]);
    } catch {
      // A leftover empty throwaway group expires on its own; failing a caller over it would be wrong.
    } finally {
      await admin.disconnect();
    }
  }

  private until(satisfied: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
    if (satisfied()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`timed out after ${timeoutMs} ms waiting on ${this.topics.join(', ')}: ${describe()}`));
      }, timeoutMs);
      const entry: Waiter = {
        satisfied,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(entry);
    });
  }

  private wake(): void {
    const ready = this.waiters.filter((waiter) => waiter.satisfied());
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }
}

export interface ReadTopicOptions {
  readonly until: (records: readonly ConsumedRecord[]) => boolean;
  readonly timeoutMs: number;
}

/** Reads a topic from the beginning until `until` holds, then stops. */
export async function readTopic(settings: KafkaSettings, topic: string, options: ReadTopicOptions): Promise<ConsumedRecord[]> {
  const tail = await TopicTail.start(settings, [topic]);
  try {
    return await tail.waitFor(options.until, options.timeoutMs);
  } finally {
    await tail.stop();
  }
}
