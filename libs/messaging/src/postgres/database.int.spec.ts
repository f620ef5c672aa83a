import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseUrl } from '@ecris/testing';
import { openDatabase } from './open-database';
import { PgDatabase } from './pg-database';
import { isTransientDatabaseError } from './transient-database-error';
import { createTestDatabase, ENGINES, SETUP_TIMEOUT_MS, type TestDatabase } from './testing/test-databases';

describe.each(ENGINES)('SqlDatabase on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await t.db.query('CREATE TABLE things (id bigint PRIMARY KEY, data bytea, doc jsonb)');
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.dispose());

  it('returns bigint as exact decimal strings, bytea as Buffer and jsonb parsed', async () => {
    const bytes = Buffer.from([0x00, 0xff, 0x80, 0x0a]);
    await t.db.query('INSERT INTO things VALUES ($1, $2, $3::jsonb)', ['9007199254740993', bytes, '{"a":[1]}']);
    const { rows, rowCount } = await t.db.query<{ id: string; data: Buffer; doc: unknown }>(
      'SELECT id, data, doc FROM things WHERE id = $1',
      ['9007199254740993'],
    );
    expect(rowCount).toBe(1);
    expect(rows[0]?.id).toBe('9007199254740993');
    expect(Buffer.isBuffer(rows[0]?.data) && rows[0].data.equals(bytes)).toBe(true);
    expect(rows[0]?.doc).toEqual({ a: [1] });
  });

  it('runs a multi-statement text without parameters and returns the last result', async () => {
    const result = await t.db.query<{ n: string }>('SELECT 1; SELECT 2::bigint AS n');
    expect(result.rows).toEqual([{ n: '2' }]);
  });

  it('counts no rows for a skipped conflict', async () => {
    await t.db.query('INSERT INTO things (id) VALUES (1)');
    const { rowCount } = await t.db.query('INSERT INTO things (id) VALUES ($1) ON CONFLICT DO NOTHING', [1]);
    expect(rowCount).toBe(0);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const value = await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO things (id) VALUES ($1)', [10]);
      return 'kept';
    });
    expect(value).toBe('kept');
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO things (id) VALUES ($1)', [11]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM things WHERE id IN (10, 11) ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(['10']);
  });

  it('delivers a NOTIFY to a listener when the notifying transaction commits', async () => {
    let notified = 0;
    const subscription = await t.db.listen('test_channel', { onNotify: () => (notified += 1), onLost: () => {} });
    try {
      await t.db.transaction(async (tx) => {
        await tx.query("SELECT pg_notify('test_channel', '')");
      });
      const deadline = Date.now() + 5_000;
      while (notified === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(notified).toBe(1);
    } finally {
      await subscription.close();
    }
  });

  it('reports a failed statement with its SQLSTATE, not as transient', async () => {
    const err = await t.db.query('SELECT 1 / 0').catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('22012');
    expect(isTransientDatabaseError(err)).toBe(false);
  });
});

describe('transient errors from a real PostgreSQL', () => {
  it('a refused connection is transient', async () => {
    const db = PgDatabase.fromUrl('postgres://postgres@127.0.0.1:1/nowhere');
    try {
      const err = await db.query('SELECT 1').catch((e: unknown) => e);
      expect(isTransientDatabaseError(err)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('a connection the server terminated is transient, for the query and for the transaction', async () => {
    const db = PgDatabase.fromUrl(testDatabaseUrl(), { pool: { max: 1 }, onIdleClientError: () => {} });
    const admin = PgDatabase.fromUrl(testDatabaseUrl(), { pool: { max: 1 } });
    try {
      const err = await db
        .transaction(async (tx) => {
          const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await admin.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
          await tx.query('SELECT 1');
        })
        .catch((e: unknown) => e);
      expect(isTransientDatabaseError(err)).toBe(true);
      // The broken connection was discarded, not pooled: the next query works.
      await expect(db.query('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
    } finally {
      await Promise.all([db.close(), admin.close()]);
    }
  });

  it('a deadlock is transient', async () => {
    const schemaDb = await createTestDatabase('postgres');
    try {
      const db = schemaDb.db;
      await db.query('CREATE TABLE lockables (id int PRIMARY KEY); INSERT INTO lockables VALUES (1), (2)');
      let bothLockedFirst!: () => void;
      const firstLocksTaken = new Promise<void>((resolve) => {
        let count = 0;
        bothLockedFirst = () => (++count === 2 ? resolve() : undefined);
      });
      const crossing = (first: number, second: number) =>
        db.transaction(async (tx) => {
          await tx.query('SELECT id FROM lockables WHERE id = $1 FOR UPDATE', [first]);
          bothLockedFirst();
          await firstLocksTaken;
          await tx.query('SELECT id FROM lockables WHERE id = $1 FOR UPDATE', [second]);
        });
      const outcomes = await Promise.allSettled([crossing(1, 2), crossing(2, 1)]);
      const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(failures).toHaveLength(1);
      expect((failures[0]?.reason as { code?: string }).code).toBe('40P01');
      expect(isTransientDatabaseError(failures[0]?.reason)).toBe(true);
    } finally {
      await schemaDb.dispose();
    }
  });
});

describe('openDatabase', () => {
  it('opens PostgreSQL for a url', async () => {
    const db = await openDatabase(testDatabaseUrl());
    try {
      expect(db.engine).toBe('postgres');
      expect((await db.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version).toMatch(/^\d+/);
    } finally {
      await db.close();
    }
  });

  it('opens PGlite when no url is set, keeping the data in dataDir across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pglite-'));
    try {
      const first = await openDatabase('', { dataDir });
      expect(first.engine).toBe('pglite');
      await first.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      await first.close();

      const reopened = await openDatabase(undefined, { dataDir });
      try {
        expect((await reopened.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
      } finally {
        await reopened.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, SETUP_TIMEOUT_MS);
});

describe('PgDatabase statements', () => {
  it('prepares a statement by name once per connection, but not a multi-row one, whose text varies with its row count', async () => {
    const db = PgDatabase.fromUrl(testDatabaseUrl(), { pool: { max: 1 } });
    try {
      const prepared = async () =>
        (await db.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows.map((row) => row.statement);
      await db.query('SELECT $1::int + 1 AS n', [1]);
      await db.query('SELECT $1::int + 1 AS n', [2]);
      const rows = Array.from({ length: 40 }, (_, index) => index);
      const values = rows.map((_, index) => `($${index * 2 + 1}::int, $${index * 2 + 2}::text)`).join(', ');
      const { rows: selected } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (VALUES ${values}) AS v(a, b)`, rows.flatMap((n) => [n, `t${n}`]));
      expect(selected[0]?.n).toBe(40);
      const statements = await prepared();
      expect(statements.filter((text) => text.includes('$1::int + 1'))).toHaveLength(1);
      expect(statements.filter((text) => text.includes('FROM (VALUES'))).toHaveLength(0);
    } finally {
      await db.close();
    }
  });
});
