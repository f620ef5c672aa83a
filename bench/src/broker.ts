import { setTimeout as sleep } from 'node:timers/promises';
import { KafkaAdmin, kafkaSettingsFromEnv, type KafkaSettings } from '@ecris/messaging';

/**
 * The bench's view of the broker: fresh topics per phase (so no side ever reads another's output),
 * committed-offset polling to see when a group is done, and clean-up of everything it made.
 */
export class BenchBroker {
  readonly settings: KafkaSettings = kafkaSettingsFromEnv('ecris-bench');
  private readonly admin = new KafkaAdmin(this.settings);
  private readonly topics: string[] = [];
  private readonly groups: string[] = [];

  /** Prefixes every name, so a run's topics are easy to find (and never collide with a test's). */
  constructor(readonly runId: string) {}

  async connect(): Promise<void> {
    await this.admin.connect();
  }

  name(label: string): string {
    return `bench.${this.runId}.${label}`;
  }

  /** A consumer group name to delete at the end of the run. */
  group(label: string): string {
    const group = this.name(label);
    this.groups.push(group);
    return group;
  }

  async createTopics(names: readonly string[], partitions: number, config: Record<string, string> = {}): Promise<void> {
    await this.admin.ensureTopics(names.map((name) => ({ name, partitions, config })));
    this.topics.push(...names);
  }

  async endOffsets(topic: string): Promise<Map<number, string>> {
    return this.admin.endOffsets(topic);
  }

  /** How many records a topic holds (its end offsets summed: our topics are fresh and never truncated). */
  async recordCount(topic: string): Promise<number> {
    let total = 0;
    for (const end of (await this.endOffsets(topic)).values()) total += Number(end);
    return total;
  }

  /**
   * Resolves with the time (performance.now) at which the group's committed offsets were first seen
   * at or past `targets` on every partition. Polls every `intervalMs`, so the time is late by at most
   * that much, for both sides alike. Fails when nothing more is committed for `stallMs`: a consumer
   * that has stopped (crashed, stuck) is reported, not waited on.
   */
  async whenCommitted(group: string, topic: string, targets: Map<number, string>, stallMs = 30_000, intervalMs = 25): Promise<number> {
    let progress = '';
    let progressAt = performance.now();
    for (;;) {
      const committed = await this.admin.committedOffsets(group, topic);
      const at = performance.now();
      if ([...targets].every(([partition, end]) => BigInt(committed.get(partition) ?? '-1') >= BigInt(end))) return at;
      const now = [...committed.values()].join(',');
      if (now !== progress) {
        progress = now;
        progressAt = at;
      } else if (at - progressAt > stallMs) {
        throw new Error(`group ${group} committed nothing for ${stallMs / 1000} s, at offsets ${now || 'none'} of ${topic}`);
      }
      await sleep(intervalMs);
    }
  }

  /** Deletes what this run created; a failure here is reported, never fatal (the figures are already out). */
  async cleanUp(): Promise<void> {
    try {
      await this.admin.deleteGroups(this.groups);
    } catch (error) {
      console.warn(`bench: could not delete the groups of run ${this.runId}: ${(error as Error).message}`);
    }
    try {
      await this.admin.deleteTopics(this.topics);
    } catch (error) {
      console.warn(`bench: could not delete the topics of run ${this.runId}: ${(error as Error).message}`);
    }
    await this.admin.disconnect();
  }
}
