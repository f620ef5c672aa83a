/**
 * The shape both service throughput phases share: a namespace and a database of their own, inputs
 * prepared before the service starts, the service draining them while memory is sampled, then the
 * outputs checked. Each phase says only what differs: its inputs, what "drained" means, its checks.
 */
import { openDatabase, type SqlDatabase } from '@ecris/messaging';
import type { ServiceDefinition } from '@ecris/service-kit';
import type { BenchBroker } from '../broker';
import { MemorySampler } from '../memory';
import { drain, drainFigures, type Drained } from './drain';
import { MemoryAtPeakSampler } from './memory-at-peak';
import { OwnDatabase } from './own-database';
import { loadAverageNow, rssMbNow, type OutputCheck, type ServiceThroughputResult } from './service-results';
import { ServiceUnderTest, type ServicePhaseSettings } from './service-under-test';

export interface PhaseContext {
  readonly namespace: string;
  /** The namespaced name of a registry topic. */
  topic(name: string): string;
  readonly database: OwnDatabase;
  /** A pool of one for the bench's own reads, so they never take a connection from the service's pool. */
  readonly own: SqlDatabase;
}

export interface ThroughputPhase {
  readonly phase: ServiceThroughputResult['phase'];
  readonly definition: ServiceDefinition;
  /** e.g. `NOTs/s`, for the progress line. */
  readonly rateUnit: string;
  /** Loads the inputs (before the service starts); returns how many went in and how many outputs they owe. */
  prepare(context: PhaseContext): Promise<{ inputs: number; outputs: number }>;
  /** The output topic (canonical name) and the row count that say the backlog is drained. */
  readonly drainedWhen: { readonly topic: string; readonly rowsSql: string };
  checkOutputs(context: PhaseContext, outputs: number): Promise<OutputCheck[]>;
}

export async function runThroughputPhase(
  broker: BenchBroker,
  phase: ThroughputPhase,
  settings: ServicePhaseSettings,
  progress: (message: string) => void,
): Promise<ServiceThroughputResult> {
  const loadAtStart = loadAverageNow();
  const namespace = await ServiceUnderTest.provision(broker, phase.phase, settings.partitions);
  const database = await OwnDatabase.create(`${broker.runId}_${phase.phase}`);
  const own = await openDatabase(database.url, { pool: { max: 1 } });
  const context: PhaseContext = { namespace, topic: (name) => `${namespace}${name}`, database, own };
  try {
    const { inputs, outputs } = await phase.prepare(context);

    progress(`${phase.phase}: starting ${phase.definition.service}, ${outputs} outputs owed (rss ${rssMbNow()} MB)`);
    const sampler = MemorySampler.start();
    const atPeak = new MemoryAtPeakSampler();
    const service = await ServiceUnderTest.start(broker, phase.phase, namespace, phase.definition, database.url, settings);
    let drained: Drained;
    try {
      drained = await drain(broker, service, own, database.name, {
        topic: context.topic(phase.drainedWhen.topic),
        outputs,
        rowsSql: phase.drainedWhen.rowsSql,
        rows: outputs,
      });
    } finally {
      await service.close();
    }
    const memory = sampler.stop();
    const memoryAtPeak = atPeak.stop();
    const loadAtEnd = loadAverageNow();
    const seconds = drained.seconds;
    progress(`${phase.phase}: ${Math.round(outputs / seconds)} ${phase.rateUnit} over ${seconds.toFixed(1)} s; checking the outputs`);

    const checks = await phase.checkOutputs(context, outputs);
    return {
      phase: phase.phase,
      inputs,
      outputs,
      seconds: Math.round(seconds * 1000) / 1000,
      outputsPerSecond: Math.round(outputs / seconds),
      inputsPerSecond: Math.round(inputs / seconds),
      also: drainFigures(drained, inputs),
      commonestStatements: drained.commonestStatements,
      memory,
      memoryAtPeak,
      consumed: drained.consumed,
      checks,
      loadAverage: { start: loadAtStart, end: loadAtEnd },
    };
  } finally {
    await own.close();
    await database.drop();
  }
}
