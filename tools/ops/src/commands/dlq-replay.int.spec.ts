import { randomUUID } from 'node:crypto';
import { consumerGroup, SchemaNames } from '@ecris/contracts';
import { createLogger } from '@ecris/logging';
import {
  CompactedTopicParkedKeys,
  ConsumerRunner,
  KafkajsRecordSender,
  loadMigrations,
  messagingMigrationsDir,
  migrate,
  openDatabase,
  PgEffectLedger,
  PgPartitionClaims,
  PoisonError,
  type SqlDatabase,
} from '@ecris/messaging';
import type { RunningService } from '@ecris/service-kit';
import { eventually, provisionNamespace, testDatabaseUrl, testKafkaSettings } from '@ecris/testing';
import { firstMeta, fixture, codec, operatorActions, operatorsFile, ops, recordOf, startAuditIndex, testEnv } from '../testing/ops-test-kit';

/**
 * A real consumer (the messaging runner with the exactly-once ledger, as translation runs it) whose
 * handler rejects records as poison until their cause is "fixed"; its effect is a row per applied event.
 */
describe('ecris-ops dlq replay', () => {
  let ns: string;
  let group: string;
  let topic: string;
  let db: SqlDatabase;
  let auditIndex: RunningService;
  let runner: ConsumerRunner;
  let parkedKeys: CompactedTopicParkedKeys;
  let sender: KafkajsRecordSender;
  let fixed = false;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ns = await provisionNamespace('ops-replay');
    group = `${ns}${consumerGroup('translation').group}`;
    topic = `${ns}exchange.notification-in.translation-requested.v1`;
    env = testEnv(ns, { ECRIS_OPS_OPERATOR: 'OPS-TEST', ECRIS_OPS_CONFIG: operatorsFile([{ id: 'OPS-TEST', rights: ['replay'] }]) });
    db = await openDatabase(testDatabaseUrl());
    await migrate(db, await loadMigrations(messagingMigrationsDir));
    await db.query('CREATE SCHEMA IF NOT EXISTS ops_test; CREATE TABLE IF NOT EXISTS ops_test.replay_effects (consumer_group text NOT NULL, event_id text NOT NULL)');
    auditIndex = await startAuditIndex(ns);

    const settings = testKafkaSettings();
    sender = await KafkajsRecordSender.connect(settings);
    parkedKeys = await CompactedTopicParkedKeys.open(settings, `${group}.parked`);
    const ledger = new PgEffectLedger(db);
    const claims = new PgPartitionClaims(db);
    runner = new ConsumerRunner({
      settings,
      group,
      topics: [topic],
      service: { name: 'translation', version: '0.0.0-test' },
      codec,
      sender,
      logger: createLogger({ service: 'ops-replay-test', level: 'silent' }),
      deadLetterTopic: `${group}.dlq`,
      parkedKeys,
      claimPartition: (t, p) => claims.claim(group, t, p),
      handler: async ({ record, meta, partitionEpoch }) => {
        await ledger.applyOnce(
          { group, topic: record.topic, partition: record.partition, offset: record.offset, eventId: meta.id, epoch: partitionEpoch! },
          async (tx) => {
            if (!fixed) throw new PoisonError('business', 'NO_CODE_BOOK', 'no code book for the day of the notification');
            await tx.query('INSERT INTO ops_test.replay_effects VALUES ($1, $2)', [group, meta.id]);
          },
        );
      },
    });
    await runner.start();
  });

  afterAll(async () => {
    await runner?.stop();
    await parkedKeys?.close();
    await sender?.disconnect();
    await auditIndex?.close();
    await db?.close();
  });

  const effects = async (eventId: string) =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM ops_test.replay_effects WHERE consumer_group = $1 AND event_id = $2', [group, eventId])).rows[0].n);

  const deadLetters = async () => JSON.parse((await ops(['dlq', 'list', '--group', 'translation', '--json'], env)).stdout) as {
    deadLetter: string;
    errorClass: string;
    parkedBehind: string | null;
    replays: number;
  }[];

  /** Waits until the consumer has processed every copy of an action: its partition progress is past them. */
  async function consumed(actionId: string, copies: number): Promise<void> {
    let rows: { partition: number; record_offset: string }[] = [];
    await eventually(async () => {
      rows = (await db.query<{ partition: number; record_offset: string }>('SELECT partition, record_offset FROM audit.records WHERE replay_id = $1', [actionId])).rows;
      return rows.length === copies;
    }, 20_000, `${copies} copies of ${actionId} indexed`);
    await eventually(async () => {
      for (const row of rows) {
        const { rows: progress } = await db.query<{ next_offset: string | null }>(
          'SELECT next_offset FROM partition_progress WHERE consumer_group = $1 AND topic = $2 AND partition = $3',
          [group, topic, row.partition],
        );
        if (!progress[0]?.next_offset || BigInt(progress[0].next_offset) <= BigInt(row.record_offset)) return false;
      }
      return true;
    }, 20_000, 'the consumer past every copy');
  }

  it('applies a poisoned record once when replayed after its cause is fixed, and zero times when replayed again', async () => {
    const exchange = `ES-GB-NOT-${randomUUID().replace(/\D/g, '').padEnd(15, '0').slice(0, 15)}`;
    const request = fixture('exchange/fixtures/TranslationRequested.v2.json');
    const first = firstMeta(exchange, 'uk.ecris.exchange.translation-requested.v1', '/ecris-exchange/notification-in', '2026-03-02T09:00:00.000Z');
    const second = { ...first, id: randomUUID() };

    // The first is dead-lettered (its key parked); the second, same exchange, is parked behind it.
    await sender.send([recordOf(topic, exchange, SchemaNames.translationRequested, request, first)]);
    await sender.send([recordOf(topic, exchange, SchemaNames.translationRequested, request, second)]);
    await eventually(async () => (await deadLetters()).length === 2, 20_000, 'a dead letter and a parked record listed');
    const [letter, parked] = await deadLetters();
    expect(letter).toMatchObject({ errorClass: 'business', parkedBehind: null, replays: 0 });
    expect(parked).toMatchObject({ errorClass: 'parked', parkedBehind: expect.stringMatching(new RegExp(`^${topic}:\\d+:\\d+$`)) });

    fixed = true;
    const dry = await ops(['dlq', 'replay', '--filter', 'group=translation', '--dry-run', '--reason', 'code book loaded'], env);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain('would replay 2, 0 already applied');

    // Asking for the parked record alone brings the dead letter it waits behind, and replays both in order.
    const replay = await ops(['dlq', 'replay', parked.deadLetter, '--reason', 'code book loaded', '--json'], env);
    expect(replay.code).toBe(0);
    const done = JSON.parse(replay.stdout) as { actionId: string; replayed: number; records: { deadLetter: string; addedAsBlocker: boolean }[] };
    expect(done.records.map((r) => [r.deadLetter, r.addedAsBlocker])).toEqual([
      [letter.deadLetter, true],
      [parked.deadLetter, false],
    ]);
    await eventually(async () => (await effects(first.id)) === 1 && (await effects(second.id)) === 1, 20_000, 'both applied');
    await consumed(done.actionId, 2);

    const dryAgain = await ops(['dlq', 'replay', '--filter', 'group=translation', '--dry-run', '--reason', 'checking'], env);
    expect(dryAgain.stdout).toContain('would replay 2, 2 already applied');
    const again = await ops(['dlq', 'replay', '--all', '--group', 'translation', '--reason', 'replayed twice on purpose', '--json'], env);
    expect(again.code).toBe(0);
    await consumed((JSON.parse(again.stdout) as { actionId: string }).actionId, 2);

    expect([await effects(first.id), await effects(second.id)]).toEqual([1, 1]);
    // Never deleted from the DLQ: both dead letters are still there, each replayed twice.
    expect((await deadLetters()).map((d) => [d.deadLetter, d.replays])).toEqual([
      [letter.deadLetter, 2],
      [parked.deadLetter, 2],
    ]);
    const actions = await operatorActions(ns, (all) => all.filter((a) => a.action === 'REPLAY').length === 2);
    expect(actions.map((a) => [a.action, a.actor, a.reason, a.targets.length])).toEqual([
      ['REPLAY_DRY_RUN', 'OPS-TEST', 'code book loaded', 2],
      ['REPLAY', 'OPS-TEST', 'code book loaded', 2],
      ['REPLAY_DRY_RUN', 'OPS-TEST', 'checking', 2],
      ['REPLAY', 'OPS-TEST', 'replayed twice on purpose', 2],
    ]);
    expect(actions[1].exchangeId).toBe(exchange);
  });

  it('refuses a replay by an operator without the replay right, and one without a reason, saying why', async () => {
    const noRight = await ops(['dlq', 'replay', '--all', '--reason', 'x'], { ...env, ECRIS_OPS_OPERATOR: 'OPS-OTHER' });
    expect(noRight).toMatchObject({ code: 3, stdout: '' });
    expect(noRight.stderr).toContain('refused: a replay needs the "replay" right, and operator OPS-OTHER is not listed in');
    const noReason = await ops(['dlq', 'replay', '--all'], env);
    expect(noReason).toMatchObject({ code: 3, stderr: expect.stringContaining('needs --reason') });
  });
});
