import { Module } from '@nestjs/common';
import { SchemaNames, type FunctionalError, type Notification, type NotificationResponse, type TranslationRequested } from '@ecris/contracts';
import type { ConsumedRecord, EventMeta } from '@ecris/messaging';
import { startService, type RunningService } from '@ecris/service-kit';
import { eventually, loadFixture, startTestService, TransientFailures, uniqueSerials, type RawTestRecord, type TestService } from '@ecris/testing';
import { NotificationHandler } from './handlers/notification.handler';
import { definition } from './notification-in.definition';
import { notificationInProviders, PG_RECEIVED_NOTIFICATIONS } from './notification-in.module';
import { RECEIVED_NOTIFICATIONS, type ReceivedNotifications } from './ports';
import { spanishNotification } from './testing/spanish-notification';

const storeFailures = new TransientFailures();

/** The real adapter behind a switch that can make it fail as a dropped database connection would. */
class FlakyReceivedNotifications implements ReceivedNotifications {
  constructor(private readonly real: ReceivedNotifications) {}

  storeOnce(...args: Parameters<ReceivedNotifications['storeOnce']>) {
    return storeFailures.run(() => this.real.storeOnce(...args));
  }
}

const REAL_STORE = Symbol('REAL_STORE');

@Module({
  controllers: [NotificationHandler],
  providers: [
    ...notificationInProviders({
      provide: RECEIVED_NOTIFICATIONS,
      inject: [REAL_STORE],
      useFactory: (real: ReceivedNotifications) => new FlakyReceivedNotifications(real),
    }),
    { ...PG_RECEIVED_NOTIFICATIONS, provide: REAL_STORE },
  ],
})
class TestNotificationInModule {}

const nextSerial = uniqueSerials();

