/**
 * Bench: replay throughput (issue 6: "at least 2,000 records per second"), on the real broker and
 * PostgreSQL, on a namespace of its own (deleted afterwards):
 * - range replay: N TextTranslated records (~1.3 KB, realistic fixtures) re-published for one group
 *   (ecris-ops replay --group register-update --from 0 --rate R);
 * - dead-letter replay: N dead letters of translation, indexed by the audit index, replayed with
 *   ecris-ops dlq replay --all --group translation --rate R (select from the index, read by coordinates,
 *   check every payload hash, look the inbox up, produce).
 * R is 0 (no throttle: what the tool can do) unless --rate is given. Records per second count the
 * replay itself, from the command's start to the broker's last acknowledgement.
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 DATABASE_URL=postgres://postgres@127.0.0.1:5432/ecris_test \
 *     npx ts-node -P tools/tsconfig.json tools/ops/bench/replay.bench.ts [--records 10000] [--rate 0]
 */
import { randomUUID } from 'node:crypto';
import { allTopics, SchemaNames } from '@ecris/contracts';
import { deadLetterRecord, KafkajsRecordSender, openDatabase, type RawOutboundRecord } from '@ecris/messaging';
import { deleteTestTopics, provisionNamespace, testKafkaSettings } from '@ecris/testing';
import { runCli } from '../src/cli';
import { firstMeta, fixture, operatorsFile, recordOf, startAuditIndex } from '../src/testing/ops-test-kit';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const RECORDS = option('records', 10_000);
const RATE = option('rate', 0);

async function produce(records: readonly RawOutboundRecord[]): Promise<void> {
  const sender = await KafkajsRecordSender.connect(testKafkaSettings());
  for (let i = 0; i < records.length; i += 500) await sender.send(records.slice(i, i + 500));
  await sender.disconnect();
}

async function timed(args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; output: string }> {
  let output = '';
  const started = performance.now();
  const code = await runCli(args, env, { stdout: { write: (t: string) => (output += t) }, stderr: { write: (t: string) => process.stderr.write(t) } });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`ecris-ops ${args.join(' ')} exited ${code}`);
  return { seconds, output };
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must be set (the audit index and the inbox)');
  const ns = await provisionNamespace('ops-bench');
  const env = {
    ...process.env,
    ECRIS_NAMESPACE: ns,
    ECRIS_OPS_OPERATOR: 'OPS-BENCH',
    ECRIS_OPS_CONFIG: operatorsFile([{ id: 'OPS-BENCH', rights: ['replay'] }]),
  };
  const auditIndex = await startAuditIndex(ns);
  try {
    const translated = fixture('exchange/fixtures/TextTranslated.v2.json');
    const meta = (i: number) => ({ ...firstMeta(`X-${i}`, 'uk.ecris.exchange.text-translated.v1', '/ecris-exchange/translation', '2026-03-02T09:00:00.000Z'), id: randomUUID() });
    const records = Array.from({ length: RECORDS }, (_, i) => recordOf(`${ns}exchange.translation.text-translated.v1`, `X-${i}`, SchemaNames.textTranslated, translated, meta(i)));
    await produce(records);
    const range = await timed(['replay', '--group', 'register-update', '--from', '0', '--rate', String(RATE), '--reason', 'bench', '--json'], env);
    const replayed = (JSON.parse(range.output) as { replayed: number }).replayed;
    console.log(`range replay: ${replayed} records (${records[0].value!.length} bytes each) in ${range.seconds.toFixed(2)} s = ${Math.round(replayed / range.seconds)} records/s`);

    const group = `${ns}ecris-exchange.translation`;
    const letters = records.map((record, i) =>
      deadLetterRecord(
        { topic: `${ns}exchange.notification-in.translation-requested.v1`, partition: 0, offset: String(i), timestamp: String(Date.now()), key: Buffer.from(String(record.key)), value: record.value, headers: record.headers },
        {
          group,
          service: 'translation',
          serviceVersion: 'bench',
          dlqTopic: `${group}.dlq`,
          failure: { disposition: 'poison', errorClass: 'business', code: 'BENCH', message: 'bench' },
          attempts: 1,
          firstFailureAt: new Date().toISOString(),
          lastFailureAt: new Date().toISOString(),
        },
      ),
    );
    await produce(letters);
    const db = await openDatabase(process.env.DATABASE_URL);
    const indexedStart = performance.now();
    for (;;) {
      const n = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit.records WHERE topic = $1`, [`${group}.dlq`])).rows[0].n);
      if (n === RECORDS) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`audit index: ${RECORDS} dead letters indexed ${((performance.now() - indexedStart) / 1000).toFixed(1)} s after the last was produced`);
    const dlq = await timed(['dlq', 'replay', '--all', '--group', 'translation', '--rate', String(RATE), '--reason', 'bench', '--json'], env);
    const dlqReplayed = (JSON.parse(dlq.output) as { replayed: number }).replayed;
    console.log(`dlq replay: ${dlqReplayed} dead letters in ${dlq.seconds.toFixed(2)} s = ${Math.round(dlqReplayed / dlq.seconds)} records/s`);
    await db.close();
  } finally {
    await auditIndex.close();
    const db = await openDatabase(process.env.DATABASE_URL);
    await db.query('DELETE FROM audit.records WHERE starts_with(topic, $1)', [ns]);
    await db.close();
    await deleteTestTopics(allTopics().map((topic) => `${ns}${topic.name}`));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
