import { randomBytes, randomUUID } from 'node:crypto';
import type { RawOutboundRecord, RecordSender } from '../ports';
import {
  createMigratedTestDatabase,
  ENGINES,
  SETUP_TIMEOUT_MS,
  waitUntil,
  type TestDatabase,
} from '../postgres/testing/test-databases';
import { OutboxMemory } from './outbox-memory';
import { insertOutboxRecords } from './outbox-records';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { OutboxSendError } from './outbox-send-error';

/** A RecordSender double that records every batch; it can fail or hold a send on demand. */
class RecordingSender implements RecordSender {
  readonly batches: RawOutboundRecord[][] = [];
  failures: unknown[] = [];
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;
  sendStarted = false;

  get records(): RawOutboundRecord[] {
    return this.batches.flat();
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  async send(records: readonly RawOutboundRecord[]): Promise<void> {
    this.sendStarted = true;
    if (this.gate) await this.gate;
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
    this.batches.push([...records]);
  }
}

function record(n: number, eventId: string = randomUUID()): RawOutboundRecord {
  return {
    topic: 'exchange.test.out.v1',
    key: `exchange-${n % 3}`,
    value: Buffer.from(`value ${n}`),
    headers: { ce_id: Buffer.from(eventId), n: Buffer.from(String(n)) },
  };
}

const nthOf = (r: RawOutboundRecord) => Number(r.headers.n?.toString());

describe.each(ENGINES)('OutboxRelay on %s', (engine) => {
  let t: TestDatabase;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    t = await createMigratedTestDatabase(engine);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t?.dispose());
  beforeEach(() => t.db.query('TRUNCATE outbox'));
  afterEach(() => Promise.all(relays.splice(0).map((r) => r.stop())));

  const errors: unknown[] = [];
  function relayWith(sender: RecordSender, options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const relay = new OutboxRelay(t.db, sender, { onError: (err) => errors.push(err), ...options });
    relays.push(relay);
    return relay;
  }

  const write = (records: RawOutboundRecord[]) => t.db.transaction((tx) => insertOutboxRecords(tx, records));

  async function unsentCount(): Promise<number> {
    const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL');
    return Number(rows[0]?.n);
  }

  it('with an OutboxMemory, publishes the rows it holds from memory, reads the others back, keeps id order, and forgets what it sent', async () => {
    const memory = new OutboxMemory();
    const committed = await write([record(1), record(2)]);
    await write([record(3)]);
    // Row 1 as remembered carries a value the table does not hold: seeing it sent proves it came from memory.
    memory.remember([{ id: committed[0]!.id, record: { ...committed[0]!.record, value: Buffer.from('from memory') } }, committed[1]!]);
    const sender = new RecordingSender();
    const relay = relayWith(sender, { memory });

    expect(await relay.relayOnce(10)).toBe(3);
    expect(sender.records.map(nthOf)).toEqual([1, 2, 3]);
    expect(sender.records.map((r) => r.value?.toString())).toEqual(['from memory', 'value 2', 'value 3']);
    expect(sender.records[2]!.headers.ce_id).toEqual(record(3, sender.records[2]!.headers.ce_id!.toString()).headers.ce_id);
    expect(await unsentCount()).toBe(0);
    expect(memory.size).toBe(0);
  });

  it('with an OutboxMemory, a failed send keeps the remembered rows for the retry', async () => {
    const memory = new OutboxMemory();
    memory.remember(await write([record(1)]));
    const sender = new RecordingSender();
    sender.failures.push(new Error('broker unavailable'));
    const relay = relayWith(sender, { memory });

    await expect(relay.relayOnce(10)).rejects.toThrow(OutboxSendError);
    expect(memory.size).toBe(1);
    expect(await relay.relayOnce(10)).toBe(1);
    expect(sender.records.map(nthOf)).toEqual([1]);
    expect(memory.size).toBe(0);
  });

  it('returns the ids of the rows it inserted, and none for a row already there', async () => {
    const again = record(1);
    const first = await write([again, record(2)]);
    const second = await write([again, record(3)]);
    expect(first.map((row) => nthOf(row.record))).toEqual([1, 2]);
    expect(second.map((row) => nthOf(row.record))).toEqual([3]);
    expect(new Set([...first, ...second].map((row) => row.id)).size).toBe(3);
  });

  it('publishes unsent rows in id order in one send, marks them sent, and sends nothing the second time', async () => {
    await write([record(1), record(2)]);
    await write([record(3)]);
    const sender = new RecordingSender();
    const relay = relayWith(sender);

    expect(await relay.relayOnce(10)).toBe(3);
    expect(sender.batches.map((batch) => batch.map(nthOf))).toEqual([[1, 2, 3]]);
    expect(await unsentCount()).toBe(0);
    expect(await relay.relayOnce(10)).toBe(0);
    expect(sender.batches).toHaveLength(1);
  });

  it('sends at most `limit` rows, the oldest first', async () => {
    await write([1, 2, 3, 4, 5].map((n) => record(n)));
    const sender = new RecordingSender();
    const relay = relayWith(sender);
    expect(await relay.relayOnce(2)).toBe(2);
    expect(await relay.relayOnce(2)).toBe(2);
    expect(await relay.relayOnce(2)).toBe(1);
    expect(sender.batches.map((batch) => batch.map(nthOf))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('gives back key, value and headers byte for byte, and a null value as null', async () => {
    const binary = randomBytes(64);
    const original: RawOutboundRecord = {
      topic: 'exchange.test.out.v1',
      key: 'exchange-é-1',
      value: Buffer.concat([Buffer.from([0xc3, 0x01, 0x00, 0xff]), binary]),
      headers: {
        ce_id: Buffer.from(randomUUID()),
        raw: Buffer.from([0x00, 0xff, 0xc3, 0x28, 0x80]),
        empty: Buffer.alloc(0),
        traceparent: Buffer.from('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
      },
    };
    const tombstone: RawOutboundRecord = { ...record(2), value: null };
    await write([original, tombstone]);
    const sender = new RecordingSender();
    await relayWith(sender).relayOnce(10);

    const [sent, sentTombstone] = sender.records;
    expect(sent?.key).toBe(original.key);
    expect(sent?.value?.equals(original.value as Buffer)).toBe(true);
    expect(Object.keys(sent?.headers ?? {})).toEqual(Object.keys(original.headers));
    for (const [name, bytes] of Object.entries(original.headers)) {
      expect(sent?.headers[name]?.equals(bytes)).toBe(true);
    }
    expect(sentTombstone?.value).toBeNull();
  });

  it('keeps one row per ce_id: the same event written twice is published once', async () => {
    const eventId = randomUUID();
    await write([record(1, eventId)]);
    await write([record(1, eventId)]);
    const sender = new RecordingSender();
    expect(await relayWith(sender).relayOnce(10)).toBe(1);
  });

  it('leaves the rows unsent when the send fails, and sends them on the next try', async () => {
    await write([record(1), record(2)]);
    const sender = new RecordingSender();
    const brokerDown = Object.assign(new Error('broker not available'), { retriable: true });
    sender.failures.push(brokerDown);
    const relay = relayWith(sender);

    const err = await relay.relayOnce(10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboxSendError);
    expect((err as OutboxSendError).cause).toBe(brokerDown);
    expect(await unsentCount()).toBe(2);

    expect(await relay.relayOnce(10)).toBe(2);
    expect(sender.records.map(nthOf)).toEqual([1, 2]);
  });

  it('once started, publishes rows as they commit (woken by NOTIFY, not the poll) and stops cleanly', async () => {
    const sender = new RecordingSender();
    // A poll interval far beyond the test's timeout: only the notification can deliver in time.
    const relay = relayWith(sender, { pollIntervalMs: 10 * 60_000 });
    await write([record(1)]);
    const running = relay.start();
    await waitUntil(() => sender.records.length === 1, 10_000, 'the first row');

    await write([record(2), record(3)]);
    await waitUntil(() => sender.records.length === 3, 10_000, 'rows written after the relay went idle');
    expect(sender.records.map(nthOf)).toEqual([1, 2, 3]);

    await relay.stop();
    await expect(running).resolves.toBeUndefined();
  });

  it('retries failed sends with backoff until they succeed, reporting each failure', async () => {
    await write([record(1)]);
    const sender = new RecordingSender();
    sender.failures.push(new Error('broker down'), new Error('still down'));
    const reported: { attempt: number }[] = [];
    const relay = relayWith(sender, {
      backoff: { initialMs: 5, maxMs: 20 },
      onError: (_err, info) => reported.push(info),
    });
    void relay.start();

    await waitUntil(() => sender.records.length === 1, 10_000, 'the row after two failures');
    expect(reported.map((r) => r.attempt)).toEqual([1, 2]);
    expect(await unsentCount()).toBe(0);
  });

  it('stops on an error retrying cannot fix: start() rejects and the rows stay unsent', async () => {
    await write([record(1)]);
    const sender = new RecordingSender();
    const bug = new TypeError("Cannot read properties of undefined (reading 'topic')");
    sender.failures.push(bug);
    const relay = relayWith(sender);

    const err = await relay.start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboxSendError);
    expect((err as OutboxSendError).cause).toBe(bug);
    expect(await unsentCount()).toBe(1);
  });

  it('stop() lets the batch in flight finish before it resolves', async () => {
    await write([record(1)]);
    const sender = new RecordingSender();
    sender.hold();
    const relay = relayWith(sender);
    void relay.start();
    await waitUntil(() => sender.sendStarted, 10_000, 'the send to start');

    let stopped = false;
    const stopping = relay.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);

    sender.release();
    await stopping;
    expect(sender.records).toHaveLength(1);
    expect(await unsentCount()).toBe(0);
  });
});

describe('OutboxRelay with two relays on one PostgreSQL schema', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createMigratedTestDatabase('postgres');
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t?.dispose());

  it('lets only one publish at a time, so a later batch can never overtake an earlier one', async () => {
    await t.db.transaction((tx) => insertOutboxRecords(tx, [record(1), record(2), record(3)]));
    const first = new RecordingSender();
    const second = new RecordingSender();
    first.hold();
    const relayA = new OutboxRelay(t.db, first, { onError: () => {} });
    const relayB = new OutboxRelay(await t.openAnother(), second, { onError: () => {} });

    const a = relayA.relayOnce(1);
    try {
      await waitUntil(() => first.sendStarted, 10_000, 'relay A to be sending');
      // Without the relay lock, B would skip A's locked row 1 and publish row 2 before it.
      expect(await relayB.relayOnce(10)).toBe(0);
    } finally {
      first.release();
    }
    expect(await a).toBe(1);
    expect(await relayB.relayOnce(10)).toBe(2);
    expect(second.records.map(nthOf)).toEqual([2, 3]);
  });
});