describe('notification-in', () => {
  let harness: TestService<RunningService>;

  beforeAll(async () => {
    harness = await startTestService(
      (env) => startService({ ...definition, module: TestNotificationInModule, transport: { backoff: { initialMs: 20, maxMs: 100 } } }, env),
      { label: 'notification-in', database: 'postgres' },
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const inbound = (value: Buffer | null, key: string, headers: RawTestRecord['headers'] = {}): RawTestRecord => ({ topic: 'ecris.inbound.v1', key, value, headers });

  const encoded = (notification: Notification): RawTestRecord =>
    harness.encode({ topic: 'ecris.inbound.v1', key: notification.header.messageId, schema: SchemaNames.notification, value: notification });

  const decoded = <T>(record: ConsumedRecord) => harness.decode<T>(record);

  async function outboundFor(messageId: string, count = 1): Promise<ConsumedRecord[]> {
    const records = await harness.readUntil('ecris.outbound.v1', (read) => read.filter((r) => answers(r, messageId)).length >= count);
    return records.filter((r) => answers(r, messageId));
  }

  function answers(record: ConsumedRecord, messageId: string): boolean {
    const { value } = harness.decode<{ header: { responseTo: string | null } }>(record);
    return value.header.responseTo === messageId;
  }

  const storedRows = async (messageId: string) =>
    (
      await harness.service.database!.query<{ outcome: string; raw_value: Buffer; reply_message_id: string }>(
        'SELECT outcome, raw_value, reply_message_id FROM notification_in.received_notifications WHERE message_id = $1',
        [messageId],
      )
    ).rows;

  it('answers a Spanish notification about a UK national with NRS success, stores it as received and asks for its translation', async () => {
    const notification = spanishNotification(nextSerial());
    const id = notification.header.messageId;
    const record = encoded(notification);
    await harness.publish([record]);

    const [nrsRecord] = await outboundFor(id);
    const nrs = decoded<NotificationResponse>(nrsRecord);
    expect(nrs.writer.fullName).toBe(SchemaNames.notificationResponse);
    expect(nrs.value.responseTypeRef).toBe('NRT-00-00');
    expect(nrs.value.header).toMatchObject({ responseTo: id, sender: 'GB', receiver: 'ES' });
    expect(nrs.value.header.messageId).toMatch(/^GB-ES-NRS-[0-9]{15}$/);
    expect(nrsRecord.key?.toString()).toBe(id);
    expect(nrsRecord.headers.ce_causationid?.toString()).toBe(notification.meta.id);

    const requests = await harness.readUntil('exchange.notification-in.translation-requested.v1', (read) =>
      read.some((r) => decoded<TranslationRequested>(r).value.sourceMessageId === id),
    );
    const request = requests.map((r) => decoded<TranslationRequested>(r).value).find((v) => v.sourceMessageId === id)!;
    expect(request).toMatchObject({ translationId: `TR-${id}`, messageType: 'NOT', senderState: 'ES', targetLang: 'en' });
    expect(request.convictions[0].offences[0].nationalTitle[0].text).toBe('Participación en organización criminal');
    expect(request.person?.nationalityRefs).toEqual(['CO-00-826-GBR']);

    const rows = await storedRows(id);
    expect(rows).toHaveLength(1);
    expect(rows[0].outcome).toBe('ACKNOWLEDGED');
    expect(rows[0].reply_message_id).toBe(nrs.value.header.messageId);
    expect(Buffer.compare(rows[0].raw_value, record.value!)).toBe(0);
  });

  it('answers a notification that fails validation with a FEM naming the error code and field path', async () => {
    const notification = spanishNotification(nextSerial());
    notification.conviction.offences[1].commonCategoryRef = 'O-2';
    await harness.publish([encoded(notification)]);

    const [femRecord] = await outboundFor(notification.header.messageId);
    const fem = decoded<FunctionalError>(femRecord);
    expect(fem.writer.fullName).toBe(SchemaNames.functionalError);
    expect(fem.value.header).toMatchObject({ responseTo: notification.header.messageId, sender: 'GB', receiver: 'ES' });
    expect(fem.value.errors).toContainEqual({
      code: 'FE-90003',
      additionalInformation: [expect.objectContaining({ text: expect.stringMatching(/^conviction\.offences\[1\]\.commonCategoryRef: /) })],
    });
    expect((await storedRows(notification.header.messageId))[0].outcome).toBe('REJECTED');
  });

  it('answers a notification about someone who is not a UK national with the NRS problem code and sends nothing on', async () => {
    const notification = spanishNotification(nextSerial());
    notification.person.nationalityRefs = ['CO-00-724-ESP'];
    // A UK national's notification with the same key behind it: once its translation request is out,
    // anything the first one caused would be out too (one partition, one outbox order).
    const marker = spanishNotification(nextSerial());
    await harness.publish([encoded(notification), { ...encoded(marker), key: notification.header.messageId }]);

    const [nrsRecord] = await outboundFor(notification.header.messageId);
    expect(decoded<NotificationResponse>(nrsRecord).value.responseTypeRef).toBe('NRT-00-02');
    const requests = await harness.readUntil('exchange.notification-in.translation-requested.v1', (read) =>
      read.some((r) => decoded<TranslationRequested>(r).value.sourceMessageId === marker.header.messageId),
    );
    expect(requests.filter((r) => decoded<TranslationRequested>(r).value.sourceMessageId === notification.header.messageId)).toHaveLength(0);
    expect((await storedRows(notification.header.messageId))[0].outcome).toBe('NOT_A_NATIONAL');
  });

  it('keeps one row and sends one NRS when the same ECRIS message arrives twice, even under another ce_id', async () => {
    const notification = spanishNotification(nextSerial());
    const copy: Notification = { ...notification, meta: { ...notification.meta, id: `${notification.meta.id.slice(0, -4)}ffff` } };
    const marker = spanishNotification(nextSerial());
    const key = notification.header.messageId;
    await harness.publish([encoded(notification), encoded(copy), encoded(notification), { ...encoded(marker), key }]);

    await outboundFor(marker.header.messageId);
    const everything = await harness.readAll('ecris.outbound.v1');
    expect(everything.filter((r) => answers(r, notification.header.messageId))).toHaveLength(1);
    expect(await storedRows(notification.header.messageId)).toHaveLength(1);
  });

  it('dead-letters undecodable bytes and an unanswerable NOT, with provenance, and goes on', async () => {
    const unanswerable = spanishNotification(nextSerial());
    unanswerable.header.messageId = 'not-an-ecris-id';
    const after = spanishNotification(nextSerial());
    await harness.publish([
      inbound(Buffer.from('definitely not avro'), 'poison-key', { ce_id: Buffer.from('poison-1') }),
      { ...encoded(unanswerable), key: 'unanswerable-key' },
      encoded(after),
    ]);

    const dlq = await harness.readUntil('ecris-exchange.notification-in.dlq', (read) => read.length >= 2);
    const byKey = new Map(dlq.map((r) => [r.key?.toString(), r]));
    expect(byKey.get('poison-key')?.value?.toString()).toBe('definitely not avro');
    expect(byKey.get('poison-key')?.headers['dlq-error-class']?.toString()).toBe('deserialization');
    expect(byKey.get('poison-key')?.headers['dlq-original-topic']?.toString()).toBe(harness.topic('ecris.inbound.v1'));
    expect(byKey.get('unanswerable-key')?.headers['dlq-error-code']?.toString()).toBe('UNANSWERABLE_NOTIFICATION');
    expect(byKey.get('unanswerable-key')?.headers['dlq-consumer-group']?.toString()).toBe(`${harness.ns}ecris-exchange.notification-in`);
    await outboundFor(after.header.messageId);
  });

  it('passes over the message types meant for other services on the same topic', async () => {
    const notification = spanishNotification(nextSerial());
    const key = notification.header.messageId;
    // A REQ is request-in's business: same topic, same key, ahead of our NOT.
    const request = loadFixture<{ meta: EventMeta }>(SchemaNames.request, 1);
    request.meta = { ...request.meta, id: `${notification.meta.id.slice(0, -4)}aaaa` };
    await harness.publish([{ topic: 'ecris.inbound.v1', key, schema: SchemaNames.request, value: request }, encoded(notification)]);

    await outboundFor(key);
    const dlq = await harness.readAll('ecris-exchange.notification-in.dlq');
    expect(dlq.filter((r) => r.key?.toString() === key)).toHaveLength(0);
    await eventually(async () => /ecris_records_consumed_total\{[^}]*outcome="handled"[^}]*\} [1-9]/.test(await harness.metrics()));
  });

  it('retries a transient database failure in place and then answers', async () => {
    storeFailures.failNext(2);
    const notification = spanishNotification(nextSerial());
    await harness.publish([encoded(notification)]);

    const [nrsRecord] = await outboundFor(notification.header.messageId);
    expect(decoded<NotificationResponse>(nrsRecord).value.responseTypeRef).toBe('NRT-00-00');
    expect(storeFailures.failed).toBe(2);
    expect(await storedRows(notification.header.messageId)).toHaveLength(1);
    await eventually(async () => /ecris_transient_retries_total\{[^}]*\} 2/.test(await harness.metrics()));
  });
});
