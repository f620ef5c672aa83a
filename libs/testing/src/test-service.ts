import { KafkajsRecordSender, type ConsumedRecord, type DecodedValue } from '@ecris/messaging';
import { freshTestDatabase, type TestDatabase } from './fresh-database';
import { readToEnd, readUntil } from './kafka-helpers';
import { testKafkaSettings } from './names-and-settings';
import { provisionNamespace } from './namespace';
import { encodeTestRecord, inNamespace, testCodec, type RawTestRecord, type TestRecord } from './test-records';

export interface TestServiceOptions {
  /** Names the namespace and database, so what a test leaves is traceable to it. */
  readonly label: string;
  /** `postgres`: a database of its own, dropped on stop; `pglite`: embedded, as the one-command local run. */
  readonly database: 'postgres' | 'pglite';
  /** Over the usual test environment: the service's own settings. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Published (to canonical topics) before the service starts, so it finds them waiting: a backlog it
   * fetches together, as a service catching up does, e.g. to exercise applying records in batches.
   */
  readonly backlog?: readonly (TestRecord | RawTestRecord)[];
}

/** What the kit's startService returns, as far as these helpers need it. */
export interface StartedService {
  readonly url: string;
  close(): Promise<void>;
}

export interface TestService<S extends StartedService = StartedService> {
  /** The topic and consumer-group prefix, ending in `.`. */
  readonly ns: string;
  readonly service: S;
  /** Its database's URL; empty on PGlite. */
  readonly databaseUrl: string;
  /** `name` in this service's namespace. */
  topic(name: string): string;
  /** Publishes records, to canonical topics; a TestRecord is encoded first. Resolves once the broker has them. */
  publish(records: readonly (TestRecord | RawTestRecord)[]): Promise<void>;
  encode(record: TestRecord): RawTestRecord;
  /** Reads a canonical topic of the namespace from the start until `predicate` holds for what was read. */
  readUntil(topic: string, predicate: (records: readonly ConsumedRecord[]) => boolean, timeoutMs?: number): Promise<ConsumedRecord[]>;
  /** Everything on a canonical topic of the namespace so far: to count what must not be there. */
  readAll(topic: string): Promise<ConsumedRecord[]>;
  decode<T>(record: ConsumedRecord): DecodedValue<T>;
  /** The service's Prometheus text. */
  metrics(): Promise<string>;
  /** Closes the service and the producer and drops the database. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts a service as its integration tests need it: a private copy of every registry topic, a
 * database of its own (nothing earlier runs or other files wrote can match its queries or counts),
 * the usual test environment (free HTTP port, quiet logs unless TEST_LOG_LEVEL), and a producer.
 * `start` is the kit's startService with the definition under test, e.g.
 * `startTestService((env) => startService(definition, env), { label: 'translation', database: 'postgres' })`:
 * passed in, because libs/testing sits below the service kit (whose own tests use it).
 */
export async function startTestService<S extends StartedService>(
  start: (env: NodeJS.ProcessEnv) => Promise<S>,
  options: TestServiceOptions,
): Promise<TestService<S>> {
  const ns = await provisionNamespace(options.label);
  const database: TestDatabase | undefined = options.database === 'postgres' ? await freshTestDatabase(options.label) : undefined;
  const databaseUrl = database?.url ?? '';
  let service: S | undefined;
  let sender: KafkajsRecordSender | undefined;
  try {
    sender = await KafkajsRecordSender.connect(testKafkaSettings());
    if (options.backlog) await sender.send(inNamespace(ns, options.backlog));
    service = await start({
      ...process.env,
      ECRIS_NAMESPACE: ns,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: databaseUrl,
      ...options.env,
    });
  } catch (error) {
    await sender?.disconnect().catch(() => undefined);
    await service?.close().catch(() => undefined);
    await database?.drop().catch(() => undefined);
    throw error;
  }
  return testService(ns, service, sender, database);
}

function testService<S extends StartedService>(
  ns: string,
  service: S,
  sender: KafkajsRecordSender,
  database: TestDatabase | undefined,
): TestService<S> {
  const topic = (name: string) => `${ns}${name}`;
  let stopping: Promise<void> | undefined;
  return {
    ns,
    service,
    databaseUrl: database?.url ?? '',
    topic,
    encode: encodeTestRecord,
    publish: (records) => sender.send(inNamespace(ns, records)),
    readUntil: (name, predicate, timeoutMs) => readUntil(topic(name), predicate, timeoutMs),
    readAll: (name) => readToEnd(topic(name)),
    decode: <T>(record: ConsumedRecord) => testCodec().decode<T>(record.value),
    metrics: async () => (await fetch(`${service.url}/metrics`)).text(),
    stop() {
      // Each step runs even if one before it failed: a database left behind is the leak this prevents.
      stopping ??= (async () => {
        try {
          await sender.disconnect();
        } finally {
          try {
            await service.close();
          } finally {
            await database?.drop();
          }
        }
      })();
      return stopping;
    },
  };
}
