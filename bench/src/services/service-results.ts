import { loadavg } from 'node:os';
import type { MemoryPeak } from '../memory';
import type { Distribution } from '../stats';
import type { MemoryAtPeak } from './memory-at-peak';

/** The targets of issues 4 and 5; reported beside the figures, never asserted. */
export const SERVICE_TARGETS = {
  notificationsPerSecondMin: 2000,
  registerAppliedPerSecondMin: 1000,
  requestRrsP99MsMax: 100,
  serviceRssMbMax: 200,
} as const;

/** A check of the outputs after the timed part: the figure means nothing if the outputs are wrong. */
export interface OutputCheck {
  readonly what: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface LoadAverage {
  readonly start: readonly number[];
  readonly end: readonly number[];
}

export interface ServiceThroughputResult {
  readonly phase: 'notification-e2e' | 'register-update' | 'notification-in' | 'translation';
  readonly inputs: number;
  /** NOTs on ecris.outbound.v1, RegisterUpdated events out, NRSs on ecris.outbound.v1, or TextTranslated events out. */
  readonly outputs: number;
  /** From the first record the service finished to the last output acknowledged on its topic. */
  readonly seconds: number;
  readonly outputsPerSecond: number;
  readonly inputsPerSecond: number;
  /** Phase-specific timings (e.g. when the register rows were committed), seconds and per second. */
  readonly also: Record<string, number>;
  /** The service's SQL statements while draining (first words), by total time waited on them. */
  readonly commonestStatements: Record<string, { readonly count: number; readonly ms: number }>;
  readonly memory: MemoryPeak;
  readonly memoryAtPeak: MemoryAtPeak;
  readonly consumed: Record<string, number>;
  readonly checks: readonly OutputCheck[];
  readonly loadAverage: LoadAverage;
}

export interface RequestLatencyResult {
  readonly phase: 'request-in-latency';
  readonly rate: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Milliseconds from the REQ's send call to its RRS seen on ecris.outbound.v1, measured requests only. */
  readonly rrsLatencyMs: Distribution;
  /** The same for the RDL, which request-in writes in the same transaction. */
  readonly rdlLatencyMs: Distribution;
  /**
   * The RRS latency in three consecutive stages: send to request-in's ledger transaction beginning
   * (REQ produced, fetched, decoded, dispatched), to its relay's transaction beginning (the ledger
   * transaction, its commit, the relay's wake-up), and from there to the RRS read back (relay select,
   * produce, broker ack, the bench's fetch). Undefined when no outbox time was found.
   */
  readonly stagesMs:
    | { readonly toLedgerTransaction: Distribution; readonly toRelayTransaction: Distribution; readonly relayToReadBack: Distribution }
    | undefined;
  readonly missing: number;
  readonly memory: MemoryPeak;
  readonly memoryAtPeak: MemoryAtPeak;
  readonly consumed: Record<string, number>;
  readonly checks: readonly OutputCheck[];
  readonly loadAverage: LoadAverage;
}

export type ServicePhaseResult = ServiceThroughputResult | RequestLatencyResult;

/** This process's resident set size now, in MB, for the progress lines. */
export function rssMbNow(): number {
  return Math.round(process.memoryUsage().rss / (1024 * 1024));
}

export function loadAverageNow(): number[] {
  return loadavg().map((load) => Math.round(load * 100) / 100);
}

/** What each throughput phase counts, and its rate target (notification-in and translation have none: they are measured for their memory). */
const THROUGHPUT_LABELS: Record<ServiceThroughputResult['phase'], { what: string; target: number | undefined }> = {
  'notification-e2e': { what: 'NOTs acknowledged', target: SERVICE_TARGETS.notificationsPerSecondMin },
  'register-update': { what: 'RegisterUpdated acknowledged', target: SERVICE_TARGETS.registerAppliedPerSecondMin },
  'notification-in': { what: 'NRSs acknowledged', target: undefined },
  translation: { what: 'TextTranslated acknowledged', target: undefined },
};

export function formatServiceResults(results: readonly ServicePhaseResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push('', `Service phase ${result.phase} (load average ${result.loadAverage.start.join(' ')} at start, ${result.loadAverage.end.join(' ')} at end)`);
    if (result.phase === 'request-in-latency') {
      const { rrsLatencyMs: rrs, rdlLatencyMs: rdl } = result;
      lines.push(
        `REQs for persons with no record at ${result.rate}/s for ${result.seconds} s after ${result.warmupSeconds} s of warm-up`,
        `(ms from the REQ send call to the answer read back from ecris.outbound.v1)`,
        `  RRS: count ${rrs.count}, p50 ${rrs.p50.toFixed(1)}, p90 ${rrs.p90.toFixed(1)}, p99 ${rrs.p99.toFixed(1)}, max ${rrs.max.toFixed(1)}, missing ${result.missing}` +
          ` (target p99 < ${SERVICE_TARGETS.requestRrsP99MsMax} ms)`,
        `  RDL: p50 ${rdl.p50.toFixed(1)}, p99 ${rdl.p99.toFixed(1)}`,
      );
      if (result.stagesMs) {
        const stage = (name: string, d: Distribution) => `    ${name.padEnd(58)} p50 ${d.p50.toFixed(1).padStart(6)}  p99 ${d.p99.toFixed(1).padStart(6)}  max ${d.max.toFixed(1).padStart(6)}`;
        lines.push(
          '  RRS latency by stage (ms):',
          stage('send -> ledger transaction begins (produce, fetch, decode)', result.stagesMs.toLedgerTransaction),
          stage('-> relay transaction begins (handle, commit, relay wake-up)', result.stagesMs.toRelayTransaction),
          stage('-> RRS read back (relay select, produce, ack, fetch)', result.stagesMs.relayToReadBack),
        );
      }
    } else {
      const { what, target } = THROUGHPUT_LABELS[result.phase];
      lines.push(
        `${result.inputs} inputs, ${result.outputs} outputs in ${result.seconds} s: ${result.outputsPerSecond} ${what}/s` +
          ` (${result.inputsPerSecond} inputs/s; ${target === undefined ? 'no rate target' : `target >= ${target}/s`})`,
      );
      for (const [name, value] of Object.entries(result.also)) lines.push(`  ${name}: ${value}`);
      lines.push(`  SQL statements, per input: how many, and ms waited on them (wall time: CPU contention counts too)`);
      for (const [statement, { count, ms }] of Object.entries(result.commonestStatements).slice(0, 10)) {
        lines.push(`    ${(count / result.inputs).toFixed(2).padStart(5)} ${(ms / result.inputs).toFixed(2).padStart(6)} ms  ${statement}`);
      }
    }
    const { rssStartMb, rssPeakMb, heapUsedPeakMb } = result.memory;
    lines.push(
      `process RSS: ${rssStartMb} MB before the service started, peak ${rssPeakMb} MB (heap peak ${heapUsedPeakMb} MB; target < ${SERVICE_TARGETS.serviceRssMbMax} MB)`,
      `  at the RSS peak (${result.memoryAtPeak.atSeconds} s after the service started): heap ${result.memoryAtPeak.heapUsedMb} MB used of ${result.memoryAtPeak.heapTotalMb} MB reserved, ` +
        `Buffers ${result.memoryAtPeak.arrayBuffersMb} MB (external ${result.memoryAtPeak.externalMb} MB)`,
      `consumed by outcome: ${Object.entries(result.consumed).map(([outcome, count]) => `${outcome} ${count}`).join(', ') || 'none'}`,
    );
    for (const check of result.checks) lines.push(`  ${check.ok ? 'ok ' : 'NO '} ${check.what}: ${check.detail}`);
  }
  return lines.join('\n');
}
