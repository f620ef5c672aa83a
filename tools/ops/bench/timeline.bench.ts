/**
 * Bench: one exchange's timeline with a million records indexed (issue 6: "under 1 second").
 * A database of its own (ecris_audit_bench, on the server of DATABASE_URL) gets the audit index's own
 * migration and a million rows from generate_series: 100,000 exchanges of 10 records each, spread over
 * eight topics and six partitions and interleaved in time, 1% of them dead letters, each linked to its
 * cause. Then the timeline is asked for random exchanges: the index query alone, and the whole command
 * as an operator runs it (ecris-ops timeline <id> --json, in-process: connect, query, analyse, print).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ecris_test npx ts-node -P tools/tsconfig.json tools/ops/bench/timeline.bench.ts [--keep]
 *
 * The bench database (about 750 MB) is dropped at the end unless --keep is given; a kept one is reused.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { loadMigrations, migrate, openDatabase } from '@ecris/messaging';
import { AuditIndex } from '../src/audit-index';
import { runCli } from '../src/cli';
import { analyseExchange } from '../src/timeline-analysis';

const ROWS = 1_000_000;
const PER_EXCHANGE = 10;
const EXCHANGES = ROWS / PER_EXCHANGE;
const BENCH_DATABASE = 'ecris_audit_bench';

const exchangeId = (n: number) => `GB-FR-NOT-${String(n).padStart(15, '0')}`;

async function dropDatabase(serverUrl: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`);
  await admin.end();
}

async function ensureDatabase(serverUrl: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
  if (rowCount === 0) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

/**
 * Row i belongs to exchange (i * 7919) mod 100,000 (7919 is prime to 100,000, so each exchange gets
 * exactly ten rows, scattered over the whole load as real traffic interleaves); its cause is the row
 * before it in the same exchange.
 */
const LOAD = `
  INSERT INTO audit.records (topic, partition, record_offset, record_time, record_key, correlation_id, ce_id, ce_type, ce_time,
    ce_source, ce_subject, causation_id, has_ce_headers, value_schema, value_schema_version, value_bytes,
    dlq_consumer_group, dlq_error_class, dlq_error_code, dlq_original_topic, dlq_original_partition, dlq_original_offset)
  SELECT (ARRAY['ecris.inbound.v1','ecris.outbound.v1','courts.convictions.v1','exchange.notification-in.translation-requested.v1',
                'exchange.translation.text-translated.v1','register.register-update.register-updated.v1','ops.actions.v1',
                'ecris-exchange.translation.dlq'])[(1 + (i / ${EXCHANGES}) % 8)::int],
         i % 6, i,
         timestamptz '2026-01-01T00:00:00Z' + i * interval '25 ms',
         'GB-FR-NOT-' || lpad(((i * 7919) % ${EXCHANGES})::text, 15, '0'),
         'GB-FR-NOT-' || lpad(((i * 7919) % ${EXCHANGES})::text, 15, '0'),
         md5(i::text)::uuid::text,
         'uk.ecris.bench.step' || (i / ${EXCHANGES}) || '.v1',
         timestamptz '2026-01-01T00:00:00Z' + i * interval '25 ms',
         '/ecris-exchange/bench',
         'GB-FR-NOT-' || lpad(((i * 7919) % ${EXCHANGES})::text, 15, '0'),
         CASE WHEN i >= ${EXCHANGES} THEN md5((i - ${EXCHANGES})::text)::uuid::text END,
         true, 'uk.ecris.message.Notification', 1, 1800,
         CASE WHEN i % 100 = 7 THEN 'ecris-exchange.translation' END,
         CASE WHEN i % 100 = 7 THEN 'business' END,
         CASE WHEN i % 100 = 7 THEN 'BENCH' END,
         CASE WHEN i % 100 = 7 THEN 'exchange.notification-in.translation-requested.v1' END,
         CASE WHEN i % 100 = 7 THEN 0 END,
         CASE WHEN i % 100 = 7 THEN i END
    FROM generate_series(0::bigint, ${ROWS - 1}) AS i`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label}: p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms (${samples.length} runs)`;
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL must name a PostgreSQL server (the bench creates its own database there)');
  const url = await ensureDatabase(serverUrl);
  const db = await openDatabase(url);
  await migrate(db, await loadMigrations(join(__dirname, '..', '..', '..', 'services', 'audit-index', 'migrations')));

  const count = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM audit.records')).rows[0].n);
  if (count !== ROWS) {
    await db.query('TRUNCATE audit.records');
    const started = Date.now();
    await db.query(LOAD);
    await db.query('ANALYZE audit.records');
    console.log(`loaded ${ROWS} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const size = (await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('audit.records')) AS size`)).rows[0].size;
  console.log(`audit.records: ${ROWS} rows, ${size} with indexes`);

  const index = new AuditIndex(db, '');
  const random = () => exchangeId(Math.floor(Math.random() * EXCHANGES));
  const query: number[] = [];
  const whole: number[] = [];
  for (let run = 0; run < 300; run++) {
    const id = random();
    const started = performance.now();
    const rows = await index.exchange(id);
    query.push(performance.now() - started);
    if (rows.length !== PER_EXCHANGE) throw new Error(`exchange ${id} has ${rows.length} rows, expected ${PER_EXCHANGE}`);
    await index.linkedExchanges(id, rows);
    analyseExchange(rows, '');
    whole.push(performance.now() - started);
  }
  const plan = (await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM audit.records WHERE correlation_id = $1 AND starts_with(topic, '') ORDER BY record_time, topic, partition, record_offset`,
    [random()],
  )).rows.map((row) => row['QUERY PLAN']);
  await db.close();

  const command: number[] = [];
  const sink = { write: () => true };
  for (let run = 0; run < 50; run++) {
    const started = performance.now();
    const code = await runCli(['timeline', random(), '--json'], { DATABASE_URL: url, KAFKA_BROKERS: process.env.KAFKA_BROKERS }, { stdout: sink, stderr: { write: (t: string) => process.stderr.write(t) } });
    command.push(performance.now() - started);
    if (code !== 0) throw new Error(`ecris-ops timeline exited ${code}`);
  }

  console.log(stats('index query (one exchange of 10 rows)', query));
  console.log(stats('timeline: query + linked exchanges + analysis', whole));
  console.log(stats('ecris-ops timeline <id> --json (connect, query, analyse, print)', command));
  console.log(plan.map((line) => `  ${line}`).join('\n'));
  if (!process.argv.includes('--keep')) await dropDatabase(serverUrl);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
