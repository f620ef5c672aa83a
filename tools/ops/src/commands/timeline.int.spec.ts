import { consumerGroup } from '@ecris/contracts';
import { deadLetterRecord, KafkajsRecordSender } from '@ecris/messaging';
import type { RunningService } from '@ecris/service-kit';
import { provisionNamespace, testKafkaSettings } from '@ecris/testing';
import { MASK } from '../masking';
import { firstMeta, fixture, indexed, ops, outputMeta, recordOf, SchemaNames, startAuditIndex, testEnv } from '../testing/ops-test-kit';

interface TimelineJson {
  steps: { topic: string; type: string; marks: string[]; ceId: string; decoded?: { value: Record<string, unknown> } }[];
  gaps: { text: string }[];
  errors: number;
}

describe('ecris-ops timeline', () => {
  let ns: string;
  let auditIndex: RunningService;
  let sender: KafkajsRecordSender;

  beforeAll(async () => {
    ns = await provisionNamespace('ops-timeline');
    auditIndex = await startAuditIndex(ns);
    sender = await KafkajsRecordSender.connect(testKafkaSettings());
  });

  afterAll(async () => {
    await sender?.disconnect();
    await auditIndex?.close();
  });

  it('lists every step of an exchange that went through notification-in, translation and register-update, in order', async () => {
    const exchange = `FR-GB-NOT-${String(Date.now()).padStart(15, '0')}`;
    const time = '2026-03-02T09:00:00.000Z';
    const notMeta = firstMeta(exchange, 'uk.ecris.notification.received.v1', '/ecris-gateway', time);
    const not = fixture('message/fixtures/Notification.v1.json');
    not.header = { ...(not.header as object), messageId: exchange, sender: 'FR', receiver: 'GB' };
    const nrs = fixture('message/fixtures/NotificationResponse.v1.json');
    nrs.header = { ...(nrs.header as object), messageId: `GB-FR-NRS-${exchange.slice(-15)}`, responseTo: exchange, sender: 'GB', receiver: 'FR' };
    const nrsMeta = outputMeta(notMeta, 'nrs', '/ecris-exchange/notification-in', 'uk.ecris.notification.acknowledged.v1');
    const requestedMeta = outputMeta(notMeta, 'translate', '/ecris-exchange/notification-in', 'uk.ecris.exchange.translation-requested.v1');
    const translatedMeta = outputMeta(requestedMeta, 'text', '/ecris-exchange/translation', 'uk.ecris.exchange.text-translated.v1');
    const updatedMeta = outputMeta(translatedMeta, 'update', '/ecris-exchange/register-update', 'uk.ecris.register.register-updated.v1');

    // As the services write them, each after its cause (one send keeps that order per partition).
    await sender.send([recordOf(`${ns}ecris.inbound.v1`, exchange, SchemaNames.notification, not, notMeta)]);
    await sender.send([
      recordOf(`${ns}ecris.outbound.v1`, exchange, SchemaNames.notificationResponse, nrs, nrsMeta),
      recordOf(`${ns}exchange.notification-in.translation-requested.v1`, exchange, SchemaNames.translationRequested, fixture('exchange/fixtures/TranslationRequested.v2.json'), requestedMeta),
    ]);
    await sender.send([recordOf(`${ns}exchange.translation.text-translated.v1`, exchange, SchemaNames.textTranslated, fixture('exchange/fixtures/TextTranslated.v2.json'), translatedMeta)]);
    await sender.send([recordOf(`${ns}register.register-update.register-updated.v1`, exchange, SchemaNames.registerUpdated, fixture('register/fixtures/RegisterUpdated.v1.json'), updatedMeta)]);
    await indexed(ns, exchange, 5);

    const run = await ops(['timeline', exchange, '--json'], testEnv(ns));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const story = JSON.parse(run.stdout) as TimelineJson;
    expect(story.steps.map((s) => [s.topic, s.type, s.ceId])).toEqual([
      [`${ns}ecris.inbound.v1`, 'NOT', notMeta.id],
      [`${ns}ecris.outbound.v1`, 'NRS', nrsMeta.id],
      [`${ns}exchange.notification-in.translation-requested.v1`, 'TranslationRequested', requestedMeta.id],
      [`${ns}exchange.translation.text-translated.v1`, 'TextTranslated', translatedMeta.id],
      [`${ns}register.register-update.register-updated.v1`, 'RegisterUpdated', updatedMeta.id],
    ]);
    expect(story.gaps).toEqual([]);
    expect(story.errors).toBe(0);

    // Decoded from the log by coordinates, the person masked.
    const decoded = JSON.parse((await ops(['timeline', exchange, '--decode', '--json'], testEnv(ns))).stdout) as TimelineJson;
    const notValue = decoded.steps[0].decoded!.value as { header: { messageId: string }; person: { name: unknown; nationalityRefs: string[] } };
    expect(notValue.header.messageId).toBe(exchange);
    expect(notValue.person.name).toEqual({ forename: MASK, surname: MASK, secondSurname: null, fullName: null });
    expect(JSON.stringify(decoded)).not.toMatch(/Jean|Exemple|Lyon/);
    expect(notValue.person.nationalityRefs).toEqual(['CO-00-250-FRA']);

    const human = await ops(['timeline', exchange], testEnv(ns));
    expect(human.stdout).toMatch(/^TIME\s+TOPIC\s+P:OFFSET\s+TYPE/);
    expect(human.stdout).toContain('5 steps, 0 gaps, 0 errors');
  });

  it('marks the gap of a NOT sent with no NRS and the dead letter of its exchange', async () => {
    const exchange = `GB-DE-NOT-${String(Date.now()).padStart(15, '0')}`;
    const notMeta = firstMeta(exchange, 'uk.ecris.notification.sent.v1', '/ecris-exchange/notification-out', '2026-03-02T09:00:00.000Z');
    const not = fixture('message/fixtures/Notification.v1.json');
    not.header = { ...(not.header as object), messageId: exchange, receiver: 'DE' };
    const fem = fixture('message/fixtures/FunctionalError.v1.json');
    const femMeta = firstMeta(exchange, 'uk.ecris.message.received.v1', '/ecris-gateway', '2026-03-03T09:00:00.000Z');
    const femRecord = recordOf(`${ns}ecris.inbound.v1`, exchange, SchemaNames.functionalError, fem, femMeta);
    const group = `${ns}${consumerGroup('notification-out').group}`;
    const letter = deadLetterRecord(
      { topic: femRecord.topic, partition: 0, offset: '0', timestamp: String(Date.now()), key: Buffer.from(exchange), value: femRecord.value, headers: femRecord.headers },
      {
        group,
        service: 'notification-out',
        serviceVersion: '0.1.0',
        dlqTopic: `${group}.dlq`,
        failure: { disposition: 'poison', errorClass: 'business', code: 'UNANSWERABLE', message: 'no id to answer' },
        attempts: 1,
        firstFailureAt: new Date().toISOString(),
        lastFailureAt: new Date().toISOString(),
      },
    );
    await sender.send([recordOf(`${ns}ecris.outbound.v1`, exchange, SchemaNames.notification, not, notMeta)]);
    await sender.send([letter]);
    await indexed(ns, exchange, 2);

    const run = await ops(['timeline', exchange], testEnv(ns));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 steps, 1 gaps, 1 errors');
    expect(run.stdout).toMatch(/GAP: NOT sent \(.*ecris\.outbound\.v1:\d+:\d+\) with no NRS received/);
    expect(run.stdout).toContain(`DEAD LETTER of ${group}: business/UNANSWERABLE; not replayed`);
  });

  it('says so when the index has nothing of the exchange', async () => {
    const run = await ops(['timeline', 'XX-GB-NOT-000000000000000'], testEnv(ns));
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: 'ecris-ops: the audit index has no record of exchange XX-GB-NOT-000000000000000\n' });
  });
});
