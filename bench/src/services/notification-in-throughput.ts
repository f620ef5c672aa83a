/**
 * Issue 4's notification-in: NOTs from abroad about UK nationals, each validated, stored as received
 * and answered with an NRS, and sent on for translation, one ledger transaction per record. Measured
 * for its memory while it drains a backlog (each service under 200 MB); its rate is reported, with no
 * target of its own.
 */
import { consumerGroup, dlqTopicFor, SchemaNames, type NotificationResponse } from '@ecris/contracts';
import type { SqlDatabase } from '@ecris/messaging';
// bench is not a service, so it may start a service's definition by path (only services may not import each other);
// Nx's boundary rule knows no such exception for an untagged project, hence the one-line disable.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { definition as NOTIFICATION_IN } from '../../../services/notification-in/src/notification-in.definition';
import type { BenchBroker } from '../broker';
import { prepareInChild } from './prepare-in-child';
import type { OutputCheck, ServiceThroughputResult } from './service-results';
import type { ServicePhaseSettings } from './service-under-test';
import { runThroughputPhase } from './throughput-phase';
import { tallyTopic } from './topic-watch';

const PHASE = 'notification-in';
const TRANSLATION_REQUESTED = 'exchange.notification-in.translation-requested.v1';

export function notificationInThroughput(broker: BenchBroker, notifications: number, settings: ServicePhaseSettings, progress: (m: string) => void): Promise<ServiceThroughputResult> {
  return runThroughputPhase(
    broker,
    {
      phase: PHASE,
      definition: NOTIFICATION_IN,
      rateUnit: 'NRSs/s',
      async prepare({ topic }) {
        progress(`${PHASE}: loading ${notifications} NOTs from Spain (in a child process)`);
        await prepareInChild({
          kind: 'inbound-notifications',
          runId: broker.runId,
          topic: topic('ecris.inbound.v1'),
          count: notifications,
          serialBase: (BigInt(Date.now() % 1_000_000_000) * 1_000_000n).toString(),
        });
        return { inputs: notifications, outputs: notifications };
      },
      drainedWhen: { topic: 'ecris.outbound.v1', rowsSql: 'SELECT count(*)::text AS n FROM notification_in.received_notifications' },
      checkOutputs: ({ own, namespace }, count) => checkOutputs(broker, own, namespace, count),
    },
    settings,
    progress,
  );
}

/** One NRS and one translation request per NOT, every NOT stored ACKNOWLEDGED, and nothing failed. */
async function checkOutputs(broker: BenchBroker, db: SqlDatabase, namespace: string, count: number): Promise<OutputCheck[]> {
  const { rows } = await db.query<{ outcome: string; n: string }>('SELECT outcome, count(*)::text AS n FROM notification_in.received_notifications GROUP BY outcome');
  const acknowledged = Number(rows.find((row) => row.outcome === 'ACKNOWLEDGED')?.n ?? 0);
  const nrss = await tallyTopic<NotificationResponse>(broker.settings, `${namespace}ecris.outbound.v1`, SchemaNames.notificationResponse, (nrs) => nrs.header.responseTo ?? '');
  const requested = await broker.recordCount(`${namespace}${TRANSLATION_REQUESTED}`);
  const dlq = await broker.recordCount(`${namespace}${dlqTopicFor(consumerGroup('notification-in').group).name}`);
  return [
    {
      what: 'NRSs on ecris.outbound.v1, one per NOT',
      ok: nrss.count === count && nrss.ids.size === count && nrss.other === 0,
      detail: `${nrss.count} NRSs answering ${nrss.ids.size} NOTs, ${nrss.other} other records`,
    },
    { what: 'NOTs stored ACKNOWLEDGED', ok: acknowledged === count, detail: rows.map((row) => `${row.outcome} ${row.n}`).join(', ') },
    { what: 'translation requests, dead letters', ok: requested === count && dlq === 0, detail: `${requested} translation requests, ${dlq} dead letters` },
  ];
}
