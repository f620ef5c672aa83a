/**
 * notification-out started for real (startService, its own topic namespace, the test PostgreSQL), a
 * producer for its inputs, and one tail on its outputs for the whole test file. Waits poll the tail or
 * the database; nothing sleeps.
 */
import { randomUUID } from 'node:crypto';
import type { EventMeta } from '@ecris/contracts';
import {
  AvroCodec,
  KafkajsRecordSender,
  metaToHeaders,
  SchemaArchive,
  TopicTail,
  type ConsumedRecord,
  type RecordHeaders,
} from '@ecris/messaging';
import { REPO_SCHEMAS_DIR, startService, type RunningService } from '@ecris/service-kit';
import { eventually, provisionNamespace, testDatabaseUrl, testKafkaSettings, withPgPool } from '@ecris/testing';
import { NOTIFICATION_OUT } from '../notification-out.definition';

export const TOPICS = {
  courts: 'courts.convictions.v1',
  inbound: 'ecris.inbound.v1',
  ops: 'ops.actions.v1',
  outbound: 'ecris.outbound.v1',
  workItems: 'exchange.notification-out.work-items.v1',
  dlq: 'ecris-exchange.notification-out.dlq',
} as const;

export interface Decoded<T = Record<string, unknown>> {
  readonly record: ConsumedRecord;
  readonly schema: string;
  readonly value: T;
}

export class ServiceHarness {
  readonly codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));

  private constructor(
    readonly namespace: string,
    readonly service: RunningService,
    private readonly sender: KafkajsRecordSender,
    readonly tail: TopicTail,
  ) {}

  /** `databaseUrl: ''` runs on embedded PGlite, as the one-command local run does. */
  static async start(env: Record<string, string> = {}, databaseUrl: string = testDatabaseUrl()): Promise<ServiceHarness> {
    // The service reads its own settings from the process environment, as it does in production.
    Object.assign(process.env, env);
    const namespace = await provisionNamespace('notification-out');
    const service = await startService(NOTIFICATION_OUT, {
      ...process.env,
      ECRIS_NAMESPACE: namespace,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
    });
    const sender = await KafkajsRecordSender.connect(testKafkaSettings());
    const tail = await TopicTail.start(testKafkaSettings(), [TOPICS.outbound, TOPICS.workItems, TOPICS.dlq].map((t) => `${namespace}${t}`));
    return new ServiceHarness(namespace, service, sender, tail);
  }

  async stop(): Promise<void> {
    await this.tail?.stop();
    await this.sender?.disconnect();
    await this.service?.close();
  }

  /** Publishes a record of ours, keyed as its producer would key it. */
  async publish(topic: string, schema: string, value: { meta: EventMeta }, key: string): Promise<void> {
    await this.publishRaw(topic, key, this.codec.encode(schema, value), metaToHeaders(value.meta));
  }

  async publishRaw(topic: string, key: string, value: Buffer, headers: RecordHeaders): Promise<void> {
    await this.sender.send([{ topic: `${this.namespace}${topic}`, key, value, headers }]);
  }

  /** Decoded records of `topic` read so far. */
  read<T = Record<string, unknown>>(topic: string, schema?: string): Decoded<T>[] {
    return this.tail.records
      .filter((record) => record.topic === `${this.namespace}${topic}` && topic !== TOPICS.dlq)
      .map((record) => {
        const decoded = this.codec.decode<T>(record.value);
        return { record, schema: decoded.reader.fullName, value: decoded.value };
      })
      .filter((decoded) => schema === undefined || decoded.schema === schema);
  }

  /** Waits until `select` finds at least `count` records of `topic`, and returns them. */
  async waitFor<T>(topic: string, schema: string, select: (value: T) => boolean, count = 1, timeoutMs = 20_000): Promise<Decoded<T>[]> {
    const matching = () => this.read<T>(topic, schema).filter((decoded) => select(decoded.value));
    await this.tail.waitFor(() => matching().length >= count, timeoutMs);
    return matching();
  }

  dlqRecords(): ConsumedRecord[] {
    return this.tail.records.filter((record) => record.topic === `${this.namespace}${TOPICS.dlq}`);
  }

  async metrics(): Promise<string> {
    return (await fetch(`${this.service.url}/metrics`)).text();
  }

  /** The value of a metric line (first match), or undefined when absent. */
  async metric(pattern: RegExp): Promise<number | undefined> {
    const match = pattern.exec(await this.metrics());
    return match ? Number(match[1]) : undefined;
  }

  /** Reads the service's own database (PostgreSQL or its embedded PGlite). */
  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const database = this.service.database;
    if (database) return (await database.query<T>(sql, params)).rows;
    return withPgPool(async (pool) => (await pool.query(sql, params)).rows as T[]);
  }

  async notificationRows(convictionReference: string): Promise<{ message_id: string; receiving_state: string; kind: string; status: string; due_on: string }[]> {
    return this.rows(
      `SELECT message_id, receiving_state, kind, status, due_on::text AS due_on FROM notification_out.notifications
        WHERE conviction_reference = $1 ORDER BY created_at, message_id`,
      [convictionReference],
    );
  }

  async waitForStatus(messageId: string, status: string): Promise<void> {
    await eventually(
      async () => (await this.rows<{ status: string }>('SELECT status FROM notification_out.notifications WHERE message_id = $1', [messageId]))[0]?.status === status,
      20_000,
      `${messageId} to be ${status}`,
    );
  }
}

/** A conviction reference no earlier run used: the test database is shared between runs. */
export function newReference(label: string): string {
  return `${label}-${randomUUID().slice(0, 18)}`;
}

export function headerText(record: ConsumedRecord, name: string): string | undefined {
  return record.headers[name]?.toString('utf8');
}
