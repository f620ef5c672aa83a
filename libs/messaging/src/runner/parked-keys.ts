import type { Logger } from '@ecris/logging';
import { TopicTail } from '../kafka/topic-tail';
import type { KafkaSettings } from '../kafka/kafka-settings';
import type { RawOutboundRecord } from '../ports';

/**
 * Per-key parking (shared/design/reliability.md): once a record of a key is dead-lettered, later records
 * of that key are parked behind it instead of overtaking it, until an operator re-drives the chain.
 * State: which key waits behind which dead letter (`topic:partition:offset` of the record as consumed).
 */
export interface ParkedKeys {
  blockerOf(key: Buffer): string | undefined;
  /** Marks the key parked now; the returned record makes it durable and must be produced before the commit. */
  park(key: Buffer, blocker: string): RawOutboundRecord;
  /** Releases the key now; the returned tombstone must be produced before the commit. */
  unpark(key: Buffer): RawOutboundRecord;
  /** Catches up with the durable state: at start and after every rebalance (another member may have parked keys). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** Parked keys kept on a compacted topic (`<group>.parked`): current state, so compaction is right here. */
export class CompactedTopicParkedKeys implements ParkedKeys {
  private readonly parked = new Map<string, string>();

  private constructor(
    private readonly topic: string,
    private readonly tail: TopicTail,
    private readonly refreshTimeoutMs: number,
  ) {}

  static async open(
    settings: KafkaSettings,
    topic: string,
    logger?: Logger,
    refreshTimeoutMs = 30_000,
  ): Promise<CompactedTopicParkedKeys> {
    const tail = await TopicTail.start(settings, [topic], logger);
    const store = new CompactedTopicParkedKeys(topic, tail, refreshTimeoutMs);
    await store.refresh();
    return store;
  }

  blockerOf(key: Buffer): string | undefined {
    return this.parked.get(key.toString('hex'));
  }

  park(key: Buffer, blocker: string): RawOutboundRecord {
    this.parked.set(key.toString('hex'), blocker);
    return { topic: this.topic, key, value: Buffer.from(blocker), headers: {} };
  }

  unpark(key: Buffer): RawOutboundRecord {
    this.parked.delete(key.toString('hex'));
    return { topic: this.topic, key, value: null, headers: {} };
  }

  async refresh(): Promise<void> {
    await this.tail.catchUp(this.refreshTimeoutMs);
    // Rebuilt from the log alone: our own writes are in it, acknowledged before any commit.
    this.parked.clear();
    for (const record of this.tail.records) {
      if (record.key === null) continue;
      const key = record.key.toString('hex');
      if (record.value === null) this.parked.delete(key);
      else this.parked.set(key, record.value.toString('utf8'));
    }
  }

  get size(): number {
    return this.parked.size;
  }

  close(): Promise<void> {
    return this.tail.stop();
  }
}
