/**
 * Follows the topics the summary counts (public topics, the register's change log, every dead-letter
 * topic) from their beginning, without committing anything, and feeds what it reads to the tally.
 * It holds what it has read in memory (TopicTail): fine for a local run's traffic, not for a production log.
 */
import { allConsumerGroups, dlqTopicName } from '@ecris/contracts';
import { DLQ_HEADERS, headerText, TopicTail, type AvroCodec, type ConsumedRecord, type KafkaSettings } from '@ecris/messaging';
import { ExchangeTally, REGISTER_UPDATED_TOPIC, type CountedRecord, type ExchangeCounts } from './exchange-counts';

const COUNTED_TOPICS = ['courts.convictions.v1', 'ecris.outbound.v1', 'ecris.inbound.v1', 'agency.requests.v1', 'agency.responses.v1', REGISTER_UPDATED_TOPIC];

export interface ExchangeWatchOptions {
  readonly settings: KafkaSettings;
  readonly namespace: string;
  readonly codec: AvroCodec;
  readonly ourState: string;
  /** Further consumer groups whose dead letters count (the gateway simulator's). */
  readonly extraGroups?: readonly string[];
}

export class ExchangeWatch {
  private read = 0;

  private constructor(
    private readonly tail: TopicTail,
    private readonly tally: ExchangeTally,
    private readonly options: ExchangeWatchOptions,
    private readonly dlqGroups: ReadonlyMap<string, string>,
  ) {}

  static async start(options: ExchangeWatchOptions): Promise<ExchangeWatch> {
    const groups = [...allConsumerGroups().map((group) => group.group), ...(options.extraGroups ?? [])];
    const dlqGroups = new Map(groups.map((group) => [`${options.namespace}${dlqTopicName(group)}`, group]));
    const topics = [...COUNTED_TOPICS.map((topic) => `${options.namespace}${topic}`), ...dlqGroups.keys()];
    const tail = await TopicTail.start({ ...options.settings, clientId: `${options.settings.clientId}.summary` }, topics);
    return new ExchangeWatch(tail, new ExchangeTally(options.ourState), options, dlqGroups);
  }

  /** The counts over everything read so far. */
  counts(): ExchangeCounts {
    const records = this.tail.records;
    for (; this.read < records.length; this.read++) {
      const counted = this.toCounted(records[this.read]!);
      if (counted) this.tally.add(counted);
    }
    return this.tally.counts;
  }

  /** Reads up to what the topics hold now: the final counts after everything stopped. */
  async catchUp(timeoutMs: number): Promise<ExchangeCounts> {
    await this.tail.catchUp(timeoutMs);
    return this.counts();
  }

  stop(): Promise<void> {
    return this.tail.stop();
  }

  private toCounted(record: ConsumedRecord): CountedRecord | undefined {
    const group = this.dlqGroups.get(record.topic);
    if (group !== undefined) {
      const parked = headerText(record.headers, DLQ_HEADERS.parkedBehind) !== undefined;
      const errorCode = parked ? 'PARKED' : (headerText(record.headers, DLQ_HEADERS.errorCode) ?? 'UNKNOWN');
      return { kind: 'dead-letter', group, errorCode, coordinates: `${record.topic}:${record.partition}:${record.offset}` };
    }
    try {
      const decoded = this.options.codec.decode<Record<string, unknown>>(record.value);
      const meta = decoded.value.meta as { id?: string } | undefined;
      return {
        kind: 'decoded',
        topic: record.topic.slice(this.options.namespace.length),
        eventId: meta?.id ?? `${record.topic}:${record.partition}:${record.offset}`,
        schema: decoded.reader.fullName,
        value: decoded.value,
      };
    } catch {
      // Undecodable records are not counted here: every consumer dead-letters them, and those are counted.
      return undefined;
    }
  }
}
