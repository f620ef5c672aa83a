import { SchemaNames, type FunctionalError, type Notification, type NotificationResponse } from '@ecris/contracts';
import type { ConsumedRecord } from '@ecris/messaging';
import { startService, type RunningService } from '@ecris/service-kit';
import { startTestService, uniqueSerials, type TestRecord, type TestService } from '@ecris/testing';
import { definition } from './notification-in.definition';
import { spanishNotification } from './testing/spanish-notification';

jest.setTimeout(60_000);

/**
 * A backlog waiting when the service starts is fetched together and applied in batch transactions (one
 * transaction per partition's fetch). The answers must be exactly what one NOT at a time gives: each
 * answered once, the same ECRIS message under two ce_ids stored and answered once, an invalid NOT
 * refused with a FEM, and an unanswerable one dead-lettered alone while the rest of its batch goes on.
 */
const nextSerial = uniqueSerials();
const inbound = (notification: Notification, key = notification.header.messageId): TestRecord => ({
  topic: 'ecris.inbound.v1',
  key,
  schema: SchemaNames.notification,
  value: notification,
});

const plain = Array.from({ length: 12 }, () => spanishNotification(nextSerial()));
const twice = spanishNotification(nextSerial());
const twiceUnderAnotherId: Notification = { ...twice, meta: { ...twice.meta, id: `${twice.meta.id.slice(0, -4)}eeee` } };
const invalid = spanishNotification(nextSerial());
invalid.conviction.offences[1].commonCategoryRef = 'O-2';
const foreign = spanishNotification(nextSerial());
foreign.person.nationalityRefs = ['CO-00-724-ESP'];
const unanswerable = spanishNotification(nextSerial());
unanswerable.header.messageId = 'not-an-ecris-id';
const afterUnanswerable = spanishNotification(nextSerial());

const BACKLOG: TestRecord[] = [
  ...plain.map((notification) => inbound(notification)),
  inbound(twice),
  inbound(twiceUnderAnotherId),
  inbound(twice),
  inbound(invalid),
  inbound(foreign),
  // Its batch holds other NOTs of its partition: the poison must not take them down. (A later record
  // of the poison's own key would be parked behind it, as one at a time; this one has a key of its own.)
  inbound(unanswerable, 'batch-unanswerable'),
  inbound(afterUnanswerable),
];

let harness: TestService<RunningService>;

beforeAll(async () => {
  harness = await startTestService((env) => startService(definition, env), { label: 'notification-in-batch', database: 'postgres', backlog: BACKLOG });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

const respondsTo = (record: ConsumedRecord) => harness.decode<{ header: { responseTo: string | null } }>(record).value.header.responseTo;
const answered = [...plain, twice, invalid, foreign, afterUnanswerable].map((notification) => notification.header.messageId);

describe('notification-in applying a backlog in batches', () => {
  let outbound: ConsumedRecord[];

  beforeAll(async () => {
    outbound = await harness.readUntil('ecris.outbound.v1', (read) => answered.every((id) => read.some((record) => respondsTo(record) === id)));
  });

  it('applies it in batch transactions', async () => {
    expect(Number(/ecris_batch_records_total\{[^}]*outcome="committed"[^}]*\} (\d+)/.exec(await harness.metrics())?.[1])).toBeGreaterThan(1);
  });

  it('answers every NOT exactly once, the one delivered three times under two ce_ids included', async () => {
    for (const id of answered) expect(outbound.filter((record) => respondsTo(record) === id)).toHaveLength(1);
    const { rows } = await harness.service.database!.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM notification_in.received_notifications WHERE message_id = $1',
      [twice.header.messageId],
    );
    expect(rows[0]!.n).toBe('1');
  });

  it('refuses the invalid NOT with a FEM and tells the foreign national apart, as one at a time would', () => {
    const fem = outbound.find((record) => respondsTo(record) === invalid.header.messageId)!;
    expect(harness.decode<FunctionalError>(fem).value.errors[0]!.code).toBe('FE-90003');
    const nrs = outbound.find((record) => respondsTo(record) === foreign.header.messageId)!;
    expect(harness.decode<NotificationResponse>(nrs).value.responseTypeRef).toBe('NRT-00-02');
  });

  it('dead-letters the unanswerable NOT alone, and the NOTs after it are answered', async () => {
    const dlq = await harness.readUntil('ecris-exchange.notification-in.dlq', (read) => read.length >= 1);
    expect(dlq.map((record) => record.headers['dlq-error-code']?.toString())).toEqual(['UNANSWERABLE_NOTIFICATION']);
    expect(outbound.filter((record) => respondsTo(record) === afterUnanswerable.header.messageId)).toHaveLength(1);
  });
});
