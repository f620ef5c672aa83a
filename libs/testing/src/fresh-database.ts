import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testDatabaseUrl } from './postgres-helpers';
import { testRunId } from './test-run';

/** A PostgreSQL database of one test file's own, on the server global-setup.js provided. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops it even while connections are open (WITH (FORCE)); safe to call more than once. */
  drop(): Promise<void>;
}

/** PostgreSQL names are at most 63 bytes; the random suffix takes 13 of them. */
const MAX_LABEL_LENGTH = 40;

/**
 * `<label>_<run id><6 random hex digits>`, a name psql takes unquoted (a letter first, then letters,
 * digits, `_`), whatever the label. The run id (test-run.js) lets the run's teardown find what is left.
 */
export function testDatabaseName(label: string): string {
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[0-9_]+|_+$/g, '').slice(0, MAX_LABEL_LENGTH);
  return `${safeLabel || 'test'}_${testRunId()}${randomBytes(3).toString('hex')}`;
}

/** CREATE and DROP DATABASE run outside any transaction, from another database of the same server. */
async function onTestServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database for one test file, so nothing an earlier run or another file left behind can
 * match its searches or change its counts (the shared test database outlives runs). Drop it in afterAll.
 */
export async function freshTestDatabase(label: string): Promise<TestDatabase> {
  const name = testDatabaseName(label);
  await onTestServer(`CREATE DATABASE "${name}"`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  let dropping: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    drop: () => (dropping ??= onTestServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}
