import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { SchemaNames, type FunctionalError, type Notification, type NotificationResponse, type TranslationRequested } from '@ecris/contracts';
import {
  AvroCodec,
  KafkajsRecordSender,
  loadMigrations,
  metaToHeaders,
  SchemaArchive,
  TopicTail,
  TransientError,
  type EventMeta,
  type ConsumedRecord,
  type RawOutboundRecord,
} from '@ecris/messaging';
import { REPO_SCHEMAS_DIR, startService, type RunningService } from '@ecris/service-kit';
import { eventually, provisionNamespace, readUntil, testDatabaseUrl, testKafkaSettings, withPgPool } from '@ecris/testing';
import { NotificationHandler } from './handlers/notification.handler';
import { notificationInProviders, PG_RECEIVED_NOTIFICATIONS } from './notification-in.module';
import { RECEIVED_NOTIFICATIONS, type ReceivedNotifications } from './ports';
import { spanishNotification } from './testing/spanish-notification';

/**
 * The real adapter behind a switch: while `failuresLeft` > 0 it fails as a dropped database
 * connection would (before touching anything), so the runner's retry in place can be watched.
 */
class FlakyReceivedNotifications implements ReceivedNotifications {
  static failuresLeft = 0;
  static failed = 0;
  constructor(private readonly real: ReceivedNotifications) {}

