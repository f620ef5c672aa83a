import { consumerGroup } from '@ecris/contracts';
import { deadLetterRecord, KafkajsRecordSender, LogReader } from '@ecris/messaging';
import { provisionNamespace, testKafkaSettings } from '@ecris/testing';
import { MASK } from './masking';
import { firstMeta, fixture, operatorActions, operatorsFile, opsProcess, recordOf, SchemaNames, testEnv } from './testing/ops-test-kit';

/** The installed command, run as a child process with its stdout a pipe, as a script would run it. */
describe('ecris-ops as a command', () => {
  let ns: string;
  let coordinates: string;
  const not = fixture<{ person: { name: { forename: { text: string }; surname: { text: string } } } }>('message/fixtures/Notification.v1.json');
  const forename = not.person.name.forename.text;
  const surname = not.person.name.surname.text;

  beforeAll(async () => {
    ns = await provisionNamespace('ops-cli');
    const exchange = 'FR-GB-NOT-000000000000777';
    const record = recordOf(`${ns}ecris.inbound.v1`, exchange, SchemaNames.notification, not, firstMeta(exchange, 'uk.ecris.notification.received.v1', '/ecris-gateway', '2026-03-02T09:00:00.000Z'));
    const group = `${ns}${consumerGroup('notification-in').group}`;
    const letter = deadLetterRecord(
      { topic: record.topic, partition: 0, offset: '0', timestamp: String(Date.now()), key: Buffer.from(exchange), value: record.value, headers: record.headers },
      {
        group,
        service: 'notification-in',
        serviceVersion: '0.1.0',
        dlqTopic: `${group}.dlq`,
        failure: { disposition: 'poison', errorClass: 'business', code: 'UNANSWERABLE_NOTIFICATION', message: 'no sender code to answer' },
        attempts: 1,
        firstFailureAt: new Date().toISOString(),
        lastFailureAt: new Date().toISOString(),
      },
    );
    const sender = await KafkajsRecordSender.connect(testKafkaSettings());
    await sender.send([letter]);
    await sender.disconnect();
    // A single-record topic written once: the record is at offset 0 of whichever partition its key chose.
    coordinates = `${group}.dlq:${await partitionOf(`${group}.dlq`)}:0`;
  });

  async function partitionOf(topic: string): Promise<number> {
    const reader = await LogReader.connect(testKafkaSettings());
    try {
      return (await reader.partitions(topic)).find((p) => p.high === '1')!.partition;
    } finally {
      await reader.close();
    }
  }

  it('masks personal data by default: names never reach stdout, ids and codes do', async () => {
    const run = await opsProcess(['dlq', 'show', coordinates], testEnv(ns));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('dlq-error-code: UNANSWERABLE_NOTIFICATION');
    expect(run.stdout).toContain('payload: intact');
    expect(run.stdout).toContain('"messageId": "GB-FR-NOT-000000000000001"');
    expect(run.stdout).toContain(`"forename": "${MASK}"`);
    expect(run.stdout).not.toContain(forename);
    expect(run.stdout).not.toContain(surname);
    // A pipe gets no colour codes and no progress.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('refuses to unmask for an operator without the right, saying why, and shows nothing', async () => {
    const config = operatorsFile([{ id: 'OPS-A', rights: ['replay'] }]);
    const run = await opsProcess(['dlq', 'show', coordinates, '--unmask', '--reason', 'identity check'], testEnv(ns, { ECRIS_OPS_OPERATOR: 'OPS-A', ECRIS_OPS_CONFIG: config }));
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`refused: --unmask (dlq show) needs the "unmask" right, which ${config} does not give operator OPS-A`);
  });

  it('unmasks for an authorised operator with a reason, and records who looked and why', async () => {
    const config = operatorsFile([{ id: 'OPS-B', rights: ['unmask'] }]);
    const run = await opsProcess(['dlq', 'show', coordinates, '--unmask', '--reason', 'identity check', '--json'], testEnv(ns, { ECRIS_OPS_OPERATOR: 'OPS-B', ECRIS_OPS_CONFIG: config }));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ masked: false, decoded: { value: { person: { name: { surname: { text: surname } } } } } });
    const [viewed] = await operatorActions(ns, (actions) => actions.length === 1);
    expect(viewed).toMatchObject({ action: 'OTHER', actor: 'OPS-B', reason: 'identity check', details: { command: 'dlq show', unmasked: 'true' } });
    expect(viewed.targets).toEqual([{ topic: coordinates.split(':')[0], partition: Number(coordinates.split(':')[1]), offset: '0' }]);
  });
});
