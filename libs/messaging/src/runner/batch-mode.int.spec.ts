import { readUntil, testDatabaseUrl } from '@ecris/testing';
import { PoisonError, TransientError } from '../errors';
import { PgEffectLedger } from '../idempotency/pg-effect-ledger';
import { PgLedgerBatches } from '../idempotency/pg-ledger-batches';
import { PgPartitionClaims } from '../idempotency/partition-claims';
import type { ConsumedRecord } from '../ports';
import { openDatabase } from '../postgres/open-database';
import { migrate } from '../postgres/migrate';
import { loadMigrations } from '../postgres/migrations';
import { messagingMigrationsDir } from '../postgres/messaging-migrations';
import type { SqlDatabase } from '../postgres/sql-database';
import { codec, echoTo, freshTopics, publish, startTestRunner, testEvent, type RunningTestRunner, type TestTopics } from '../testing/runner-harness';
import { DLQ_HEADERS } from './dead-letter';
import type { MessageContext } from './message-handler';

const sequences = (records: readonly ConsumedRecord[]) =>
  records.map((record) => (codec.decode(record.value).value as { sequence: number }).sequence).sort((a, b) => a - b);

/**
 * Batch mode on the real broker and PostgreSQL: records published before the runner starts arrive in
 * one fetch, so the runner applies them together, and falls back to one by one when anything fails.
 */
describe('ConsumerRunner in batch mode', () => {
  let db: SqlDatabase;
  let running: RunningTestRunner | undefined;

  beforeAll(async () => {
    db = await openDatabase(testDatabaseUrl());
    await migrate(db, await loadMigrations(messagingMigrationsDir));
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  afterAll(() => db.close());

  interface Observed {
    /** Sequences whose effect committed, as the after-commit hooks saw them. */
    readonly committed: number[];
    /** How many records each handler call saw in its batch (0: applied alone). */
    readonly batchSizes: number[];
  }

  /** Applies each TestEvent through the ledger (an effect row), echoes it, counts it after commit; `fail` may throw first. */
  async function startBatchRunner(topics: TestTopics, fail: (context: MessageContext) => void = () => undefined): Promise<{ observed: Observed; table: string }> {
    const table = `batch_effect_${topics.group.replace(/[^a-z0-9]/g, '_')}`;
    await db.query(`CREATE TABLE ${table} (event_id text NOT NULL, sequence integer NOT NULL)`);
    const ledger = new PgEffectLedger(db);
    const claims = new PgPartitionClaims(db);
    const echo = echoTo(topics.output);
    const observed: Observed = { committed: [], batchSizes: [] };
    running = await startTestRunner(
      topics,
      async (context) => {
        const { sequence } = context.value as { sequence: number };
        observed.batchSizes.push(context.batch?.scope.eventIds.length ?? 0);
        fail(context);
        const { record } = context;
        const entry = { group: topics.group, topic: record.topic, partition: record.partition, offset: record.offset, eventId: context.meta.id, epoch: context.partitionEpoch!, batch: context.batch };
        await ledger.applyOnce(entry, async (tx) => {
          await tx.query(`INSERT INTO ${table} (event_id, sequence) VALUES ($1, $2)`, [context.meta.id, sequence]);
        });
        context.afterCommit(() => observed.committed.push(sequence));
        return echo(context);
      },
      {
        claimPartition: (topic, partition) => claims.claim(topics.group, topic, partition),
        batches: new PgLedgerBatches(db),
        backoff: { initialMs: 10, maxMs: 50 },
      },
    );
    return { observed, table };
  }

  async function effects(table: string): Promise<number[]> {
    const { rows } = await db.query<{ sequence: number }>(`SELECT sequence FROM ${table} ORDER BY sequence`);
    return rows.map((row) => row.sequence);
  }

  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

  it('applies a fetched backlog in batch transactions: each effect once, each output once, counted after commit', async () => {
    const topics = await freshTopics('batch-happy', 1);
    await publish(range(1, 40).map((n) => testEvent(topics.input, `K${n % 4}`, n)));
    const { observed, table } = await startBatchRunner(topics);

    expect(sequences(await readUntil(topics.output, (records) => records.length >= 40))).toEqual(range(1, 40));
    expect(await effects(table)).toEqual(range(1, 40));
    expect([...observed.committed].sort((a, b) => a - b)).toEqual(range(1, 40));
    // Applied together, not one by one: the backlog came in one fetch.
    expect(Math.max(...observed.batchSizes)).toBeGreaterThan(1);
  });

  it('dead-letters a poison record of a batch alone: the batch rolls back and its records are applied one by one', async () => {
    const topics = await freshTopics('batch-poison', 1);
    await publish(range(1, 10).map((n) => testEvent(topics.input, `K${n}`, n)));
    const { observed, table } = await startBatchRunner(topics, (context) => {
      if ((context.value as { sequence: number }).sequence === 6) throw new PoisonError('business', 'REFUSED', 'sequence 6 is refused');
    });

    const [letter] = await readUntil(topics.dlq, (records) => records.length >= 1);
    expect(letter.headers[DLQ_HEADERS.errorCode]?.toString()).toBe('REFUSED');
    const expected = range(1, 10).filter((n) => n !== 6);
    expect(sequences(await readUntil(topics.output, (records) => records.length >= 9))).toEqual(expected);
    expect(await effects(table)).toEqual(expected);
    // The rolled-back batch counted nothing: each committed effect is counted once.
    expect([...observed.committed].sort((a, b) => a - b)).toEqual(expected);
    expect(observed.batchSizes).toContain(0);
  });

  it('retries a transient failure of a batch record in place, one by one, and applies everything once', async () => {
    const topics = await freshTopics('batch-transient', 1);
    await publish(range(1, 8).map((n) => testEvent(topics.input, 'K', n)));
    let failures = 0;
    const { observed, table } = await startBatchRunner(topics, (context) => {
      if ((context.value as { sequence: number }).sequence === 3 && failures < 2) {
        failures++;
        throw new TransientError('REGISTER_DOWN', 'the register is unavailable');
      }
    });

    expect(sequences(await readUntil(topics.output, (records) => records.length >= 8))).toEqual(range(1, 8));
    expect(await effects(table)).toEqual(range(1, 8));
    expect([...observed.committed].sort((a, b) => a - b)).toEqual(range(1, 8));
    expect(failures).toBe(2);
  });

  it('applies a record delivered twice in one batch once', async () => {
    const topics = await freshTopics('batch-duplicate', 1);
    const event = testEvent(topics.input, 'D', 1);
    await publish([event, testEvent(topics.input, 'D', 2), event]);
    const { table } = await startBatchRunner(topics);

    await readUntil(topics.output, (records) => records.length >= 3);
    expect(await effects(table)).toEqual([1, 2]);
  });

  it('dead-letters an undecodable record of a batch and applies the others', async () => {
    const topics = await freshTopics('batch-undecodable', 1);
    const garbage = { topic: topics.input, key: 'G', value: Buffer.from('not avro'), headers: {} };
    await publish([testEvent(topics.input, 'A', 1), garbage, testEvent(topics.input, 'B', 2)]);
    const { table } = await startBatchRunner(topics);

    const [letter] = await readUntil(topics.dlq, (records) => records.length >= 1);
    expect(letter.headers[DLQ_HEADERS.errorClass]?.toString()).toBe('deserialization');
    await readUntil(topics.output, (records) => records.length >= 2);
    expect(await effects(table)).toEqual([1, 2]);
  });
});
