/**
 * The shapes of the topic registry. The declarations themselves are in ./registry.ts, the one
 * file that names every topic and consumer group.
 */

/** The services of ECRIS Exchange: the only writers of internal topics and the only consumer groups. */
export const SERVICE_NAMES = [
  'notification-out',
  'notification-in',
  'request-out',
  'request-in',
  'translation',
  'register-update',
  'audit-index',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Parties outside this code base that write or read public topics. */
export type OutsideParty = 'court-feeds' | 'ecris-gateway' | 'uk-agencies' | 'ops-tools';

export type TopicKind = 'public' | 'internal' | 'dead-letter' | 'parked-keys';

export interface TopicDefinition {
  readonly name: string;
  readonly kind: TopicKind;
  /** The one writer: a service name (see ServiceName) or an outside party. */
  readonly writer: ServiceName | OutsideParty;
  /**
   * Further writers, only where the architecture has several (absent elsewhere): every sending
   * service queues its ECRIS messages on ecris.outbound.v1, and request-out's HTTP API puts
   * agency requests on agency.requests.v1. Which service wrote a record is in its ce_source.
   */
  readonly alsoWrittenBy?: readonly ServiceName[];
  /** Services (which then have a consumer group with this topic as input) or outside parties. */
  readonly readers: readonly (ServiceName | OutsideParty)[];
  /** What the key is, in words (e.g. "exchange id: the ECRIS id of the message that opened the exchange"). */
  readonly key: string;
  /** Avro full names this topic may carry: use the constants in ../schema-names.ts (SchemaNames). */
  readonly valueSchemas: readonly string[];
  readonly partitions: number;
  /** -1 means keep forever. Exchange and audit topics: delete policy with long retention, never compaction. */
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
  readonly description: string;
}

export interface ConsumerGroupDefinition {
  /** Exactly the Kafka group id: `ecris-exchange.<service>`, with no suffix added anywhere else. */
  readonly group: string;
  readonly service: ServiceName;
  readonly inputs: readonly string[];
}

/** What a Kafka admin client needs to create a topic; structurally the same as @ecris/messaging's TopicSpec. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** Kafka topic configs, e.g. `cleanup.policy`, `retention.ms`. */
  readonly config: Record<string, string>;
}
