/**
 * A consumer process that crashes on purpose, for the crash-recovery integration test: it applies each
 * record's database effect through the ledger, publishes its output, and then, once the broker has
 * acknowledged the output but before the offset is committed, kills itself with SIGKILL.
 * Test code only; started by crash-recovery.int.spec.ts with its settings in the environment.
 */
import { createLogger } from '@ecris/logging';
import { kafkaSettingsFromEnv } from '../kafka/kafka-settings';
import { KafkajsRecordSender } from '../kafka/kafkajs-record-sender';
import { openDatabase } from '../postgres/open-database';
import { PgEffectLedger } from '../idempotency/pg-effect-ledger';
import { PgPartitionClaims } from '../idempotency/partition-claims';
import type { RawOutboundRecord, RecordSender } from '../ports';
import { ConsumerRunner } from '../runner/consumer-runner';
import { CompactedTopicParkedKeys } from '../runner/parked-keys';
import { codec, echoTo } from './runner-harness';

async function main(): Promise<void> {
  const env = process.env as Record<string, string>;
  const settings = kafkaSettingsFromEnv('crash-child');
  const db = await openDatabase(env.DATABASE_URL);
  const sender = await KafkajsRecordSender.connect(settings);
  const crashAfterAck: RecordSender = {
    async send(records: readonly RawOutboundRecord[]) {
      await sender.send(records);
      if (records.some((record) => record.topic === env.TOPIC_OUT)) process.kill(process.pid, 'SIGKILL');
    },
  };
  const ledger = new PgEffectLedger(db);
  const claims = new PgPartitionClaims(db);
  const echo = echoTo(env.TOPIC_OUT);
  const runner = new ConsumerRunner({
    settings,
    group: env.GROUP,
    topics: [env.TOPIC_IN],
    service: { name: 'crash-child', version: '0' },
    codec,
    sender: crashAfterAck,
    handler: async (context) => {
      await ledger.applyOnce(
        {
          group: env.GROUP,
          topic: context.record.topic,
          partition: context.record.partition,
          offset: context.record.offset,
          eventId: context.meta.id,
          epoch: context.partitionEpoch!,
        },
        async (tx) => {
          await tx.query(`INSERT INTO ${env.EFFECT_TABLE} (event_id) VALUES ($1)`, [context.meta.id]);
        },
      );
      return echo(context);
    },
    logger: createLogger({ service: 'crash-child', level: 'silent' }),
    deadLetterTopic: env.DLQ,
    parkedKeys: await CompactedTopicParkedKeys.open(settings, env.PARKED),
    claimPartition: (topic, partition) => claims.claim(env.GROUP, topic, partition),
    // The broker's minimum: the survivor takes the partition over soon after this member is killed.
    sessionTimeoutMs: 6_000,
  });
  await runner.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-child failed: ${String(error)}\n`);
  process.exit(2);
});
