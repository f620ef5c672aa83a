import { randomUUID } from 'node:crypto';
import { KafkajsRecordSender, type EventMeta, type RawOutboundRecord } from '@ecris/messaging';
import type { RunningService } from '@ecris/service-kit';
import { provisionNamespace, testKafkaSettings } from '@ecris/testing';
import type { ReconciliationLine } from '../reconciliation';
import { firstMeta, fixture, indexed, ops, outputMeta, recordOf, SchemaNames, startAuditIndex, testEnv } from '../testing/ops-test-kit';

/**
 * One day of court events as the court feed writes them, the NOTs notification-out sent for them and
 * the answers the gateway took in, on a namespaced copy of the topics with the audit index running.
 */
describe('ecris-ops reconcile', () => {
  let ns: string;
  let auditIndex: RunningService;
  let sender: KafkajsRecordSender;
  const serial = () => String(Math.floor(Math.random() * 1e15)).padStart(15, '0');

  beforeAll(async () => {
    ns = await provisionNamespace('ops-reconcile');
    auditIndex = await startAuditIndex(ns);
    sender = await KafkajsRecordSender.connect(testKafkaSettings());
  });

  afterAll(async () => {
    await sender?.disconnect();
    await auditIndex?.close();
  });

  function convictionRecorded(reference: string, nationalities: string[], recordedAt: string): { record: RawOutboundRecord; meta: EventMeta } {
    const event = fixture<{ conviction: { person: { nationalities: string[] } } }>('court/fixtures/ConvictionRecorded.v1.json');
    event.conviction.person.nationalities = nationalities;
    const value = { ...event, convictionReference: reference, recordedAt };
    const meta = { ...firstMeta(reference, 'uk.ecris.court.conviction-recorded.v1', '/court-feeds/crown-court', recordedAt), id: randomUUID() };
    return { record: recordOf(`${ns}courts.convictions.v1`, reference, SchemaNames.convictionRecorded, value, meta), meta };
  }

  /** The NOT notification-out sends for a court event: its exchange is the NOT's own id. */
  function notificationFor(cause: EventMeta, state: string): { record: RawOutboundRecord; meta: EventMeta; messageId: string } {
    const messageId = `GB-${state}-NOT-${serial()}`;
    const not = fixture('message/fixtures/Notification.v1.json');
    not.header = { ...(not.header as object), messageId, receiver: state, timestamp: cause.time };
    const meta = { ...outputMeta(cause, `not/${state}`, '/ecris-exchange/notification-out', 'uk.ecris.notification.sent.v1', messageId), subject: messageId };
    return { record: recordOf(`${ns}ecris.outbound.v1`, messageId, SchemaNames.notification, not, meta), meta, messageId };
  }

  function answerTo(not: { meta: EventMeta; messageId: string }, state: string, kind: 'NRS' | 'FEM'): RawOutboundRecord {
    const header = { messageId: `${state}-GB-${kind}-${serial()}`, timestamp: '2026-03-03T10:00:00Z', responseTo: not.messageId, sender: state, receiver: 'GB' };
    const meta = { ...firstMeta(not.messageId, 'uk.ecris.message.received.v1', '/ecris-gateway', '2026-03-03T10:00:00.000Z'), causationId: not.meta.id };
    if (kind === 'NRS') {
      const nrs = { ...fixture('message/fixtures/NotificationResponse.v1.json'), header, responseTypeRef: 'NRT-00-00' };
      return recordOf(`${ns}ecris.inbound.v1`, not.messageId, SchemaNames.notificationResponse, nrs, meta);
    }
    return recordOf(`${ns}ecris.inbound.v1`, not.messageId, SchemaNames.functionalError, { ...fixture('message/fixtures/FunctionalError.v1.json'), header }, meta);
  }

  it('finds a deliberately dropped notification and a rejected one, and exits non-zero once they are overdue', async () => {
    const ref = (label: string) => `T${label}${serial().slice(0, 8)}`;
    const acknowledged = convictionRecorded(ref('A'), ['FR'], '2026-03-02T11:00:00Z');
    const dropped = convictionRecorded(ref('B'), ['DE', 'GB'], '2026-03-02T12:00:00Z');
    const rejected = convictionRecorded(ref('C'), ['ES'], '2026-03-02T13:00:00Z');
    const notEu = convictionRecorded(ref('D'), ['US'], '2026-03-02T14:00:00Z');
    const otherDay = convictionRecorded(ref('E'), ['FR'], '2026-03-03T09:00:00Z');
    const toFrance = notificationFor(acknowledged.meta, 'FR');
    const toSpain = notificationFor(rejected.meta, 'ES');
    const fromOtherDay = notificationFor(otherDay.meta, 'FR');
    // The NOT to DE for `dropped` is never sent.
    await sender.send([acknowledged, dropped, rejected, notEu, otherDay].map((c) => c.record));
    await sender.send([toFrance.record, toSpain.record, fromOtherDay.record]);
    await sender.send([answerTo(toFrance, 'FR', 'NRS'), answerTo(toSpain, 'ES', 'FEM')]);
    await indexed(ns, toFrance.messageId, 2);
    await indexed(ns, toSpain.messageId, 2);
    await indexed(ns, notEu.meta.correlationId, 1);
    await indexed(ns, otherDay.meta.correlationId, 1);

    const overdue = await ops(['reconcile', '--date', '2026-03-02', '--now', '2026-04-15T12:00:00Z', '--json'], testEnv(ns));
    expect(overdue).toMatchObject({ code: 4, stderr: '' });
    const report = JSON.parse(overdue.stdout) as { convictions: number; lines: ReconciliationLine[]; overdue: number };
    expect(report.convictions).toBe(3);
    expect(report.lines.map((l) => [l.convictionReference, l.state, l.status, l.overdue, l.dueOn])).toEqual([
      [acknowledged.meta.correlationId, 'FR', 'ACKNOWLEDGED', false, '2026-03-29'],
      [dropped.meta.correlationId, 'DE', 'MISSING', true, '2026-03-29'],
      [rejected.meta.correlationId, 'ES', 'REJECTED', true, '2026-03-29'],
    ]);

    // Within the 28 days the same gaps are listed, but nothing is overdue yet.
    const inTime = await ops(['reconcile', '--date', '2026-03-02', '--now', '2026-03-10T12:00:00Z'], testEnv(ns));
    expect(inTime.code).toBe(0);
    expect(inTime.stdout).toMatch(new RegExp(`${dropped.meta.correlationId}\\s+DE\\s+MISSING`));
    expect(inTime.stdout).toMatch(new RegExp(`${rejected.meta.correlationId}\\s+ES\\s+REJECTED\\s+${toSpain.messageId}`));
    expect(inTime.stdout).toContain('3 convictions of EU nationals owe 3 notifications; 1 acknowledged, 0 unacknowledged, 1 missing, 1 rejected');
  });
});
