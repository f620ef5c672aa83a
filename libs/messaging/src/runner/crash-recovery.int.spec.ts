import { join } from 'node:path';
import { eventually, readUntil, runTsUntilExit, testDatabaseUrl, testKafkaSettings } from '@ecris/testing';
import { openDatabase } from '../postgres/open-database';
import { migrate } from '../postgres/migrate';
import { loadMigrations } from '../postgres/migrations';
import { messagingMigrationsDir } from '../postgres/messaging-migrations';
import type { SqlDatabase } from '../postgres/sql-database';
import { PgEffectLedger } from '../idempotency/pg-effect-ledger';
import { PgPartitionClaims } from '../idempotency/partition-claims';
import { KafkaAdmin } from '../kafka/kafka-admin';
import { CE_HEADERS } from '../cloudevents/headers';
import { freshTopics, publish, startTestRunner, testEvent, type RunningTestRunner } from '../testing/runner-harness';

describe('a consumer killed after producing but before committing', () => {
  let db: SqlDatabase;
  let running: RunningTestRunner | undefined;

  beforeAll(async () => {
    db = await openDatabase(testDatabaseUrl());
    await migrate(db, await loadMigrations(messagingMigrationsDir));
  });

  afterAll(async () => {
    await running?.stop();
    await db.close();
  });

  it('re-delivers the record, and with the inbox its effect happens exactly once', async () => {
    const topics = await freshTopics('crash-recovery', 1);
    const effectTable = `crash_effect_${topics.group.replace(/[^a-z0-9]/g, '_')}`;
    await db.query(`CREATE TABLE ${effectTable} (event_id text NOT NULL)`);
    await publish([testEvent(topics.input, 'CRASH', 1)]);

    const signal = await runTsUntilExit(join(__dirname, '..', 'testing', 'crash-child.ts'), {
      KAFKA_BROKERS: testKafkaSettings().brokers.join(','),
      DATABASE_URL: testDatabaseUrl(),
      TOPIC_IN: topics.input,
      TOPIC_OUT: topics.output,
      DLQ: topics.dlq,
      PARKED: topics.parked,
      GROUP: topics.group,
      EFFECT_TABLE: effectTable,
    }, 60_000);
    expect(signal).toBe('SIGKILL');

    // It died with its output acknowledged and its effect committed, but no offset committed.
    const [output] = await readUntil(topics.output, (records) => records.length >= 1);
    const admin = new KafkaAdmin(testKafkaSettings());
    await admin.connect();
    const committedBefore = await admin.committedOffsets(topics.group, topics.input);
    expect(committedBefore.get(0)).toBe('-1');

    // A new member of the same group gets the record again and goes through the same ledger.
    const ledger = new PgEffectLedger(db);
    const claims = new PgPartitionClaims(db);
    const outcomes: string[] = [];
    running = await startTestRunner(
      topics,
      async (context) => {
        outcomes.push(
          await ledger.applyOnce(
            {
              group: topics.group,
              topic: context.record.topic,
              partition: context.record.partition,
              offset: context.record.offset,
              eventId: context.meta.id,
              epoch: context.partitionEpoch!,
            },
            async (tx) => {
              await tx.query(`INSERT INTO ${effectTable} (event_id) VALUES ($1)`, [context.meta.id]);
            },
          ),
        );
      },
      { claimPartition: (topic, partition) => claims.claim(topics.group, topic, partition) },
    );

    await eventually(async () => (await admin.committedOffsets(topics.group, topics.input)).get(0) === '1', 20_000, 'offset 1 committed');
    await admin.disconnect();
    const { rows } = await db.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${effectTable}`);
    expect(rows[0].count).toBe('1');
    // The stored progress told the new member the record was already applied: it was not handled again.
    expect(outcomes).toEqual([]);
    expect(output.headers[CE_HEADERS.causationId]?.toString()).toBe('CRASH-1');
    await db.query(`DROP TABLE ${effectTable}`);
  });
});
