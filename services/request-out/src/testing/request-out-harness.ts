/**
 * request-out started for an integration test: real broker (a private namespace of every registry
 * topic), real PostgreSQL (a database of its own, dropped afterwards, so the overdue check and the
 * outbox relay see only this test's rows), agencies with API keys made up for the run, and a clock
 * the test can move.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { groupIdOf, SchemaNames } from '@ecris/contracts';
import { AvroCodec, KafkajsRecordSender, metaToHeaders, SchemaArchive, type ConsumedRecord, type EventMeta } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR, startService, type RunningService } from '@ecris/service-kit';
import { provisionNamespace, readUntil, testDatabaseUrl, testKafkaSettings } from '@ecris/testing';
import { CONFIG_DIR, settingsFromEnv } from '../config/settings';
import { sha256Hex } from '../http/agency-auth.guard';
import type { CaseStore } from '../ports';
import { requestOutService } from '../request-out.module';

export const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));

export interface MovableClock {
  now: Date;
  (): Date;
}

export function movableClock(start: string): MovableClock {
  const clock = (() => clock.now) as MovableClock;
  clock.now = new Date(start);
  return clock;
}

/** A PostgreSQL database of its own on the test server. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = testDatabaseUrl();
  const name = `request_out_test_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: serverUrl, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface RequestOutUnderTest {
  readonly running: RunningService;
  readonly ns: string;
  readonly clock: MovableClock;
  /** The plain API key of each configured agency (GMP, MPS, ACRO, DBS), made up for this run. */
  readonly keys: Readonly<Record<string, string>>;
  readonly group: string;
  /** Publishes a record as another party would (the gateway, an agency, the translation service). */
  publish(topic: string, schema: string, value: { meta: EventMeta }, key: string): Promise<void>;
  publishRaw(topic: string, key: string, value: Buffer): Promise<void>;
  /** Reads a namespaced topic from the start until `predicate` holds. */
  read(topic: string, predicate: (records: readonly ConsumedRecord[]) => boolean, timeoutMs?: number): Promise<ConsumedRecord[]>;
  /** Calls the agency API with an agency's key. */
  http(method: string, path: string, agency: string | null, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown; contentType: string }>;
  close(): Promise<void>;
}

export async function startRequestOut(
  label: string,
  options: { clockStart: string; wrapCaseStore?: (store: CaseStore) => CaseStore },
): Promise<RequestOutUnderTest> {
  const ns = await provisionNamespace(label);
  const database = await freshDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'request-out-'));
  const shipped = JSON.parse(readFileSync(join(CONFIG_DIR, 'agencies.json'), 'utf8')) as {
    agencies: { id: string; apiKeySha256: string[] }[];
  };
  const keys: Record<string, string> = {};
  for (const agency of shipped.agencies) {
    keys[agency.id] = randomBytes(24).toString('hex');
    agency.apiKeySha256 = [sha256Hex(keys[agency.id]!)];
  }
  writeFileSync(join(dir, 'agencies.json'), JSON.stringify(shipped));
  const settings = settingsFromEnv({ REQUEST_OUT_AGENCIES_FILE: join(dir, 'agencies.json'), REQUEST_OUT_OVERDUE_CHECK_MS: '100' });
  const clock = movableClock(options.clockStart);
  const running = await startService(
    requestOutService({ settings, clock, wrapCaseStore: options.wrapCaseStore }),
    { ...process.env, ECRIS_NAMESPACE: ns, HTTP_PORT: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATABASE_URL: database.url },
  ).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const sender = await KafkajsRecordSender.connect(testKafkaSettings());

  return {
    running,
    ns,
    clock,
    keys,
    group: `${ns}${groupIdOf('request-out')}`,
    async publish(topic, schema, value, key) {
      await sender.send([{ topic: `${ns}${topic}`, key, value: codec.encode(schema, value), headers: metaToHeaders(value.meta) }]);
    },
    async publishRaw(topic, key, value) {
      await sender.send([{ topic: `${ns}${topic}`, key, value, headers: {} }]);
    },
    read(topic, predicate, timeoutMs = 20_000) {
      return readUntil(`${ns}${topic}`, predicate, timeoutMs);
    },
    async http(method, path, agency, body, headers = {}) {
      const response = await fetch(`${running.url}${path}`, {
        method,
        headers: {
          ...(agency ? { 'x-api-key': keys[agency] ?? agency } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const contentType = response.headers.get('content-type') ?? '';
      const text = await response.text();
      return { status: response.status, body: text && contentType.includes('json') ? JSON.parse(text) : text, contentType };
    },
    async close() {
      await sender.disconnect();
      await running.close();
      await database.drop();
    },
  };
}

/** Decoded values of records with this key and schema. */
export function valuesOf<T>(records: readonly ConsumedRecord[], schema: string, key?: string): T[] {
  return records
    .filter((record) => key === undefined || record.key?.toString() === key)
    .map((record) => codec.decode<T>(record.value))
    .filter((decoded) => decoded.reader.fullName === schema)
    .map((decoded) => decoded.value);
}

export const has = (schema: string, key: string, where: (value: Record<string, unknown>) => boolean = () => true) =>
  (records: readonly ConsumedRecord[]) => valuesOf<Record<string, unknown>>(records, schema, key).some(where);

export { SchemaNames };
