import { randomUUID } from 'node:crypto';
import type { RawOutboundRecord } from '../ports';
import type { SqlExecutor } from '../postgres/sql-database';
import { createMigratedTestDatabase, ENGINES, SETUP_TIMEOUT_MS, type TestDatabase } from '../postgres/testing/test-databases';
import type { BatchScope, Effect, LedgerEntry } from './effect-ledger';
import { FencedError } from './fenced-error';
import { PgPartitionClaims } from './partition-claims';
import { PgEffectLedger } from './pg-effect-ledger';
import { PgLedgerBatches } from './pg-ledger-batches';

const TOPIC = 'exchange.test.things-happened.v1';

describe.each(ENGINES)('PgLedgerBatches on %s', (engine) => {
  let t: TestDatabase;
  let batches: PgLedgerBatches;
  let ledger: PgEffectLedger;
  let claims: PgPartitionClaims;

  beforeAll(async () => {
    t = await createMigratedTestDatabase(engine);
    await t.db.query('CREATE TABLE batch_effects (consumer_group text NOT NULL, event_id text NOT NULL)');
    batches = new PgLedgerBatches(t.db);
    ledger = new PgEffectLedger(t.db);
    claims = new PgPartitionClaims(t.db);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t?.dispose());

  const newGroup = () => `group-${randomUUID()}`;

  function scopeOf(group: string, epoch: number, eventIds: string[], lastOffset: string): BatchScope {
    return { group, topic: TOPIC, partition: 0, epoch, eventIds, values: eventIds.map((id) => ({ id })), lastOffset };
  }

  function entry(scope: BatchScope, index: number, eventId = scope.eventIds[index]!): LedgerEntry {
    return { group: scope.group, topic: TOPIC, partition: 0, offset: String(index), eventId, epoch: scope.epoch };
  }

  function effect(group: string, eventId: string): Effect {
    return async (tx: SqlExecutor) => {
      await tx.query('INSERT INTO batch_effects VALUES ($1, $2)', [group, eventId]);
      return [answer(`${eventId}/answer`)];
    };
  }

  function answer(eventId: string): RawOutboundRecord {
    return { topic: 'exchange.test.answers.v1', key: 'k', value: Buffer.from([1, 2]), headers: { ce_id: Buffer.from(eventId) } };
  }

  async function count(sql: string, params: unknown[]): Promise<number> {
    return Number((await t.db.query<{ n: string }>(sql, params)).rows[0]?.n);
  }

  const effectsOf = (group: string) => count('SELECT count(*) AS n FROM batch_effects WHERE consumer_group = $1', [group]);
  const inboxOf = (group: string) => count('SELECT count(*) AS n FROM inbox WHERE consumer_group = $1', [group]);
  const outboxOf = (ids: string[]) => count('SELECT count(*) AS n FROM outbox WHERE event_id = ANY($1::text[])', [ids.map((id) => `${id}/answer`)]);
  const progressOf = async (group: string) =>
    (await t.db.query<{ next_offset: string | null }>('SELECT next_offset FROM partition_progress WHERE consumer_group = $1', [group])).rows[0]?.next_offset;

  it('applies every record of a batch in one transaction: effects, inbox rows, outbox rows and progress past the last offset', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const scope = scopeOf(group, epoch, ids, '2');
    const outcomes = await batches.inBatch(scope, async (batch) => {
      const seen = [];
      for (const [index, id] of ids.entries()) seen.push(await ledger.applyOnce({ ...entry(scope, index), batch }, effect(group, id)));
      return seen;
    });
    expect(outcomes).toEqual(['applied', 'applied', 'applied']);
    expect(await effectsOf(group)).toBe(3);
    expect(await inboxOf(group)).toBe(3);
    expect(await outboxOf(ids)).toBe(3);
    expect(await progressOf(group)).toBe('3');
  });

  it('applies an event once: a copy in the same batch and one in a later batch are duplicates', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    const id = randomUUID();
    const first = scopeOf(group, epoch, [id, id], '1');
    const inFirst = await batches.inBatch(first, async (batch) => [
      await ledger.applyOnce({ ...entry(first, 0), batch }, effect(group, id)),
      await ledger.applyOnce({ ...entry(first, 1), batch }, effect(group, id)),
    ]);
    const later = scopeOf(group, epoch, [id], '2');
    const inLater = await batches.inBatch(later, (batch) => ledger.applyOnce({ ...entry(later, 0), batch, offset: '2' }, effect(group, id)));
    expect(inFirst).toEqual(['applied', 'duplicate']);
    expect(inLater).toBe('duplicate');
    expect(await effectsOf(group)).toBe(1);
    expect(await progressOf(group)).toBe('3');
  });

  it('leaves nothing behind when any record of the batch fails: no effect, no inbox row, no outbox row, no progress', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    const ids = [randomUUID(), randomUUID()];
    const scope = scopeOf(group, epoch, ids, '1');
    const failing = batches.inBatch(scope, async (batch) => {
      await ledger.applyOnce({ ...entry(scope, 0), batch }, effect(group, ids[0]!));
      await ledger.applyOnce({ ...entry(scope, 1), batch }, async () => {
        throw new Error('the second record fails');
      });
    });
    await expect(failing).rejects.toThrow('the second record fails');
    expect(await effectsOf(group)).toBe(0);
    expect(await inboxOf(group)).toBe(0);
    expect(await outboxOf(ids)).toBe(0);
    expect(await progressOf(group)).toBeNull();
  });

  it('runs before-commit hooks in the transaction, after the effects', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    const id = randomUUID();
    const scope = scopeOf(group, epoch, [id], '0');
    await batches.inBatch(scope, async (batch) => {
      batch.beforeCommit((tx) => tx.query('INSERT INTO batch_effects VALUES ($1, $2)', [group, 'held-back']).then(() => undefined));
      await ledger.applyOnce({ ...entry(scope, 0), batch }, effect(group, id));
    });
    expect(await count('SELECT count(*) AS n FROM batch_effects WHERE consumer_group = $1 AND event_id = $2', [group, 'held-back'])).toBe(1);
    expect(await effectsOf(group)).toBe(2);
  });

  it('is fenced at commit when a newer owner has claimed the partition, and writes nothing', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    await claims.claim(group, TOPIC, 0);
    const id = randomUUID();
    const scope = scopeOf(group, epoch, [id], '0');
    const fenced = batches.inBatch(scope, (batch) => ledger.applyOnce({ ...entry(scope, 0), batch }, effect(group, id)));
    await expect(fenced).rejects.toBeInstanceOf(FencedError);
    expect(await effectsOf(group)).toBe(0);
    expect(await inboxOf(group)).toBe(0);
  });

  it('refuses a record of another partition or claim: a bug, never silently mixed in', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    const id = randomUUID();
    const scope = scopeOf(group, epoch, [id], '0');
    const mixed = batches.inBatch(scope, (batch) => ledger.applyOnce({ ...entry(scope, 0), batch, partition: 1 }, effect(group, id)));
    await expect(mixed).rejects.toThrow(/outside the ledger batch/);
    expect(await effectsOf(group)).toBe(0);
  });
});
