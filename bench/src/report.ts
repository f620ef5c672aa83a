import { cpus, loadavg } from 'node:os';
import type { LatencyResult } from './fixed-rate-latency';
import type { BenchOptions } from './options';
import type { Side } from './passthrough';
import { median } from './stats';
import type { ThroughputInput, ThroughputPass } from './throughput';

/** The targets of the issue; reported beside the figures, never asserted. */
export const TARGETS = {
  throughputRatioMin: 0.5,
  throughputRatioAim: 0.8,
  addedP99MsMax: 5,
} as const;

export interface ThroughputSummary {
  readonly input: { readonly records: number; readonly valueBytes: number };
  readonly passes: readonly ThroughputPass[];
  /** Messages per second per side: the best pass and the median of the passes. */
  readonly bestPerSecond: Record<Side, number>;
  readonly medianPerSecond: Record<Side, number>;
  /** runner / raw, on the best passes and on the medians. */
  readonly ratio: { readonly best: number; readonly median: number };
}

export interface LatencySummary {
  readonly raw: LatencyResult;
  readonly runner: LatencyResult;
  /** Runner minus raw, in milliseconds. */
  readonly addedMs: { readonly p50: number; readonly p99: number };
}

export interface BenchResults {
  readonly date: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string; readonly loadAverageAtStart: readonly number[] };
  readonly brokers: readonly string[];
  readonly parameters: BenchOptions;
  readonly targets: typeof TARGETS;
  readonly throughput?: ThroughputSummary;
  readonly latency?: LatencySummary;
}

export function machine(): BenchResults['machine'] {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageAtStart: loadavg().map((load) => round(load, 2)) };
}

export function summariseThroughput(input: ThroughputInput, passes: readonly ThroughputPass[]): ThroughputSummary {
  const rates = (side: Side) => passes.filter((pass) => pass.side === side).map((pass) => pass.messagesPerSecond);
  const best = { raw: Math.max(...rates('raw')), runner: Math.max(...rates('runner')) };
  const middle = { raw: Math.round(median(rates('raw'))), runner: Math.round(median(rates('runner'))) };
  return {
    input: { records: input.records, valueBytes: input.valueBytes },
    passes,
    bestPerSecond: best,
    medianPerSecond: middle,
    ratio: { best: round(best.runner / best.raw, 3), median: round(middle.runner / middle.raw, 3) },
  };
}

export function summariseLatency(raw: LatencyResult, runner: LatencyResult): LatencySummary {
  return {
    raw,
    runner,
    addedMs: { p50: round(runner.latencyMs.p50 - raw.latencyMs.p50, 2), p99: round(runner.latencyMs.p99 - raw.latencyMs.p99, 2) },
  };
}

/** The human-readable report for stdout. */
export function formatReport(results: BenchResults): string {
  const { machine: host, parameters: options } = results;
  const lines = [
    `ECRIS Exchange bench, ${results.date}`,
    `machine: ${host.cpus} cpus (${host.cpuModel}), node ${host.node}, load average at start ${host.loadAverageAtStart.join(' ')}`,
    `brokers: ${results.brokers.join(',')}`,
  ];
  const throughput = results.throughput;
  if (throughput) {
    const runs = Array.from({ length: options.runs }, (_, index) => `run ${index + 1}`);
    lines.push(
      '',
      `Throughput: ${throughput.input.records} records of ${throughput.input.valueBytes} B, ${options.partitions} partitions, concurrency ${options.concurrency}`,
      '(messages/s from the first record consumed to the last offset committed; peak RSS over the passes)',
      row(['side', ...runs, 'best', 'median', 'peak RSS MB', 'output ok']),
    );
    for (const side of ['raw', 'runner'] as const) {
      const passes = throughput.passes.filter((pass) => pass.side === side);
      lines.push(
        row([
          side,
          ...passes.map((pass) => String(pass.messagesPerSecond)),
          String(throughput.bestPerSecond[side]),
          String(throughput.medianPerSecond[side]),
          String(Math.max(...passes.map((pass) => pass.memory.rssPeakMb))),
          passes.every((pass) => pass.outputRecords === throughput.input.records) ? 'yes' : 'NO',
        ]),
      );
    }
    lines.push(
      `ratio runner/raw: ${throughput.ratio.best} on the best passes, ${throughput.ratio.median} on the medians` +
        ` (target >= ${TARGETS.throughputRatioMin}, aim ${TARGETS.throughputRatioAim})`,
    );
  }
  const latency = results.latency;
  if (latency) {
    lines.push(
      '',
      `Latency at ${options.rate} msg/s for ${options.latencySeconds} s after ${options.warmupSeconds} s of warm-up`,
      '(ms from the input send call to the broker ack of the matching output)',
      row(['side', 'count', 'p50', 'p90', 'p99', 'max', 'missing', 'peak RSS MB']),
    );
    for (const result of [latency.raw, latency.runner]) {
      const { count, p50, p90, p99, max } = result.latencyMs;
      lines.push(row([result.side, String(count), ...[p50, p90, p99, max].map((ms) => ms.toFixed(2)), String(result.missing), String(result.memory.rssPeakMb)]));
    }
    lines.push(`added by the runner: p50 ${latency.addedMs.p50.toFixed(2)} ms, p99 ${latency.addedMs.p99.toFixed(2)} ms (target p99 < ${TARGETS.addedP99MsMax} ms)`);
  }
  return lines.join('\n');
}

function row(cells: readonly string[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(8) : cell.padStart(11))).join(' ');
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
