import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  SchemaNames,
  type FunctionalError,
  type Notification,
  type NotificationResponse,
  type RequestAdditionalInfo,
  type RequestAdditionalInfoResponse,
  type ReviewTaskRaised,
} from '@ecris/contracts';
import { DLQ_HEADERS } from '@ecris/messaging';
import { eventually, uniqueSerials } from '@ecris/testing';
import { amended, fem, inboundId as inboundIdOf, nrs, operatorAction, rai, recorded, removed } from './testing/fixtures';
import { headerText, newReference, ServiceHarness, TOPICS } from './testing/service-harness';

jest.setTimeout(60_000);

let harness: ServiceHarness;
const nextSerial = uniqueSerials();
/** An inbound ECRIS id no other test used. */
const inboundId = (sender: string, type: 'NRS' | 'FEM' | 'RAI') => inboundIdOf(sender, type, nextSerial());

beforeAll(async () => {
  // Short, so the lock test below sees several timeouts and retries within a second or two.
  harness = await ServiceHarness.start({ NOTIFICATION_OUT_LOCK_TIMEOUT_MS: '300' });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

const notsFor = (reference: string) => (not: Notification) => not.conviction.fileNumber === reference;
const uniqueEvent = <T extends { meta: { id: string } }>(event: T): T => ({ ...event, meta: { ...event.meta, id: randomUUID() } });

async function record(reference: string, nationalities: string[], changes: Parameters<typeof recorded>[1] = {}) {
  const event = uniqueEvent(recorded(reference, { ...changes, person: { nationalities, ...changes.person } }));
  await harness.publish(TOPICS.courts, SchemaNames.convictionRecorded, event, reference);
  return event;
}

async function nots(reference: string, count = 1) {
  return harness.waitFor<Notification>(TOPICS.outbound, SchemaNames.notification, notsFor(reference), count);
}

describe('notification-out: court events to NOTs', () => {
  it('sends one NOT to France for a French national, keyed by its exchange, with CloudEvents headers (scenario 1)', async () => {
    const reference = newReference('fr');
    const event = await record(reference, ['FR']);
    const [not] = await nots(reference);

    expect(not!.value.header).toMatchObject({ sender: 'GB', receiver: 'FR', responseTo: null });
    expect(not!.value.header.messageId).toMatch(/^GB-FR-NOT-[0-9]{15}$/);
    expect(not!.value.person.nationalityRefs).toEqual(['CO-00-250-FRA']);
    expect(not!.value.conviction.offences[0]).toMatchObject({ commonCategoryRef: 'O-00-020200', nationalTitle: [{ lang: 'en', translated: false }] });
    expect(not!.record.key?.toString()).toBe(not!.value.header.messageId);
    expect(headerText(not!.record, 'ce_type')).toBe('uk.ecris.notification.sent.v1');
    expect(headerText(not!.record, 'ce_causationid')).toBe(event.meta.id);
    expect(headerText(not!.record, 'ce_correlationid')).toBe(not!.value.header.messageId);

    expect(await harness.notificationRows(reference)).toEqual([
      { message_id: not!.value.header.messageId, receiving_state: 'FR', kind: 'INITIAL', status: 'SENT', due_on: '2025-03-24' },
    ]);
    expect(await harness.metric(/ecris_notification_out_outcomes_total\{[^}]*outcome="notified"[^}]*\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(await harness.metric(/^ecris_notifications_unacknowledged\{[^}]*\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${harness.service.url}/health/ready`)).status).toBe(200);
  });

  it('sends a FR+IE dual national two NOTs with the same conviction content (scenario 2)', async () => {
    const reference = newReference('fr-ie');
    await record(reference, ['FR', 'IE']);
    const both = await nots(reference, 2);
    expect(both.map((n) => n.value.header.receiver).sort()).toEqual(['FR', 'IE']);
    expect(both[0]!.value.conviction).toEqual(both[1]!.value.conviction);
    expect((await harness.notificationRows(reference)).map((r) => r.receiving_state).sort()).toEqual(['FR', 'IE']);
  });

  it('sends nothing for a non-EU national, and counts it (scenario 3)', async () => {
    const before = (await harness.metric(/outcome="no-eu-nationality"[^}]*\} (\d+)/)) ?? 0;
    const reference = newReference('us');
    await record(reference, ['US']);
    // A later record of the same key is processed after it, on the same partition: once its NOT is out,
    // the first record has been handled.
    const sentinel = uniqueEvent(amended(reference, { person: { nationalities: ['US', 'DE'] } }, { kind: 'CORRECTION' }));
    await harness.publish(TOPICS.courts, SchemaNames.convictionAmended, sentinel, reference);
    const out = await nots(reference);

    expect(out.map((n) => n.value.header.receiver)).toEqual(['DE']);
    expect((await harness.rows('SELECT conviction FROM notification_out.convictions WHERE conviction_reference = $1', [reference]))).toEqual([
      { conviction: expect.objectContaining({ convictionDate: '2025-02-10' }) },
    ]);
    expect(await harness.metric(/outcome="no-eu-nationality"[^}]*\} (\d+)/)).toBe(before + 1);
  });

  it('sends an update NOT with delete-from-register when the conviction is quashed on appeal (scenario 4)', async () => {
    const reference = newReference('quash');
    await record(reference, ['FR']);
    const [original] = await nots(reference);
    await harness.publish(TOPICS.courts, SchemaNames.convictionRemoved, uniqueEvent(removed(reference)), reference);
    const [, update] = await nots(reference, 2);

    expect(update!.value.updatedConvictionReference?.ecrisConvictionId).toBe(original!.value.conviction.convictionId);
    expect(update!.value.conviction.decisions.at(-1)).toMatchObject({
      changeTypeRefs: ['DCH-00-Y'],
      deleteConvictionFromRegister: 'Yes',
      decisionDate: '2025-08-28',
      decidingAuthority: { name: [{ text: 'Court of Appeal (Criminal Division)' }] },
    });
    expect(update!.record.key?.toString()).toBe(original!.value.header.messageId);
    expect((await harness.notificationRows(reference)).map((r) => [r.kind, r.status, r.due_on])).toEqual([
      ['INITIAL', 'SENT', '2025-03-24'],
      ['UPDATE', 'SENT', '2025-09-28'],
    ]);
  });

  it('sends an update NOT with the varied sentence and a decision replacing the penalty (scenario 5)', async () => {
    const reference = newReference('vary');
    await record(reference, ['FR']);
    await nots(reference);
    const variation = uniqueEvent(amended(reference, { person: { nationalities: ['FR'] } }));
    await harness.publish(TOPICS.courts, SchemaNames.convictionAmended, variation, reference);
    const [original, update] = await nots(reference, 2);

    expect(update!.value.updatedConvictionReference?.ecrisConvictionId).toBe(original!.value.conviction.convictionId);
    const decision = update!.value.conviction.decisions.at(-1)!;
    expect(decision).toMatchObject({ decisionId: 'D-00002', changeTypeRefs: ['DCH-00-E'], deleteConvictionFromRegister: 'No' });
    expect(update!.value.conviction.sanctions).toEqual([
      expect.objectContaining({ nationalCategoryCode: '1115', sentencedPeriod: expect.objectContaining({ duration: 'P18M' }) }),
    ]);
    expect(update!.value.conviction.decisionToSanctions).toEqual([{ decisionId: 'D-00002', sanctionIds: ['S-00001'] }]);
  });

  it('holds a NOT whose offence has no known group, raises a work item, and sends it once an operator classifies the code', async () => {
    const reference = newReference('held');
    const code = `XQ${String(Date.now()).slice(-5)}`;
    const base = recorded(reference).conviction.offences[0]!;
    await record(reference, ['FR'], { offences: [{ ...base, ukOffenceCode: code, statute: 'Some Act 2020 s.1', title: 'Some offence' }] });
    const [task] = await harness.waitFor<ReviewTaskRaised>(TOPICS.workItems, SchemaNames.reviewTaskRaised, (t) => t.taskId.includes(reference));
    expect(task!.value).toMatchObject({ kind: 'OFFENCE_EQUIVALENCE', dueBy: '2025-03-24T23:59:59.000Z' });
    expect(task!.record.key?.toString()).toBe(reference);
    expect((await harness.notificationRows(reference)).map((r) => r.status)).toEqual(['HELD']);

    const decision = operatorAction(`OA-${randomUUID()}`, { decision: 'classify-offence', ukOffenceCode: code, category: '0909 00' }, reference);
    await harness.publish(TOPICS.ops, SchemaNames.operatorAction, decision, reference);
    const [not] = await nots(reference);
    expect(not!.value.conviction.offences[0]!.commonCategoryRef).toBe('O-00-090900');
    expect(not!.value.header.messageId).toBe(task!.value.sourceMessageId);
    await harness.waitForStatus(not!.value.header.messageId, 'SENT');
  });
});

describe('notification-out: answers to our NOTs', () => {
  it('marks a NOT rejected by FEM and gives an operator the error codes (scenario 7)', async () => {
    const reference = newReference('fem');
    await record(reference, ['FR']);
    const [not] = await nots(reference);
    const notId = not!.value.header.messageId;
    await harness.publish(TOPICS.inbound, SchemaNames.functionalError, uniqueEvent(fem(notId, inboundId('FR', 'FEM'), ['FE-90003'])), notId);

    const [task] = await harness.waitFor<ReviewTaskRaised>(TOPICS.workItems, SchemaNames.reviewTaskRaised, (t) => t.sourceMessageId === notId);
    expect(task!.value.kind).toBe('FUNCTIONAL_ERROR');
    expect(task!.value.reason).toContain('FE-90003');
    await harness.waitForStatus(notId, 'REJECTED');
  });

  it('acknowledges a NOT on NRS success, and the unacknowledged gauge goes down by one', async () => {
    const reference = newReference('nrs');
    await record(reference, ['FR']);
    const [not] = await nots(reference);
    const notId = not!.value.header.messageId;
    const gauge = () => harness.metric(/^ecris_notifications_unacknowledged\{[^}]*\} (\d+)/m);
    const before = await gauge();

    const answer: NotificationResponse = uniqueEvent(nrs(notId, inboundId('FR', 'NRS')));
    await harness.publish(TOPICS.inbound, SchemaNames.notificationResponse, answer, notId);
    await harness.waitForStatus(notId, 'ACKNOWLEDGED');
    await eventually(async () => (await gauge()) === before! - 1, 10_000, 'the gauge to count one fewer');
  });

  it('answers an RAI with an RAR from the person we sent (scenario 8)', async () => {
    const reference = newReference('rai');
    await record(reference, ['FR']);
    const [not] = await nots(reference);
    const notId = not!.value.header.messageId;
    const request: RequestAdditionalInfo = uniqueEvent(rai(notId, inboundId('FR', 'RAI'), ['BirthPlace', 'MotherName']));
    await harness.publish(TOPICS.inbound, SchemaNames.requestAdditionalInfo, request, notId);

    const [rar] = await harness.waitFor<RequestAdditionalInfoResponse>(
      TOPICS.outbound,
      SchemaNames.requestAdditionalInfoResponse,
      (r) => r.header.responseTo === request.header.messageId,
    );
    expect(rar!.value).toMatchObject({ responseTypeRef: 'ART-00-00', person: not!.value.person, remarks: [{ text: 'Not available: MotherName.' }] });
    expect(rar!.value.header).toMatchObject({ sender: 'GB', receiver: 'FR' });
    expect(rar!.record.key?.toString()).toBe(notId);
  });

  it('passes over answers that are not about our NOTs', async () => {
    // A FEM about a request of ours: request-out's business.
    const other: FunctionalError = uniqueEvent(fem('GB-FR-REQ-000000000000001', inboundId('FR', 'FEM')));
    const handled = () => harness.metric(/ecris_records_consumed_total\{[^}]*topic="[^"]*ecris\.inbound\.v1"[^}]*outcome="handled"[^}]*\} (\d+)/);
    const before = (await handled()) ?? 0;
    await harness.publish(TOPICS.inbound, SchemaNames.functionalError, other, 'GB-FR-REQ-000000000000001');
    await eventually(async () => (await handled()) === before + 1, 10_000, 'the record to be consumed');
    expect(harness.read<ReviewTaskRaised>(TOPICS.workItems).filter((t) => t.value.sourceMessageId === other.header.messageId)).toEqual([]);
  });
});

describe('notification-out: delivery guarantees', () => {
  it('dead-letters undecodable bytes with their key, value and headers, plus provenance', async () => {
    const key = newReference('poison');
    const value = Buffer.from('definitely not avro');
    await harness.publishRaw(TOPICS.courts, key, value, { ce_id: Buffer.from(randomUUID()), 'x-origin': Buffer.from('test') });
    await harness.tail.waitFor(() => harness.dlqRecords().some((r) => r.key?.toString() === key), 20_000);
    const letter = harness.dlqRecords().find((r) => r.key?.toString() === key)!;

    expect(letter.value).toEqual(value);
    expect(headerText(letter, 'x-origin')).toBe('test');
    expect(headerText(letter, DLQ_HEADERS.originalTopic)).toBe(`${harness.namespace}${TOPICS.courts}`);
    expect(headerText(letter, DLQ_HEADERS.consumerGroup)).toBe(`${harness.namespace}ecris-exchange.notification-out`);
    expect(headerText(letter, DLQ_HEADERS.errorClass)).toBe('deserialization');
  });

  it('dead-letters an amendment of a conviction it never saw (it can never be applied)', async () => {
    const reference = newReference('orphan');
    await harness.publish(TOPICS.courts, SchemaNames.convictionAmended, uniqueEvent(amended(reference)), reference);
    await harness.tail.waitFor(() => harness.dlqRecords().some((r) => r.key?.toString() === reference), 20_000);
    const letter = harness.dlqRecords().find((r) => r.key?.toString() === reference)!;
    expect([headerText(letter, DLQ_HEADERS.errorClass), headerText(letter, DLQ_HEADERS.errorCode)]).toEqual(['business', 'UNKNOWN_CONVICTION']);
  });

  it('applies the same court event delivered twice once: one NOT per state, one row per state', async () => {
    const reference = newReference('twice');
    const event = uniqueEvent(recorded(reference, { person: { nationalities: ['FR', 'IE'] } }));
    await harness.publish(TOPICS.courts, SchemaNames.convictionRecorded, event, reference);
    await harness.publish(TOPICS.courts, SchemaNames.convictionRecorded, event, reference);
    // Behind both copies on the same partition: once its update is out, both copies were handled.
    await harness.publish(TOPICS.courts, SchemaNames.convictionRemoved, uniqueEvent(removed(reference)), reference);
    await harness.waitFor<Notification>(TOPICS.outbound, SchemaNames.notification, (n) => notsFor(reference)(n) && n.updatedConvictionReference !== null, 2);

    const all = harness.read<Notification>(TOPICS.outbound, SchemaNames.notification).filter((n) => notsFor(reference)(n.value));
    const initial = all.filter((n) => n.value.updatedConvictionReference === null);
    expect(initial.map((n) => n.value.header.receiver).sort()).toEqual(['FR', 'IE']);
    expect((await harness.notificationRows(reference)).map((r) => `${r.receiving_state}/${r.kind}`).sort()).toEqual([
      'FR/INITIAL',
      'FR/UPDATE',
      'IE/INITIAL',
      'IE/UPDATE',
    ]);
  });

  it('retries a record whose row another transaction holds locked, and applies it once the lock goes', async () => {
    const reference = newReference('locked');
    const retries = () => harness.metric(/ecris_transient_retries_total\{[^}]*error_code="55P03"[^}]*\} (\d+)/);
    const before = (await retries()) ?? 0;
    const other = new Client({ connectionString: harness.databaseUrl });
    await other.connect();
    try {
      // Another writer is inserting this very conviction and has not committed: ours must wait for it.
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO notification_out.convictions (conviction_reference, ecris_conviction_id, recorded_at, version)
         VALUES ($1, $2, now(), 1)`,
        [reference, `GB-C-${randomUUID()}`],
      );
      await record(reference, ['FR']);
      await eventually(async () => ((await retries()) ?? 0) >= before + 2, 20_000, 'lock timeouts to be retried');
      expect(harness.read<Notification>(TOPICS.outbound, SchemaNames.notification).filter((n) => notsFor(reference)(n.value))).toEqual([]);
      await other.query('ROLLBACK');
    } finally {
      await other.end();
    }
    const [not] = await nots(reference);
    expect(not!.value.header.receiver).toBe('FR');
    expect(await harness.notificationRows(reference)).toHaveLength(1);
  });
});
