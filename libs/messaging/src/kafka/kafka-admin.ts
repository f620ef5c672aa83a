import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin } from 'kafkajs';
import type { Logger } from '@ecris/logging';
import { createKafka, type KafkaSettings } from './kafka-settings';

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly config: Readonly<Record<string, string>>;
}

export interface TopicDescription {
  readonly name: string;
  readonly partitions: number;
  readonly config: Record<string, string>;
}

/** Topic administration; topics are created from the registry, never auto-created. */
export class KafkaAdmin {
  private readonly admin: Admin;

  constructor(settings: KafkaSettings, logger?: Logger) {
    this.admin = createKafka(settings, logger).admin();
  }

  connect(): Promise<void> {
    return this.admin.connect();
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }

  async listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  /** Creates the topics that are missing and waits for their leaders; existing ones are left alone. */
  async ensureTopics(specs: readonly TopicSpec[]): Promise<{ created: string[]; existing: string[] }> {
    const present = new Set(await this.admin.listTopics());
    const missing = specs.filter((spec) => !present.has(spec.name));
    if (missing.length > 0) {
      await this.createTopics(missing);
      await this.untilServed(missing.map((spec) => spec.name));
    }
    return {
      created: missing.map((spec) => spec.name),
      existing: specs.filter((spec) => present.has(spec.name)).map((spec) => spec.name),
    };
  }

  private async createTopics(missing: readonly TopicSpec[]): Promise<void> {
    try {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor: -1,
          configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
        })),
      });
    } catch (error) {
      // The topics were created; only kafkajs's wait for their leaders gave up early on a retriable
      // metadata error. untilServed() does that wait properly.
      if ((error as { retriable?: boolean }).retriable !== true) throw error;
    }
  }

  /**
   * A new topic has leaders before its partitions answer every request ("does not host this
   * topic-partition" for a moment): wait until each answers an offsets request.
   */
  private async untilServed(topics: readonly string[], timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (const topic of topics) {
      for (;;) {
        try {
          await this.admin.fetchTopicOffsets(topic);
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await sleep(100);
        }
      }
    }
  }

  async deleteTopics(names: readonly string[]): Promise<void> {
    if (names.length > 0) await this.admin.deleteTopics({ topics: [...names] });
  }

  /** Partition counts and the named configs of existing topics. */
  async describeTopics(names: readonly string[], configNames: readonly string[]): Promise<TopicDescription[]> {
    const metadata = await this.admin.fetchTopicMetadata({ topics: [...names] });
    const configs = await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: names.map((name) => ({ type: 2 /* TOPIC */, name, configNames: [...configNames] })),
    });
    return metadata.topics.map((topic) => {
      const resource = configs.resources.find((entry) => entry.resourceName === topic.name);
      const config: Record<string, string> = {};
      for (const entry of resource?.configEntries ?? []) config[entry.configName] = entry.configValue;
      return { name: topic.name, partitions: topic.partitions.length, config };
    });
  }

  /** The next offset to be written, per partition: reading up to these means reading everything so far. */
  async endOffsets(topic: string): Promise<Map<number, string>> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((entry) => [entry.partition, entry.high]));
  }

  /** Committed offsets of a consumer group, per partition (-1 when none). */
  async committedOffsets(group: string, topic: string): Promise<Map<number, string>> {
    const [entry] = await this.admin.fetchOffsets({ groupId: group, topics: [topic] });
    return new Map((entry?.partitions ?? []).map((partition) => [partition.partition, partition.offset]));
  }

  async deleteGroups(groups: readonly string[]): Promise<void> {
    if (groups.length > 0) await this.admin.deleteGroups([...groups]);
  }
}
