/**
 * The bench: our ConsumerRunner against a plain kafkajs passthrough, on the same broker, in the same run;
 * and, when --phases names them, the service phases of issues 4 and 5 (src/services/service-phases.ts).
 *   npm run bench -- --help
 * Prints a table and writes bench/results/latest.json (see bench/README.md for what each figure means).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BenchBroker } from './broker';
import { fixedRateLatency } from './fixed-rate-latency';
import { parseOptions, usage, type BenchOptions } from './options';
import type { StartPassthrough } from './passthrough';
import { startRawPassthrough } from './raw-passthrough';
import { formatReport, machine, summariseLatency, summariseThroughput, TARGETS, type BenchResults } from './report';
import { startRunnerPassthrough } from './runner-passthrough';
import { runServicePhases } from './services/service-phases';
import { formatServiceResults, SERVICE_TARGETS, type ServicePhaseResult } from './services/service-results';
import { loadInput, throughputPass, type ThroughputPass } from './throughput';

/** The runner-vs-raw figures, and those of the service phases when any ran. */
type RunResults = BenchResults & { readonly serviceTargets?: typeof SERVICE_TARGETS; readonly services?: readonly ServicePhaseResult[] };

const SIDES: readonly (readonly ['raw' | 'runner', StartPassthrough])[] = [
  ['raw', startRawPassthrough],
  ['runner', startRunnerPassthrough],
];

async function runBench(options: BenchOptions, broker: BenchBroker): Promise<RunResults> {
  let results: RunResults = {
    date: new Date().toISOString(),
    machine: machine(),
    brokers: broker.settings.brokers,
    parameters: options,
    targets: TARGETS,
  };

  if (options.phases.includes('throughput')) {
    progress(`loading ${options.records} records`);
    const input = await loadInput(broker, options.records, options.valueBytes, options.partitions);
    const passes: ThroughputPass[] = [];
    // Interleaved (raw, runner, raw, runner), so a drift in the machine's load hits both sides alike.
    for (let run = 1; run <= options.runs; run++) {
      for (const [side, start] of SIDES) {
        progress(`throughput: ${side}, run ${run}`);
        const pass = await throughputPass(broker, input, side, run, start, options.concurrency, options.partitions);
        progress(`  ${pass.messagesPerSecond} msg/s over ${pass.seconds} s`);
        passes.push(pass);
      }
    }
    results = { ...results, throughput: summariseThroughput(input, passes) };
  }

  if (options.phases.includes('latency')) {
    const latency = [];
    for (const [side, start] of SIDES) {
      progress(`latency: ${side}, ${options.warmupSeconds + options.latencySeconds} s at ${options.rate} msg/s`);
      latency.push(await fixedRateLatency(broker, side, start, { ...options, seconds: options.latencySeconds }));
    }
    results = { ...results, latency: summariseLatency(latency[0], latency[1]) };
  }

  const services = await runServicePhases(broker, options, progress);
  if (services.length > 0) results = { ...results, serviceTargets: SERVICE_TARGETS, services };
  return results;
}

/** Progress goes to stderr, so stdout holds only the report. */
function progress(message: string): void {
  console.error(`bench: ${message}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(usage());
    return;
  }
  const broker = new BenchBroker(Date.now().toString(36));
  await broker.connect();
  let results: RunResults;
  try {
    results = await runBench(options, broker);
  } finally {
    progress('deleting the run\'s topics and groups');
    await broker.cleanUp();
  }
  console.log(formatReport(results) + (results.services ? formatServiceResults(results.services) : ''));
  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults written to ${options.out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
