/**
 * The messaging ports. Services and the other libs depend on these shapes only;
 * the kafkajs adapters in ./kafka implement them, so another client could replace kafkajs
 * without touching a handler.
 */
import type { EventMeta } from './cloudevents/event-meta';

/** Kafka headers as we keep them: raw bytes, so a dead letter can copy them byte for byte. */
export type RecordHeaders = Record<string, Buffer>;

/** A record exactly as it came off the log. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are 64-bit; kept as decimal strings like kafkajs does. */
  readonly offset: string;
  /** Broker or producer timestamp, epoch milliseconds as a decimal string. */
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: RecordHeaders;
}

/** A record ready for the wire: value already encoded. */
export interface RawOutboundRecord {
  readonly topic: string;
  /** Our own records always have a string key; a dead letter keeps whatever bytes the original had. */
  readonly key: string | Buffer | null;
  readonly value: Buffer | null;
  readonly headers: RecordHeaders;
}

/**
 * Sends records and resolves only when the broker has acknowledged every one of them
 * (acks=all, idempotent). Order is kept per topic-partition in the order given.
 */
export interface RecordSender {
  send(records: readonly RawOutboundRecord[]): Promise<void>;
}

/**
 * A record a handler wants published: the value is the plain object for the named Avro record
 * (`schema` is its full name, e.g. `uk.ecris.exchange.NotificationMessage`); the runner encodes it
 * with the newest archived version of that name and derives the CloudEvents headers from `meta`.
 */
export interface OutboundMessage<T = unknown> {
  readonly topic: string;
  readonly key: string;
  readonly schema: string;
  readonly value: T;
  readonly meta: EventMeta;
}
