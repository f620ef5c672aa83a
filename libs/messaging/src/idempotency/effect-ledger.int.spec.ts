import { randomUUID } from 'node:crypto';
import type { RawOutboundRecord } from '../ports';
import type { SqlExecutor } from '../postgres/sql-database';
import { createMigratedTestDatabase, ENGINES, SETUP_TIMEOUT_MS, type TestDatabase } from '../postgres/testing/test-databases';
import type { Effect, LedgerEntry } from './effect-ledger';
import { FencedError } from './fenced-error';
import { PgPartitionClaims } from './partition-claims';
import { PgEffectLedger } from './pg-effect-ledger';
import { pruneInbox } from './prune-inbox';

const TOPIC = 'exchange.test.things-happened.v1';

describe.each(ENGINES)('PgEffectLedger on %s', (engine) => {
  let t: TestDatabase;
  let ledger: PgEffectLedger;
  let claims: PgPartitionClaims;

  beforeAll(async () => {
    t = await createMigratedTestDatabase(engine);
    // Stands in for the register: the effect a record has on it.
    await t.db.query('CREATE TABLE effects (consumer_group text NOT NULL, event_id text NOT NULL, note text)');
    ledger = new PgEffectLedger(t.db);
    claims = new PgPartitionClaims(t.db);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t?.dispose());

  /** Each test has a consumer group of its own, so the tests share the tables without colliding. */
  const newGroup = () => `group-${randomUUID()}`;

  function entry(group: string, epoch: number, offset: string, eventId: string, partition = 0): LedgerEntry {
    return { group, topic: TOPIC, partition, offset, eventId, epoch };
  }

  function outbound(eventId: string): RawOutboundRecord {
    return {
      topic: 'exchange.test.things-answered.v1',
      key: 'exchange-1',
      value: Buffer.from([0xc3, 0x01, 0x02]),
      headers: { ce_id: Buffer.from(eventId), ce_type: Buffer.from('uk.ecris.test.answered.v1') },
    };
  }

  /** Writes one effect row and emits one record whose ce_id derives from the input's. */
  function recordingEffect(group: string, eventId: string, note = 'applied'): Effect {
    return async (tx: SqlExecutor) => {
      await tx.query('INSERT INTO effects VALUES ($1, $2, $3)', [group, eventId, note]);
      return [outbound(`${eventId}/answer`)];
    };
  }

  async function counts(group: string, eventId: string) {
    const count = async (sql: string, params: unknown[]) =>
      Number((await t.db.query<{ n: string }>(sql, params)).rows[0]?.n);
    return {
      effects: await count('SELECT count(*) AS n FROM effects WHERE consumer_group = $1 AND event_id = $2', [group, eventId]),
      inbox: await count('SELECT count(*) AS n FROM inbox WHERE consumer_group = $1 AND event_id = $2', [group, eventId]),
      outbox: await count('SELECT count(*) AS n FROM outbox WHERE event_id = $1', [`${eventId}/answer`]),
    };
  }

  async function nextOffset(group: string, partition = 0): Promise<string | null | undefined> {
    const { rows } = await t.db.query<{ next_offset: string | null }>(
      'SELECT next_offset FROM partition_progress WHERE consumer_group = $1 AND topic = $2 AND partition = $3',
      [group, TOPIC, partition],
    );
    return rows[0]?.next_offset;
  }

  it('claims a partition at epoch 1 with nothing applied, and each later claim bumps the epoch', async () => {
    const group = newGroup();
    expect(await claims.claim(group, TOPIC, 0)).toEqual({ epoch: 1, nextOffset: null });
    expect(await claims.claim(group, TOPIC, 0)).toEqual({ epoch: 2, nextOffset: null });
    expect(await claims.claim(group, TOPIC, 1)).toEqual({ epoch: 1, nextOffset: null });
  });

  it('applies an event once: the same event again is a duplicate with no second effect or outbox row', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    const eventId = randomUUID();

    expect(await ledger.applyOnce(entry(group, epoch, '0', eventId), recordingEffect(group, eventId))).toBe('applied');
    expect(await ledger.applyOnce(entry(group, epoch, '0', eventId), recordingEffect(group, eventId))).toBe('duplicate');

    expect(await counts(group, eventId)).toEqual({ effects: 1, inbox: 1, outbox: 1 });
    expect(await nextOffset(group)).toBe('1');
  });

  it('survives a crash between the database commit and the offset commit: the redelivered record has no effect', async () => {
    const group = newGroup();
    const eventId = randomUUID();
    const first = await claims.claim(group, TOPIC, 0);
    expect(await ledger.applyOnce(entry(group, first.epoch, '7', eventId), recordingEffect(group, eventId))).toBe('applied');

    // The process dies before committing offset 7 to Kafka. A new member claims the partition; it is
    // told where the database got to, but Kafka redelivers from its own (older) committed offset.
    const restarted = await claims.claim(group, TOPIC, 0);
    expect(restarted).toEqual({ epoch: first.epoch + 1, nextOffset: '8' });
    const again = await ledger.applyOnce(entry(group, restarted.epoch, '7', eventId), recordingEffect(group, eventId));

    expect(again).toBe('duplicate');
    expect(await counts(group, eventId)).toEqual({ effects: 1, inbox: 1, outbox: 1 });
    expect(await nextOffset(group)).toBe('8');
  });

  it('rolls back inbox, progress and outbox when the effect throws; a retry then applies it once', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    const eventId = randomUUID();
    const failing: Effect = async (tx) => {
      await recordingEffect(group, eventId)(tx);
      throw new Error('register unavailable');
    };

    await expect(ledger.applyOnce(entry(group, epoch, '3', eventId), failing)).rejects.toThrow('register unavailable');
    expect(await counts(group, eventId)).toEqual({ effects: 0, inbox: 0, outbox: 0 });
    expect(await nextOffset(group)).toBeNull();

    expect(await ledger.applyOnce(entry(group, epoch, '3', eventId), recordingEffect(group, eventId))).toBe('applied');
    expect(await counts(group, eventId)).toEqual({ effects: 1, inbox: 1, outbox: 1 });
    expect(await nextOffset(group)).toBe('4');
  });

  it('fences a zombie holding a stale epoch: its transaction rolls back and nothing is written', async () => {
    const group = newGroup();
    const zombie = await claims.claim(group, TOPIC, 0);
    const successor = await claims.claim(group, TOPIC, 0);
    const eventId = randomUUID();

    const err = await ledger
      .applyOnce(entry(group, zombie.epoch, '0', eventId), recordingEffect(group, eventId))
      .catch((e: unknown) => e);

    expect(err).toBeInstanceOf(FencedError);
    expect(err).toMatchObject({ fatal: true, claimedEpoch: zombie.epoch, currentEpoch: successor.epoch });
    expect(await counts(group, eventId)).toEqual({ effects: 0, inbox: 0, outbox: 0 });
    expect(await nextOffset(group)).toBeNull();

    // The rightful owner applies the same record normally.
    expect(await ledger.applyOnce(entry(group, successor.epoch, '0', eventId), recordingEffect(group, eventId))).toBe(
      'applied',
    );
    expect(await counts(group, eventId)).toEqual({ effects: 1, inbox: 1, outbox: 1 });
  });

  it('fences a stale epoch on a duplicate too, and a duplicate still advances progress', async () => {
    const group = newGroup();
    const eventId = randomUUID();
    const first = await claims.claim(group, TOPIC, 0);
    await ledger.applyOnce(entry(group, first.epoch, '0', eventId), recordingEffect(group, eventId));
    const second = await claims.claim(group, TOPIC, 0);

    // A replayed copy of the event further down the partition: a duplicate, but its offset is done.
    expect(await ledger.applyOnce(entry(group, second.epoch, '5', eventId), recordingEffect(group, eventId))).toBe(
      'duplicate',
    );
    expect(await nextOffset(group)).toBe('6');
    await expect(
      ledger.applyOnce(entry(group, first.epoch, '9', eventId), recordingEffect(group, eventId)),
    ).rejects.toBeInstanceOf(FencedError);
    expect(await nextOffset(group)).toBe('6');
  });

  it('never moves progress backwards when an older record is applied later', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    await ledger.applyOnce(entry(group, epoch, '10', randomUUID()), async () => undefined);
    expect(await nextOffset(group)).toBe('11');

    // e.g. a re-driven dead letter carrying an old offset.
    expect(await ledger.applyOnce(entry(group, epoch, '3', randomUUID()), async () => undefined)).toBe('applied');
    expect(await nextOffset(group)).toBe('11');
    expect((await claims.claim(group, TOPIC, 0)).nextOffset).toBe('11');
  });

  it('keeps 64-bit offsets exact', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    await ledger.applyOnce(entry(group, epoch, '9007199254740993', randomUUID()), async () => undefined);
    expect(await nextOffset(group)).toBe('9007199254740994');
  });

  it('dedupes per consumer group: another group applies the same event once too', async () => {
    const [groupA, groupB] = [newGroup(), newGroup()];
    const eventId = randomUUID();
    const a = await claims.claim(groupA, TOPIC, 0);
    const b = await claims.claim(groupB, TOPIC, 0);
    expect(await ledger.applyOnce(entry(groupA, a.epoch, '0', eventId), async () => undefined)).toBe('applied');
    expect(await ledger.applyOnce(entry(groupB, b.epoch, '0', eventId), async () => undefined)).toBe('applied');
    expect(await ledger.applyOnce(entry(groupB, b.epoch, '0', eventId), async () => undefined)).toBe('duplicate');
  });

  it('refuses an unclaimed partition as a bug, not a fencing, and writes nothing', async () => {
    const group = newGroup();
    const eventId = randomUUID();
    const err = await ledger.applyOnce(entry(group, 1, '0', eventId), recordingEffect(group, eventId)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(FencedError);
    expect((err as Error).message).toContain('call PartitionClaims.claim on assignment');
    expect(await counts(group, eventId)).toEqual({ effects: 0, inbox: 0, outbox: 0 });
  });

  it('refuses an emitted record without a ce_id header and writes nothing', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    const eventId = randomUUID();
    const effect: Effect = async (tx) => {
      await recordingEffect(group, eventId)(tx);
      return [{ topic: 'x', key: 'k', value: null, headers: {} }];
    };
    await expect(ledger.applyOnce(entry(group, epoch, '0', eventId), effect)).rejects.toThrow('no ce_id header');
    expect(await counts(group, eventId)).toEqual({ effects: 0, inbox: 0, outbox: 0 });
  });

  it('prunes inbox rows older than the cut-off only', async () => {
    const group = newGroup();
    const { epoch } = await claims.claim(group, TOPIC, 0);
    const eventId = randomUUID();
    await ledger.applyOnce(entry(group, epoch, '0', eventId), async () => undefined);

    await pruneInbox(t.db, new Date(Date.now() - 60 * 60_000));
    expect((await counts(group, eventId)).inbox).toBe(1);
    expect(await pruneInbox(t.db, new Date(Date.now() + 60_000), 1)).toBeGreaterThanOrEqual(1);
    expect((await counts(group, eventId)).inbox).toBe(0);
  });
});