  storeOnce(...args: Parameters<ReceivedNotifications['storeOnce']>) {
    if (FlakyReceivedNotifications.failuresLeft > 0) {
      FlakyReceivedNotifications.failuresLeft -= 1;
      FlakyReceivedNotifications.failed += 1;
      return Promise.reject(new TransientError('ECONNRESET', 'database connection reset (test double)'));
    }
    return this.real.storeOnce(...args);
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

const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
/** Unique ECRIS serials per run, so rows in the shared test database never collide between runs. */
const runBase = BigInt(Date.now() % 1_000_000_000) * 1000n;
let serialCounter = 0n;
const nextSerial = () => runBase + ++serialCounter;

describe('notification-in', () => {
  let ns: string;
  let service: RunningService;
  let sender: KafkajsRecordSender;

  beforeAll(async () => {
    ns = await provisionNamespace('notification-in');
    service = await startService(
      {
        service: 'notification-in',
        module: TestNotificationInModule,
        migrations: () => loadMigrations(join(__dirname, '..', 'migrations')),
        claimPartitions: true,
        transport: { backoff: { initialMs: 20, maxMs: 100 } },
      },
      { ...process.env, ECRIS_NAMESPACE: ns, HTTP_PORT: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATABASE_URL: testDatabaseUrl() },
    );
    sender = await KafkajsRecordSender.connect(testKafkaSettings());
  });

  afterAll(async () => {
    await sender?.disconnect();
    await service?.close();
  });

  const inbound = (value: Buffer | null, key: string, headers: RawOutboundRecord['headers'] = {}): RawOutboundRecord => ({
    topic: `${ns}ecris.inbound.v1`,
    key,
    value,
    headers,
  });

  function encoded(notification: Notification): RawOutboundRecord {
    return inbound(codec.encode(SchemaNames.notification, notification), notification.header.messageId, metaToHeaders(notification.meta));
  }

  const decoded = <T>(record: ConsumedRecord) => codec.decode<T>(record.value);
  const metricsText = async () => (await fetch(`${service.url}/metrics`)).text();

  /** Everything on a topic so far (up to its end offsets now), for counting what must not be there. */
  async function readAll(topic: string): Promise<ConsumedRecord[]> {
    const tail = await TopicTail.start(testKafkaSettings(), [topic]);
    try {
      await tail.catchUp(15_000);
      return [...tail.records];
    } finally {
      await tail.stop();
    }
  }

  async function outboundFor(messageId: string, count = 1): Promise<ConsumedRecord[]> {
    const records = await readUntil(`${ns}ecris.outbound.v1`, (read) => read.filter((r) => answers(r, messageId)).length >= count);
    return records.filter((r) => answers(r, messageId));
  }

  function answers(record: ConsumedRecord, messageId: string): boolean {
    const { value } = codec.decode<{ header: { responseTo: string | null } }>(record.value);
    return value.header.responseTo === messageId;
  }

  const storedRows = (messageId: string) =>
    withPgPool(async (pool) =>
      (
        await pool.query<{ outcome: string; raw_value: Buffer; reply_message_id: string }>(
          'SELECT outcome, raw_value, reply_message_id FROM notification_in.received_notifications WHERE message_id = $1',
          [messageId],
        )
      ).rows,
    );

  it('answers a Spanish notification about a UK national with NRS success, stores it as received and asks for its translation', async () => {
    const notification = spanishNotification(nextSerial());
    const id = notification.header.messageId;
    const record = encoded(notification);
    await sender.send([record]);

    const [nrsRecord] = await outboundFor(id);
    const nrs = decoded<NotificationResponse>(nrsRecord);
    expect(nrs.writer.fullName).toBe(SchemaNames.notificationResponse);
    expect(nrs.value.responseTypeRef).toBe('NRT-00-00');
    expect(nrs.value.header).toMatchObject({ responseTo: id, sender: 'GB', receiver: 'ES' });
    expect(nrs.value.header.messageId).toMatch(/^GB-ES-NRS-[0-9]{15}$/);
    expect(nrsRecord.key?.toString()).toBe(id);
    expect(nrsRecord.headers.ce_causationid?.toString()).toBe(notification.meta.id);

    const requests = await readUntil(`${ns}exchange.notification-in.translation-requested.v1`, (read) =>
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
    await sender.send([encoded(notification)]);

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
    await sender.send([encoded(notification), { ...encoded(marker), key: notification.header.messageId }]);

    const [nrsRecord] = await outboundFor(notification.header.messageId);
    expect(decoded<NotificationResponse>(nrsRecord).value.responseTypeRef).toBe('NRT-00-02');
    const requests = await readUntil(`${ns}exchange.notification-in.translation-requested.v1`, (read) =>
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
    await sender.send([encoded(notification), encoded(copy), encoded(notification), { ...encoded(marker), key }]);

    await outboundFor(marker.header.messageId);
    const everything = await readAll(`${ns}ecris.outbound.v1`);
    expect(everything.filter((r) => answers(r, notification.header.messageId))).toHaveLength(1);
    expect(await storedRows(notification.header.messageId)).toHaveLength(1);
  });

  it('dead-letters undecodable bytes and an unanswerable NOT, with provenance, and goes on', async () => {
    const unanswerable = spanishNotification(nextSerial());
    unanswerable.header.messageId = 'not-an-ecris-id';
    const after = spanishNotification(nextSerial());
    await sender.send([
      inbound(Buffer.from('definitely not avro'), 'poison-key', { ce_id: Buffer.from('poison-1') }),
      inbound(codec.encode(SchemaNames.notification, unanswerable), 'unanswerable-key', metaToHeaders(unanswerable.meta)),
      encoded(after),
    ]);

    const dlq = await readUntil(`${ns}ecris-exchange.notification-in.dlq`, (read) => read.length >= 2);
    const byKey = new Map(dlq.map((r) => [r.key?.toString(), r]));
    expect(byKey.get('poison-key')?.value?.toString()).toBe('definitely not avro');
    expect(byKey.get('poison-key')?.headers['dlq-error-class']?.toString()).toBe('deserialization');
    expect(byKey.get('poison-key')?.headers['dlq-original-topic']?.toString()).toBe(`${ns}ecris.inbound.v1`);
    expect(byKey.get('unanswerable-key')?.headers['dlq-error-code']?.toString()).toBe('UNANSWERABLE_NOTIFICATION');
    expect(byKey.get('unanswerable-key')?.headers['dlq-consumer-group']?.toString()).toBe(`${ns}ecris-exchange.notification-in`);
    await outboundFor(after.header.messageId);
  });

  it('passes over the message types meant for other services on the same topic', async () => {
    const notification = spanishNotification(nextSerial());
    const key = notification.header.messageId;
    // A REQ is request-in's business: same topic, same key, ahead of our NOT.
    const request = JSON.parse(readFileSync(join(REPO_SCHEMAS_DIR, 'uk/ecris/message/fixtures/Request.v1.json'), 'utf8')) as { meta: EventMeta };
    request.meta = { ...request.meta, id: `${notification.meta.id.slice(0, -4)}aaaa` };
    await sender.send([inbound(codec.encode(SchemaNames.request, request), key, metaToHeaders(request.meta)), encoded(notification)]);

    await outboundFor(key);
    const dlq = await readAll(`${ns}ecris-exchange.notification-in.dlq`);
    expect(dlq.filter((r) => r.key?.toString() === key)).toHaveLength(0);
    await eventually(async () => /ecris_records_consumed_total\{[^}]*outcome="handled"[^}]*\} [1-9]/.test(await metricsText()));
  });

  it('retries a transient database failure in place and then answers', async () => {
    FlakyReceivedNotifications.failed = 0;
    FlakyReceivedNotifications.failuresLeft = 2;
    const notification = spanishNotification(nextSerial());
    await sender.send([encoded(notification)]);

    const [nrsRecord] = await outboundFor(notification.header.messageId);
    expect(decoded<NotificationResponse>(nrsRecord).value.responseTypeRef).toBe('NRT-00-00');
    expect(FlakyReceivedNotifications.failed).toBe(2);
    expect(await storedRows(notification.header.messageId)).toHaveLength(1);
    await eventually(async () => /ecris_transient_retries_total\{[^}]*\} 2/.test(await metricsText()));
  });
});
