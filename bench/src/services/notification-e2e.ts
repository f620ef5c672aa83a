/**
 * Issue 4: court events to acknowledged outbound NOTs, end to end through notification-out (decode,
 * decide, ledger + outbox transaction in PostgreSQL, relay, broker ack).
 */
import { consumerGroup, dlqTopicFor, SchemaNames, type Notification } from '@ecris/contracts';
import type { SqlDatabase } from '@ecris/messaging';
// bench is not a service, so it may start a service's definition by path (only services may not import each other);
// Nx's boundary rule knows no such exception for an untagged project, hence the one-line disable.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { NOTIFICATION_OUT } from '../../../services/notification-out/src/notification-out.definition';
import type { BenchBroker } from '../broker';
import { prepareInChild } from './prepare-in-child';
import type { OutputCheck, ServiceThroughputResult } from './service-results';
import type { ServicePhaseSettings } from './service-under-test';
import { runThroughputPhase } from './throughput-phase';
import { tallyTopic } from './topic-watch';

const PHASE = 'notification-e2e';

export function notificationEndToEnd(broker: BenchBroker, events: number, settings: ServicePhaseSettings, progress: (m: string) => void): Promise<ServiceThroughputResult> {
  return runThroughputPhase(
    broker,
    {
      phase: PHASE,
      definition: NOTIFICATION_OUT,
      rateUnit: 'NOTs/s',
      async prepare({ topic }) {
        progress(`${PHASE}: loading ${events} court events (in a child process)`);
        const { owed } = await prepareInChild({ kind: 'court-events', runId: broker.runId, topic: topic('courts.convictions.v1'), count: events });
        return { inputs: events, outputs: owed };
      },
      drainedWhen: { topic: 'ecris.outbound.v1', rowsSql: 'SELECT count(*)::text AS n FROM notification_out.notifications' },
      checkOutputs: ({ own, namespace }, owed) => checkOutputs(broker, own, namespace, owed),
    },
    settings,
    progress,
  );
}

/** Every NOT owed is on the topic exactly once (no loss, no copy from a relay retry), and nothing failed. */
async function checkOutputs(broker: BenchBroker, db: SqlDatabase, namespace: string, owed: number): Promise<OutputCheck[]> {
  const { rows } = await db.query<{ status: string; n: string }>('SELECT status, count(*)::text AS n FROM notification_out.notifications GROUP BY status');
  const sent = Number(rows.find((row) => row.status === 'SENT')?.n ?? 0);
  const nots = await tallyTopic<Notification>(broker.settings, `${namespace}ecris.outbound.v1`, SchemaNames.notification, (not) => not.header.messageId);
  const dlq = await broker.recordCount(`${namespace}${dlqTopicFor(consumerGroup('notification-out').group).name}`);
  const workItems = await broker.recordCount(`${namespace}exchange.notification-out.work-items.v1`);
  return [
    { what: 'NOTs on ecris.outbound.v1', ok: nots.count === owed && nots.other === 0, detail: `${nots.count} of ${owed} owed, ${nots.other} other records` },
    { what: 'distinct NOT message ids', ok: nots.ids.size === owed, detail: `${nots.ids.size} (${nots.count - nots.ids.size} copies)` },
    { what: 'notification rows SENT', ok: sent === owed, detail: rows.map((row) => `${row.status} ${row.n}`).join(', ') },
    { what: 'dead letters and work items', ok: dlq === 0 && workItems === 0, detail: `${dlq} dead letters, ${workItems} work items` },
  ];
}
