/**
 * Issue 4: translated notifications applied to the register by register-update, with its inbox (each
 * record one ledger transaction: inbox row, person search and match, conviction and version rows,
 * outbox), and the RegisterUpdated events that transaction queued, acknowledged on their topic.
 */
import { consumerGroup, dlqTopicFor, SchemaNames, type RegisterUpdated } from '@ecris/contracts';
import { AvroCodec, loadMigrations, messagingMigrationsDir, migrate, SchemaArchive, type SqlDatabase } from '@ecris/messaging';
import { registerMigrations } from '@ecris/register';
import { REPO_SCHEMAS_DIR } from '@ecris/service-kit';
// bench is not a service, so it may start a service's definition by path (only services may not import each other);
// Nx's boundary rule knows no such exception for an untagged project, hence the one-line disable.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { registerUpdateDefinition } from '../../../services/register-update/src/definition';
import type { BenchBroker } from '../broker';
import { prepareInChild } from './prepare-in-child';
import type { OutputCheck, ServiceThroughputResult } from './service-results';
import type { ServicePhaseSettings } from './service-under-test';
import { runThroughputPhase } from './throughput-phase';
import { forEachRecord } from './topic-watch';

const PHASE = 'register-update';
const UPDATED_TOPIC = 'register.register-update.register-updated.v1';

export function registerUpdateThroughput(
  broker: BenchBroker,
  notifications: number,
  settings: ServicePhaseSettings,
  progress: (m: string) => void,
): Promise<ServiceThroughputResult> {
  return runThroughputPhase(
    broker,
    {
      phase: PHASE,
      definition: registerUpdateDefinition,
      rateUnit: 'applied/s',
      async prepare({ topic, own, database }) {
        progress(`${PHASE}: putting ${notifications} UK nationals on the register and loading their translated NOTs (in a child process)`);
        const preparedAt = performance.now();
        await migrate(own, [...(await loadMigrations(messagingMigrationsDir)), ...(await registerMigrations())]);
        await prepareInChild({
          kind: 'translated-notifications',
          runId: broker.runId,
          topic: topic('exchange.translation.text-translated.v1'),
          count: notifications,
          databaseUrl: database.url,
          serialBase: (BigInt(Date.now() % 1_000_000_000) * 1_000_000n).toString(),
        });
        progress(`${PHASE}:   prepared in ${((performance.now() - preparedAt) / 1000).toFixed(1)} s`);
        return { inputs: notifications, outputs: notifications };
      },
      drainedWhen: { topic: UPDATED_TOPIC, rowsSql: 'SELECT count(*)::text AS n FROM register.convictions' },
      checkOutputs: ({ own, namespace }, count) => checkOutputs(broker, own, namespace, count),
    },
    settings,
    progress,
  );
}

/** Each notification is on its person's record once, with one CREATED event out, and nothing else happened. */
async function checkOutputs(broker: BenchBroker, db: SqlDatabase, namespace: string, count: number): Promise<OutputCheck[]> {
  // Made only now: the schemas it loads are the bench's, not the service's, and the RSS sampling is over.
  const codec = new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
  const { rows } = await db.query<{ identification: string; n: string }>(
    'SELECT identification, count(*)::text AS n FROM register.convictions GROUP BY identification',
  );
  const matched = Number(rows.find((row) => row.identification === 'MATCHED')?.n ?? 0);
  const keys = new Set<string>();
  let created = 0;
  await forEachRecord(broker.settings, `${namespace}${UPDATED_TOPIC}`, (record) => {
    const decoded = codec.decode<RegisterUpdated>(record.value);
    if (decoded.writer.fullName === SchemaNames.registerUpdated && decoded.value.change === 'CREATED') created++;
    keys.add(record.key?.toString() ?? '');
  });
  const dlq = await broker.recordCount(`${namespace}${dlqTopicFor(consumerGroup('register-update').group).name}`);
  const reviews = await broker.recordCount(`${namespace}register.register-update.match-reviews.v1`);
  const rais = await broker.recordCount(`${namespace}ecris.outbound.v1`);
  return [
    {
      what: 'convictions matched to their person',
      ok: matched === count,
      detail: `${matched} of ${count} (${rows.map((row) => `${row.identification} ${row.n}`).join(', ')})`,
    },
    { what: 'RegisterUpdated CREATED events, distinct keys', ok: created === count && keys.size === count, detail: `${created} events, ${keys.size} keys` },
    {
      what: 'dead letters, match reviews, RAIs',
      ok: dlq === 0 && reviews === 0 && rais === 0,
      detail: `${dlq} dead letters, ${reviews} reviews, ${rais} RAIs`,
    },
  ];
}
