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
import { groupIdOf, SchemaNames } from '@ecris/contracts';
import type { ConsumedRecord, EventMeta } from '@ecris/messaging';
import { startService, type RunningService } from '@ecris/service-kit';
import { startTestService, testCodec } from '@ecris/testing';
import { CONFIG_DIR, settingsFromEnv } from '../config/settings';
import { sha256Hex } from '../http/agency-auth.guard';
import type { CaseStore } from '../ports';
import { requestOutService } from '../request-out.module';

export interface MovableClock {
  now: Date;
  (): Date;
}

export function movableClock(start: string): MovableClock {
  const clock = (() => clock.now) as MovableClock;
  clock.now = new Date(start);
  return clock;
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
  const test = await startTestService((env) => startService(requestOutService({ settings, clock, wrapCaseStore: options.wrapCaseStore }), env), {
    label,
    database: 'postgres',
  });
  const running = test.service;

  return {
    running,
    ns: test.ns,
    clock,
    keys,
    group: `${test.ns}${groupIdOf('request-out')}`,
    publish: (topic, schema, value, key) => test.publish([{ topic, key, schema, value }]),
    publishRaw: (topic, key, value) => test.publish([{ topic, key, value }]),
    read: (topic, predicate, timeoutMs = 20_000) => test.readUntil(topic, predicate, timeoutMs),
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
    close: () => test.stop(),
  };
}

/** Decoded values of records with this key and schema. */
export function valuesOf<T>(records: readonly ConsumedRecord[], schema: string, key?: string): T[] {
  return records
    .filter((record) => key === undefined || record.key?.toString() === key)
    .map((record) => testCodec().decode<T>(record.value))
    .filter((decoded) => decoded.reader.fullName === schema)
    .map((decoded) => decoded.value);
}

export const has = (schema: string, key: string, where: (value: Record<string, unknown>) => boolean = () => true) =>
  (records: readonly ConsumedRecord[]) => valuesOf<Record<string, unknown>>(records, schema, key).some(where);

export { SchemaNames };
