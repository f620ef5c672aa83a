/**
 * notification-out started for real (startTestService: its own topic namespace, a database of its
 * own), and one tail on its outputs for the whole test file. Waits poll the tail or the database;
 * nothing sleeps.
 */
import { randomUUID } from 'node:crypto';
import type { EventMeta } from '@ecris/contracts';
import { TopicTail, type ConsumedRecord, type RecordHeaders } from '@ecris/messaging';
import { startService, type RunningService } from '@ecris/service-kit';
import { eventually, startTestService, testKafkaSettings, type TestRecord, type TestService } from '@ecris/testing';
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
  private constructor(
    private readonly test: TestService<RunningService>,
    readonly tail: TopicTail,
  ) {}

  /**
   * `database: 'pglite'` runs on embedded PGlite, as the one-command local run does. `backlog` is
   * published before the service starts: it finds those records waiting and applies them in batches.
   */
  static async start(
    env: Record<string, string> = {},
    database: 'postgres' | 'pglite' = 'postgres',
    backlog: readonly TestRecord[] = [],
  ): Promise<ServiceHarness> {
    // The service reads its own settings from the process environment, as it does in production.
    Object.assign(process.env, env);
    const test = await startTestService((serviceEnv) => startService(NOTIFICATION_OUT, serviceEnv), { label: 'notification-out', database, backlog });
    const tail = await TopicTail.start(testKafkaSettings(), [TOPICS.outbound, TOPICS.workItems, TOPICS.dlq].map((t) => test.topic(t))).catch(async (error: unknown) => {
      await test.stop();
      throw error;
    });
    return new ServiceHarness(test, tail);
  }

  get namespace(): string {
    return this.test.ns;
  }

  get service(): RunningService {
    return this.test.service;
  }

  /** The service's own PostgreSQL database; empty on PGlite. */
  get databaseUrl(): string {
    return this.test.databaseUrl;
  }

  async stop(): Promise<void> {
    await this.tail.stop();
    await this.test.stop();
  }

  /** Publishes a record of ours, keyed as its producer would key it. */
  async publish(topic: string, schema: string, value: { meta: EventMeta }, key: string): Promise<void> {
    await this.test.publish([{ topic, key, schema, value }]);
  }

  /** Publishes records in one produce call, so the service most likely fetches them together. */
  async publishAll(records: readonly TestRecord[]): Promise<void> {
    await this.test.publish(records);
  }

  async publishRaw(topic: string, key: string, value: Buffer, headers: RecordHeaders): Promise<void> {
    await this.test.publish([{ topic, key, value, headers }]);
  }

  /** Decoded records of `topic` read so far. */
  read<T = Record<string, unknown>>(topic: string, schema?: string): Decoded<T>[] {
    return this.tail.records
      .filter((record) => record.topic === `${this.namespace}${topic}` && topic !== TOPICS.dlq)
      .map((record) => {
        const decoded = this.test.decode<T>(record);
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

  metrics(): Promise<string> {
    return this.test.metrics();
  }

  /** The value of a metric line (first match), or undefined when absent. */
  async metric(pattern: RegExp): Promise<number | undefined> {
    const match = pattern.exec(await this.metrics());
    return match ? Number(match[1]) : undefined;
  }

  /** Reads the service's own database (PostgreSQL or its embedded PGlite). */
  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.service.database!.query<T>(sql, params)).rows;
  }

  async notificationRows(convictionReference: string): Promise<{ message_id: string; receiving_state: string; kind: string; status: string; due_on: string }[]> {
    return this.rows(
      `SELECT message_id, receiving_state, kind, status, due_on::text AS due_on FROM notification_out.notifications
        WHERE conviction_reference = $1 ORDER BY written_seq`,
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

/** A conviction reference of one test's own: the tests of a file share its database. */
export function newReference(label: string): string {
  return `${label}-${randomUUID().slice(0, 18)}`;
}

export function headerText(record: ConsumedRecord, name: string): string | undefined {
  return record.headers[name]?.toString('utf8');
}
