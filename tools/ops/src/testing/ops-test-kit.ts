/**
 * For ecris-ops integration tests: the audit index running on a namespace, records built from the golden
 * fixtures as the services would write them, and the CLI run in-process or as a child process.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaNames, type OperatorAction } from '@ecris/contracts';
import { AvroCodec, deriveMeta, encodeOutbound, SchemaArchive, type ConsumedRecord, type EventMeta, type RawOutboundRecord } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR, startService, type RunningService, type ServiceDefinition } from '@ecris/service-kit';
import { eventually, readUntil, testDatabaseUrl, withPgPool } from '@ecris/testing';
import { runCli } from '../cli';

export const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));

/** A golden fixture (schemas/**\/fixtures), as a fresh object. */
export function fixture<T = Record<string, unknown>>(path: string): T & { meta: EventMeta } {
  return JSON.parse(readFileSync(join(REPO_SCHEMAS_DIR, 'uk', 'ecris', path), 'utf8')) as T & { meta: EventMeta };
}

/** An exchange-opening event's meta: the first of its exchange, no cause. */
export function firstMeta(correlationId: string, type: string, source: string, time: string): EventMeta {
  return { id: randomUUID(), source, type, time, subject: correlationId, correlationId, causationId: null, traceparent: null };
}

/** The meta a service derives for an output of `cause` (deterministic id, same exchange unless told). */
export function outputMeta(cause: EventMeta, step: string, source: string, type: string, correlationId?: string): EventMeta {
  const meta = deriveMeta(cause, { step, source, type, time: cause.time });
  return correlationId ? { ...meta, correlationId } : meta;
}

/** A record as the runner would put it on the wire (value encoded at the fixture's version, meta mirrored in headers). */
export function recordOf(topic: string, key: string, schema: string, value: object, meta: EventMeta, version?: number): RawOutboundRecord {
  const encoded = encodeOutbound(codec, { topic, key, schema, value, meta });
  return version === undefined ? encoded : { ...encoded, value: codec.encode(schema, { ...value, meta }, version) };
}

export function testEnv(ns: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ECRIS_NAMESPACE: ns, DATABASE_URL: testDatabaseUrl(), NO_COLOR: '1', ...extra };
}

/**
 * The real audit-index service on the namespace. A service is no library (no @ecris alias to import it
 * by), so its definition is loaded by path, as tools/local-system loads it.
 */
export function startAuditIndex(ns: string): Promise<RunningService> {
  const file = join(__dirname, '..', '..', '..', '..', 'services', 'audit-index', 'src', 'audit-index.definition');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { definition } = require(file) as { definition: ServiceDefinition };
  return startService(definition, { ...testEnv(ns), HTTP_PORT: '0', LOG_LEVEL: 'silent' });
}

/** Waits until the audit index holds `count` rows for the correlation id in the namespace. */
export function indexed(ns: string, correlationId: string, count: number): Promise<void> {
  return eventually(
    () =>
      withPgPool(async (pool) => {
        const { rows } = await pool.query(`SELECT count(*)::int AS n FROM audit.records WHERE correlation_id = $1 AND starts_with(topic, $2)`, [correlationId, ns]);
        return rows[0].n >= count;
      }),
    20_000,
    `${count} rows of ${correlationId} indexed`,
  );
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI in this process (same code as the bin; output captured, not a terminal). */
export async function ops(args: readonly string[], env: NodeJS.ProcessEnv, now?: () => Date): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, env, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } }, now);
  return { code, stdout, stderr };
}

const BIN = join(__dirname, '..', '..', 'bin', 'ecris-ops.js');

/** The installed command itself, as a child process with a pipe for stdout. */
export function opsProcess(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** An operators file granting these rights (ECRIS_OPS_CONFIG). */
export function operatorsFile(operators: { id: string; rights: string[] }[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ecris-ops-')), 'operators.json');
  writeFileSync(file, JSON.stringify({ operators }));
  return file;
}

/** The OperatorActions on the namespace's ops.actions.v1 once `until` holds for them. */
export async function operatorActions(ns: string, until: (actions: OperatorAction[]) => boolean): Promise<OperatorAction[]> {
  const decode = (records: readonly ConsumedRecord[]) =>
    records.map((record) => codec.decode<OperatorAction>(record.value).value).filter((value) => value.meta && 'actionId' in value);
  return decode(await readUntil(`${ns}ops.actions.v1`, (records) => until(decode(records)), 20_000));
}

export { SchemaNames };
