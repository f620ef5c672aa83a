import { randomUUID } from 'node:crypto';
import { SchemaNames, type Notification } from '@ecris/contracts';
import { DLQ_HEADERS } from '@ecris/messaging';
import type { TestRecord } from '@ecris/testing';
import { amended, recorded, removed } from './testing/fixtures';
import { headerText, newReference, ServiceHarness, TOPICS } from './testing/service-harness';

jest.setTimeout(60_000);

/**
 * A backlog waiting when the service starts is fetched together and applied in batch transactions
 * (one transaction for many records, reads run ahead, new rows written together): the outcome must be
 * exactly what one record at a time gives, including a conviction recorded and changed within one batch.
 */
const unique = <T extends { meta: { id: string } }>(event: T): T => ({ ...event, meta: { ...event.meta, id: randomUUID() } });
const court = (reference: string, schema: string, value: TestRecord['value']): TestRecord => ({ topic: TOPICS.courts, key: reference, schema, value });

const quashed = newReference('batch-quash');
const varied = newReference('batch-vary');
const foreigner = newReference('batch-us');
const twice = newReference('batch-twice');
const others = Array.from({ length: 12 }, (_, index) => newReference(`batch-plain-${index}`));
const duplicate = unique(recorded(twice, { person: { nationalities: ['PL'] } }));

const BACKLOG: TestRecord[] = [
  court(quashed, SchemaNames.convictionRecorded, unique(recorded(quashed, { person: { nationalities: ['FR'] } }))),
  court(quashed, SchemaNames.convictionRemoved, unique(removed(quashed))),
  court(varied, SchemaNames.convictionRecorded, unique(recorded(varied, { person: { nationalities: ['FR', 'IE'] } }))),
  court(varied, SchemaNames.convictionAmended, unique(amended(varied, { person: { nationalities: ['FR', 'IE'] } }))),
  court(foreigner, SchemaNames.convictionRecorded, unique(recorded(foreigner, { person: { nationalities: ['US'] } }))),
  court(twice, SchemaNames.convictionRecorded, duplicate),
  court(twice, SchemaNames.convictionRecorded, duplicate),
  ...others.map((reference) => court(reference, SchemaNames.convictionRecorded, unique(recorded(reference, { person: { nationalities: ['DE'] } })))),
];

let harness: ServiceHarness;

beforeAll(async () => {
  harness = await ServiceHarness.start({}, 'postgres', BACKLOG);
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

const notsOf = (reference: string) => (not: Notification) => not.conviction.fileNumber === reference;

describe('notification-out applying a backlog in batches', () => {
  it('applies it in batch transactions, none rolled back', async () => {
    await harness.waitFor<Notification>(TOPICS.outbound, SchemaNames.notification, () => true, 1 + 1 + 2 + 2 + 1 + others.length);
    expect(await harness.metric(/ecris_batch_records_total\{[^}]*outcome="committed"[^}]*\} (\d+)/)).toBeGreaterThan(1);
    expect(await harness.metric(/ecris_batch_transactions_total\{[^}]*outcome="rolled_back"[^}]*\} (\d+)/)).toBeUndefined();
  });

  it('sends the NOT and its deleting update for a conviction recorded and quashed within one batch, in that order', async () => {
    const [original, update] = await harness.waitFor<Notification>(TOPICS.outbound, SchemaNames.notification, notsOf(quashed), 2);
    expect(original!.value.updatedConvictionReference).toBeNull();
    expect(update!.value.updatedConvictionReference?.ecrisConvictionId).toBe(original!.value.conviction.convictionId);
    expect(update!.value.conviction.decisions.at(-1)).toMatchObject({ changeTypeRefs: ['DCH-00-Y'], deleteConvictionFromRegister: 'Yes' });
    expect((await harness.notificationRows(quashed)).map((row) => [row.kind, row.status])).toEqual([
      ['INITIAL', 'SENT'],
      ['UPDATE', 'SENT'],
    ]);
  });

  it('sends each state of a dual national its NOT and then its update for a variation within one batch', async () => {
    const all = await harness.waitFor<Notification>(TOPICS.outbound, SchemaNames.notification, notsOf(varied), 4);
    for (const state of ['FR', 'IE']) {
      const [original, update] = all.filter((not) => not.value.header.receiver === state);
      expect(update!.value.updatedConvictionReference?.ecrisConvictionId).toBe(original!.value.conviction.convictionId);
      expect(update!.record.key?.toString()).toBe(original!.value.header.messageId);
    }
    const rows = await harness.notificationRows(varied);
    expect(rows.map((row) => `${row.receiving_state}/${row.kind}`)).toEqual(['FR/INITIAL', 'IE/INITIAL', 'FR/UPDATE', 'IE/UPDATE']);
  });

  it('sends nothing for a non-EU national, and one NOT for an event delivered twice in the batch', async () => {
    await harness.waitFor<Notification>(TOPICS.outbound, SchemaNames.notification, notsOf(others.at(-1)!), 1);
    expect(harness.read<Notification>(TOPICS.outbound, SchemaNames.notification).filter((not) => notsOf(foreigner)(not.value))).toHaveLength(0);
    expect(harness.read<Notification>(TOPICS.outbound, SchemaNames.notification).filter((not) => notsOf(twice)(not.value))).toHaveLength(1);
    expect(await harness.notificationRows(twice)).toHaveLength(1);
  });

  it('dead-letters a poison record that arrives with others, and applies the others once', async () => {
    const orphan = newReference('batch-orphan');
    const after = newReference('batch-after');
    await harness.publishAll([
      court(orphan, SchemaNames.convictionAmended, unique(amended(orphan))),
      court(after, SchemaNames.convictionRecorded, unique(recorded(after, { person: { nationalities: ['NL'] } }))),
    ]);
    await harness.tail.waitFor(() => harness.dlqRecords().some((record) => record.key?.toString() === orphan), 20_000);
    const letter = harness.dlqRecords().find((record) => record.key?.toString() === orphan)!;
    expect(headerText(letter, DLQ_HEADERS.errorCode)).toBe('UNKNOWN_CONVICTION');
    await harness.waitFor<Notification>(TOPICS.outbound, SchemaNames.notification, notsOf(after), 1);
    expect(await harness.notificationRows(after)).toHaveLength(1);
  });
});
