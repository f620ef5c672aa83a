/**
 * A crash of register-update between its database commit and its offset commit leaves exactly one
 * effect. A child process runs the real service with a fault point (testing/crash-after-commit.main.ts)
 * that SIGKILLs it right after the ledger commits; a restarted service then takes the partition over.
 */
import { join } from 'node:path';
import { SchemaNames, groupIdOf, type RegisterUpdated } from '@ecris/contracts';
import { KafkaAdmin, openDatabase, type SqlDatabase } from '@ecris/messaging';
import { startService, type RunningService } from '@ecris/service-kit';
import {
  eventually,
  freshTestDatabase,
  provisionNamespace,
  publishTestRecords,
  readToEnd,
  runTsUntilExit,
  testCodec,
  testKafkaSettings,
  type TestDatabase,
} from '@ecris/testing';
import { registerUpdateDefinition } from './definition';
import { convictionRecorded, uniqueSerial, uniqueSurname } from './testing/fixtures';

describe('register-update killed between its database commit and its offset commit', () => {
  let restarted: RunningService | undefined;
  let admin: KafkaAdmin | undefined;
  let db: SqlDatabase | undefined;
  let database: TestDatabase | undefined;

  afterAll(async () => {
    await restarted?.close();
    await admin?.disconnect();
    await db?.close();
    await database?.drop();
  });

  it('leaves exactly one effect once a restarted service has taken over', async () => {
    // The crashing child and the restarted service share one namespace and one database of this file's own.
    const ns = await provisionNamespace('register-update-crash');
    database = await freshTestDatabase('register-update-crash');
    const env = { ECRIS_NAMESPACE: ns, HTTP_PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: database.url, KAFKA_BROKERS: testKafkaSettings().brokers.join(',') };
    const recorded = convictionRecorded(`T${uniqueSerial()}`, { surname: uniqueSurname('Crash') });
    const reference = recorded.convictionReference;
    await publishTestRecords(ns, [{ topic: 'courts.convictions.v1', key: reference, schema: SchemaNames.convictionRecorded, value: recorded }]);

    expect(await runTsUntilExit(join(__dirname, 'testing', 'crash-after-commit.main.ts'), env, 90_000)).toBe('SIGKILL');

    // It died with the effect committed (inbox row, conviction, outbox row) and no offset committed.
    const group = `${ns}${groupIdOf('register-update')}`;
    const topic = `${ns}courts.convictions.v1`;
    db = await openDatabase(database.url);
    const inbox = await inboxRowsOf(db, group, recorded.meta.id);
    expect(inbox).toHaveLength(1);
    const partition = inbox[0]!.partition;
    const next = String(Number(inbox[0]!.record_offset) + 1);
    admin = new KafkaAdmin(testKafkaSettings());
    await admin.connect();
    expect((await admin.committedOffsets(group, topic)).get(partition)).toBe('-1');

    restarted = await startService(registerUpdateDefinition, { ...process.env, ...env });
    // The restarted member gets the partition once the dead one's session expires, resumes from the
    // progress stored with the effect, and the record's offset is committed without a second effect.
    await eventually(async () => (await admin!.committedOffsets(group, topic)).get(partition) === next, 60_000, 'offset committed');
    expect(await inboxRowsOf(db, group, recorded.meta.id)).toHaveLength(1);
    const { rows } = await db.query<{ convictions: string; versions: string }>(
      `SELECT count(DISTINCT c.conviction_id)::text AS convictions, count(*)::text AS versions
         FROM register.convictions c JOIN register.conviction_versions v USING (conviction_id)
        WHERE c.court_reference = $1`,
      [reference],
    );
    expect(rows[0]).toEqual({ convictions: '1', versions: '1' });

    // The RegisterUpdated queued in the outbox before the crash goes out once the relay runs again.
    let updates: RegisterUpdated[] = [];
    await eventually(async () => {
      updates = (await readToEnd(`${ns}register.register-update.register-updated.v1`)).map((r) => testCodec().decode<RegisterUpdated>(r.value).value);
      return updates.length > 0;
    });
    expect(new Set(updates.map((u) => u.meta.id)).size).toBe(1);
    expect(updates[0]).toMatchObject({ convictionId: reference, change: 'CREATED', entryVersion: 1 });
  });
});

async function inboxRowsOf(db: SqlDatabase, group: string, eventId: string) {
  const { rows } = await db.query<{ partition: number; record_offset: string }>(
    'SELECT partition, record_offset FROM inbox WHERE consumer_group = $1 AND event_id = $2',
    [group, eventId],
  );
  return rows;
}
