import { randomUUID } from 'node:crypto';
import { SchemaNames, type Notification } from '@ecris/contracts';
import { nrs, recorded } from './testing/fixtures';
import { newReference, ServiceHarness, TOPICS } from './testing/service-harness';

/**
 * PGlite's WASM loader uses import(), which jest allows only with Node's VM modules; without them it
 * crashes the worker rather than failing a test, so the suite runs only when they are on.
 */
const vmModules = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`.includes('--experimental-vm-modules');

/** The same service on embedded PGlite (no DATABASE_URL): same SQL, same migrations, same guarantees. */
(vmModules ? describe : describe.skip)('notification-out on embedded PGlite (needs NODE_OPTIONS=--experimental-vm-modules)', () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await ServiceHarness.start({}, 'pglite');
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('sends the NOT once however often the court event comes, and takes the acknowledgement', async () => {
    const reference = newReference('pglite');
    const event = { ...recorded(reference, { person: { nationalities: ['FR'] } }), meta: { ...recorded(reference).meta, id: randomUUID() } };
    await harness.publish(TOPICS.courts, SchemaNames.convictionRecorded, event, reference);
    await harness.publish(TOPICS.courts, SchemaNames.convictionRecorded, event, reference);
    const [not] = await harness.waitFor<Notification>(TOPICS.outbound, SchemaNames.notification, (n) => n.conviction.fileNumber === reference);
    const notId = not!.value.header.messageId;

    const answer = { ...nrs(notId, `FR-GB-NRS-${String(Date.now()).padStart(15, '0')}`), meta: { ...nrs(notId, 'x').meta, id: randomUUID() } };
    await harness.publish(TOPICS.inbound, SchemaNames.notificationResponse, answer, notId);
    await harness.waitForStatus(notId, 'ACKNOWLEDGED');
    expect(await harness.rows('SELECT message_id FROM notification_out.notifications WHERE conviction_reference = $1', [reference])).toEqual([
      { message_id: notId },
    ]);
    expect(harness.read<Notification>(TOPICS.outbound, SchemaNames.notification).filter((n) => n.value.conviction.fileNumber === reference)).toHaveLength(1);
  });
});
