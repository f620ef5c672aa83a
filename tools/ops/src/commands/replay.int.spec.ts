import { randomUUID } from 'node:crypto';
import { KafkajsRecordSender, REPLAY_HEADERS } from '@ecris/messaging';
import { provisionNamespace, readUntil, testKafkaSettings } from '@ecris/testing';
import { firstMeta, fixture, operatorActions, operatorsFile, ops, recordOf, SchemaNames, testEnv } from '../testing/ops-test-kit';

describe('ecris-ops replay (a range, for one group)', () => {
  let ns: string;
  let topic: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ns = await provisionNamespace('ops-range', 1);
    topic = `${ns}exchange.translation.text-translated.v1`;
    env = testEnv(ns, { ECRIS_OPS_OPERATOR: 'OPS-R', ECRIS_OPS_CONFIG: operatorsFile([{ id: 'OPS-R', rights: ['replay'] }]) });
    const sender = await KafkajsRecordSender.connect(testKafkaSettings());
    const translated = fixture('exchange/fixtures/TextTranslated.v2.json');
    const records = Array.from({ length: 6 }, (_, i) =>
      recordOf(topic, `X-${i}`, SchemaNames.textTranslated, translated, { ...firstMeta(`X-${i}`, 'uk.ecris.exchange.text-translated.v1', '/ecris-exchange/translation', '2026-03-02T09:00:00.000Z'), id: randomUUID() }),
    );
    await sender.send(records);
    await sender.disconnect();
  });

  it('re-publishes the records of the range, unchanged and marked as replays of their own coordinates; a dry run sends nothing', async () => {
    const dry = await ops(['replay', '--group', 'register-update', '--topic', 'exchange.translation.text-translated.v1', '--from', '2', '--to', '5', '--dry-run', '--reason', 'check'], env);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain(`would replay 3, 0 already applied by ${ns}ecris-exchange.register-update`);

    const run = await ops(['replay', '--group', 'register-update', '--topic', 'exchange.translation.text-translated.v1', '--from', '2', '--to', '5', '--reason', 'bug 42 fixed', '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ replayed: 3, ranges: [{ topic, partition: 0, from: '2', to: '5' }] });

    const all = await readUntil(topic, (records) => records.length === 9);
    const originals = all.slice(0, 6);
    const copies = all.slice(6);
    expect(copies.map((c) => c.headers[REPLAY_HEADERS.replayOf]?.toString())).toEqual([`${topic}:0:2`, `${topic}:0:3`, `${topic}:0:4`]);
    copies.forEach((copy, i) => {
      expect(copy.key).toEqual(originals[i + 2].key);
      expect(copy.value).toEqual(originals[i + 2].value);
      expect(copy.headers.ce_id).toEqual(originals[i + 2].headers.ce_id);
      expect(copy.headers[REPLAY_HEADERS.replayedBy]?.toString()).toBe('OPS-R');
    });
    const actions = await operatorActions(ns, (found) => found.length === 2);
    expect(actions.map((a) => [a.action, a.details.group, a.details.ranges])).toEqual([
      ['REPLAY_DRY_RUN', `${ns}ecris-exchange.register-update`, `${topic}:0:2-5`],
      ['REPLAY', `${ns}ecris-exchange.register-update`, `${topic}:0:2-5`],
    ]);
  });

  it('takes a time for --from, and refuses a topic the group does not read', async () => {
    const wrong = await ops(['replay', '--group', 'register-update', '--topic', 'ecris.inbound.v1', '--from', '0', '--reason', 'x'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('is not an input of group register-update');
    const future = await ops(['replay', '--group', 'register-update', '--topic', 'exchange.translation.text-translated.v1', '--from', new Date(Date.now() + 3_600_000).toISOString(), '--dry-run', '--reason', 'x', '--json'], env);
    expect(JSON.parse(future.stdout)).toMatchObject({ ranges: [], wouldReplay: 0 });
    const past = await ops(['replay', '--group', 'register-update', '--topic', 'exchange.translation.text-translated.v1', '--from', '2026-01-01', '--count', '2', '--dry-run', '--reason', 'x', '--json'], env);
    expect(JSON.parse(past.stdout)).toMatchObject({ ranges: [{ topic, partition: 0, from: '0', to: '2' }], wouldReplay: 2 });
  });
});
