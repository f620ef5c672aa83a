/**
 * A crash of register-update between its database commit and its offset commit leaves exactly one
 * effect. A child process runs the real service with a fault point (testing/crash-after-commit.main.ts)
 * that SIGKILLs it right after the ledger commits; a restarted service then takes the partition over.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SchemaNames, groupIdOf, type RegisterUpdated } from '@ecris/contracts';
import {
  AvroCodec,
  KafkaAdmin,
  KafkajsRecordSender,
  metaToHeaders,
  openDatabase,
  SchemaArchive,
  TopicTail,
  type ConsumedRecord,
  type SqlDatabase,
} from '@ecris/messaging';
import { REPO_SCHEMAS_DIR, startService, type RunningService } from '@ecris/service-kit';
import { eventually, provisionNamespace, testDatabaseUrl, testKafkaSettings } from '@ecris/testing';
import { registerUpdateDefinition } from './definition';
import { convictionRecorded, uniqueSerial, uniqueSurname } from './testing/fixtures';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));

function runCrashingService(env: Record<string, string>): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', join(__dirname, 'testing', 'crash-after-commit.main.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, TS_NODE_PROJECT: join(REPO_ROOT, 'tools', 'tsconfig.json') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the crashing service did not crash within 90 s'));
    }, 90_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

async function readAll(topic: string): Promise<ConsumedRecord[]> {
  const tail = await TopicTail.start(testKafkaSettings(), [topic]);
  try {
    await tail.catchUp(15_000);
    return [...tail.records];
  } finally {
    await tail.stop();
  }
}

describe('register-update killed between its database commit and its offset commit', () => {
  let restarted: RunningService | undefined;
  let admin: KafkaAdmin | undefined;
  let db: SqlDatabase | undefined;

  afterAll(async () => {
    await restarted?.close();
    await admin?.disconnect();
    await db?.close();
  });

  it('leaves exactly one effect once a restarted service has taken over', async () => {
    const ns = await provisionNamespace('register-update-crash');
    const env = { ECRIS_NAMESPACE: ns, HTTP_PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaSettings().brokers.join(',') };
    const recorded = convictionRecorded(`T${uniqueSerial()}`, { surname: uniqueSurname('Crash') });
    const reference = recorded.convictionReference;
    const sender = await KafkajsRecordSender.connect(testKafkaSettings());
    await sender.send([
      { topic: `${ns}courts.convictions.v1`, key: reference, value: codec.encode(SchemaNames.convictionRecorded, recorded), headers: metaToHeaders(recorded.meta) },
    ]);
    await sender.disconnect();

    expect(await runCrashingService(env)).toBe('SIGKILL');

    // It died with the effect committed (inbox row, conviction, outbox row) and no offset committed.
    const group = `${ns}${groupIdOf('register-update')}`;
    const topic = `${ns}courts.convictions.v1`;
    db = await openDatabase(testDatabaseUrl());
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
      updates = (await readAll(`${ns}register.register-update.register-updated.v1`)).map((r) => codec.decode<RegisterUpdated>(r.value).value);
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
