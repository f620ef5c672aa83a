/**
 * Bench: how fast the audit index keeps up. N records (~1.4 KB TextTranslated) spread over the six
 * partitions of each of T topics of a fresh namespace, produced first, then the service started and
 * timed until every row is in audit.records; the insert sizes come from its own metric.
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 DATABASE_URL=postgres://postgres@127.0.0.1:5432/ecris_test \
 *     npx ts-node -P tools/tsconfig.json services/audit-index/bench/index.bench.ts [--records 20000] [--topics 3]
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allTopics, SchemaNames, toTopicSpec } from '@ecris/contracts';
import { AvroCodec, encodeOutbound, KafkaAdmin, KafkajsRecordSender, kafkaSettingsFromEnv, openDatabase, SchemaArchive } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR, startService } from '@ecris/service-kit';
import { definition } from '../src/audit-index.definition';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const RECORDS = option('records', 20_000);
const TOPICS = [
  'exchange.translation.text-translated.v1',
  'exchange.notification-in.translation-requested.v1',
  'register.register-update.register-updated.v1',
].slice(0, option('topics', 3));

const settings = kafkaSettingsFromEnv(`audit-bench-${randomUUID()}`);

/** Every registry topic under `ns`, or removes them again. */
async function namespaceTopics(ns: string, create: boolean): Promise<void> {
  const admin = new KafkaAdmin(settings);
  await admin.connect();
  try {
    const specs = allTopics().map((topic) => ({ ...toTopicSpec(topic), name: `${ns}${topic.name}` }));
    if (create) await admin.ensureTopics(specs);
    else await admin.deleteTopics(specs.map((spec) => spec.name));
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must be set');
  const ns = `audit-bench.${Date.now().toString(36)}.`;
  await namespaceTopics(ns, true);
  const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
  const value = JSON.parse(readFileSync(join(REPO_SCHEMAS_DIR, 'uk/ecris/exchange/fixtures/TextTranslated.v2.json'), 'utf8')) as object;
  const sender = await KafkajsRecordSender.connect(settings);
  for (let i = 0; i < RECORDS; i += 500) {
    await sender.send(
      Array.from({ length: Math.min(500, RECORDS - i) }, (_, j) => {
        const key = `X-${i + j}`;
        const meta = { id: randomUUID(), source: '/bench', type: 'uk.ecris.bench.v1', time: new Date().toISOString(), subject: key, correlationId: key, causationId: null, traceparent: null };
        // The same record type on every topic: what is measured is the index, not the schema.
        return encodeOutbound(codec, { topic: `${ns}${TOPICS[(i + j) % TOPICS.length]}`, key, schema: SchemaNames.textTranslated, value, meta });
      }),
    );
  }
  await sender.disconnect();

  const db = await openDatabase(url);
  const started = performance.now();
  const service = await startService(definition, { ...process.env, ECRIS_NAMESPACE: ns, HTTP_PORT: '0', LOG_LEVEL: 'silent' });
  try {
    for (;;) {
      const n = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM audit.records WHERE starts_with(topic, $1)', [ns])).rows[0].n);
      if (n >= RECORDS) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    const sum = Number(/ecris_audit_insert_rows_sum\{[^}]*\} ([0-9.e+]+)/.exec(metrics)?.[1]);
    const count = Number(/ecris_audit_insert_rows_count\{[^}]*\} ([0-9.e+]+)/.exec(metrics)?.[1]);
    console.log(
      `indexed ${RECORDS} records of ${TOPICS.length} topics x 6 partitions in ${seconds.toFixed(1)} s (service start included) = ${Math.round(RECORDS / seconds)} records/s; ` +
        `${count} inserts, ${(sum / count).toFixed(1)} rows per insert on average`,
    );
  } finally {
    await service.close();
    await db.query('DELETE FROM audit.records WHERE starts_with(topic, $1)', [ns]);
    await db.close();
    await namespaceTopics(ns, false);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
