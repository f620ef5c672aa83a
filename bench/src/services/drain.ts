import { setTimeout as sleep } from 'node:timers/promises';
import type { SqlDatabase } from '@ecris/messaging';
import type { BenchBroker } from '../broker';
import { CpuAccounting, type CpuSpent } from './cpu-accounting';
import { StandInAutoanalyze } from './stand-in-autoanalyze';
import type { ServiceUnderTest } from './service-under-test';
import { whenTopicHolds } from './topic-watch';

export interface DrainTarget {
  /** The output topic, and how many records the inputs owe on it. */
  readonly topic: string;
  readonly outputs: number;
  /** A `SELECT count(*)::text AS n ...` of the rows the service commits, and how many it owes. */
  readonly rowsSql: string;
  readonly rows: number;
}

export interface Drained {
  /** From the first record the service finished to the last output acknowledged on its topic. */
  readonly seconds: number;
  /** From the same start to the last row committed (before the outbox relay published it). */
  readonly committedSeconds: number;
  readonly handlerMeanMs: number | undefined;
  readonly cpu: CpuSpent;
  readonly consumed: Record<string, number>;
  /** SQL statements (BEGIN and COMMIT included) and transactions the service ran while draining. */
  readonly statements: number;
  readonly transactions: number;
  /** Statement shapes by the time waited on them while draining (wall time, so CPU contention counts too). */
  readonly commonestStatements: Record<string, StatementTotals>;
}

export interface StatementTotals {
  readonly count: number;
  readonly ms: number;
}

/**
 * Times a started service through a pre-loaded input: from its first finished record to the moment
 * its database holds every row owed and its output topic every record owed. `own` is a connection of
 * the bench's, so the polling never takes one from the service's pool.
 */
export async function drain(broker: BenchBroker, service: ServiceUnderTest, own: SqlDatabase, databaseName: string, target: DrainTarget): Promise<Drained> {
  const autoanalyze = await StandInAutoanalyze.start(own);
  const cpu = CpuAccounting.start(broker.settings.brokers);
  const statementsBefore = service.database.statementCount;
  const shapesBefore = service.database.snapshot();
  const transactionsBefore = service.database.transactions;
  const first = await service.whenFirstFinished();
  const [committed, published] = await Promise.all([whenRowsHeld(own, target.rowsSql, target.rows), whenTopicHolds(broker, target.topic, target.outputs)]);
  const spent = await cpu.stop(own, databaseName);
  await autoanalyze?.stop();
  const handlerSeconds = await service.histogramMean('ecris_handler_duration_seconds');
  return {
    seconds: (published - first) / 1000,
    committedSeconds: (committed - first) / 1000,
    handlerMeanMs: handlerSeconds === undefined ? undefined : handlerSeconds * 1000,
    cpu: spent,
    consumed: (await service.consumed()).byOutcome,
    statements: service.database.statementCount - statementsBefore,
    transactions: service.database.transactions - transactionsBefore,
    commonestStatements: since(service.database.snapshot(), shapesBefore, 12),
  };
}

function since(now: Map<string, StatementTotals>, before: Map<string, StatementTotals>, limit: number): Record<string, StatementTotals> {
  const delta = [...now].map(([shape, { count, ms }]) => {
    const earlier = before.get(shape) ?? { count: 0, ms: 0 };
    return [shape, { count: count - earlier.count, ms: Math.round(ms - earlier.ms) }] as const;
  });
  return Object.fromEntries(delta.filter(([, totals]) => totals.count > 0).sort((a, b) => b[1].ms - a[1].ms).slice(0, limit));
}

/** Polls committed rows (a count sees no open transaction) until there are `count`; returns when. */
async function whenRowsHeld(db: SqlDatabase, sql: string, count: number, intervalMs = 50): Promise<number> {
  for (;;) {
    const { rows } = await db.query<{ n: string }>(sql);
    if (Number(rows[0]?.n) >= count) return performance.now();
    await sleep(intervalMs);
  }
}

/** The drain's figures per input, for the report: seconds, rates, handler time and CPU per input. */
export function drainFigures(drained: Drained, inputs: number): Record<string, number> {
  const perInput = (ms: number | undefined) => (ms === undefined ? -1 : Math.round((ms / inputs) * 100) / 100);
  return {
    'seconds to the last row committed': round(drained.committedSeconds),
    'inputs committed per second': Math.round(inputs / drained.committedSeconds),
    'handler mean ms (decode, transaction, encode)': round(drained.handlerMeanMs ?? -1),
    'SQL statements per input (BEGIN/COMMIT included; relay too)': Math.round((drained.statements / inputs) * 10) / 10,
    'transactions per input (relay too)': Math.round((drained.transactions / inputs) * 100) / 100,
    'CPU ms per input, bench process (service + bench polling)': perInput(drained.cpu.serviceProcessMs),
    'CPU ms per input, PostgreSQL backends of the phase database': perInput(drained.cpu.postgresBackendsMs),
    'CPU ms per input, broker (-1: pid not found)': perInput(drained.cpu.brokerMs),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