describe('PgEffectLedger against a zombie mid-transaction (postgres)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createMigratedTestDatabase('postgres');
    await t.db.query('CREATE TABLE effects (consumer_group text NOT NULL, event_id text NOT NULL, note text)');
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t?.dispose());

  it('fences a consumer whose partition is claimed by another process while its effect runs', async () => {
    const group = `group-${randomUUID()}`;
    const eventId = randomUUID();
    const claims = new PgPartitionClaims(t.db);
    const otherProcessClaims = new PgPartitionClaims(await t.openAnother());
    const zombie = await claims.claim(group, TOPIC, 0);
    let successorEpoch = 0;

    const err = await new PgEffectLedger(t.db)
      .applyOnce({ group, topic: TOPIC, partition: 0, offset: '0', eventId, epoch: zombie.epoch }, async (tx) => {
        await tx.query('INSERT INTO effects VALUES ($1, $2, $3)', [group, eventId, 'from the zombie']);
        // The zombie "sleeps" here; meanwhile the group rebalances and another member claims the partition.
        successorEpoch = (await otherProcessClaims.claim(group, TOPIC, 0)).epoch;
      })
      .catch((e: unknown) => e);

    expect(err).toBeInstanceOf(FencedError);
    expect(successorEpoch).toBe(zombie.epoch + 1);
    const { rows } = await t.db.query('SELECT * FROM effects WHERE consumer_group = $1', [group]);
    expect(rows).toEqual([]);
    const inbox = await t.db.query('SELECT * FROM inbox WHERE consumer_group = $1', [group]);
    expect(inbox.rows).toEqual([]);
  });
});
