import { setTimeout as sleep } from 'node:timers/promises';
import { allTopics, consumerGroup, toTopicSpec } from '@ecris/contracts';
import { openDatabase } from '@ecris/messaging';
import { applyServiceHeapSettings, SERVICE_METRICS, startService, type RunningService, type ServiceDefinition, type ServiceMetrics } from '@ecris/service-kit';
import type { BenchBroker } from '../broker';
import { CountingDatabase } from './counting-database';

export interface ServicePhaseSettings {
  /** Partitions of every registry topic, at most (the registry's own count when larger than it: 6). */
  readonly partitions: number;
  /** The service's LOG_LEVEL: `info` logs a line per record, as production does; `warn` measures without it. */
  readonly logLevel: string;
}

/**
 * One service run in this process, as the integration tests run it: `startService` with a namespace of
 * its own (a private copy of every registry topic on the bench's broker, as libs/testing's
 * provisionNamespace makes, but deleted at the end with the run's other topics) and a database of its own.
 */
export class ServiceUnderTest {
  private constructor(
    readonly namespace: string,
    readonly group: string,
    private readonly running: RunningService,
    /** The service's database, counting its statements. */
    readonly database: CountingDatabase,
  ) {}

  /** The namespace (`bench.<run>.<phase>.`) with every registry topic in it. */
  static async provision(broker: BenchBroker, phase: string, partitions: number): Promise<string> {
    const namespace = `${broker.name(phase)}.`;
    // BenchBroker creates names that share partitions and configs: one call per distinct config.
    const byConfig = new Map<string, { names: string[]; partitions: number; config: Record<string, string> }>();
    for (const topic of allTopics()) {
      const spec = toTopicSpec(topic);
      const count = Math.min(spec.partitions, partitions);
      const key = `${count}:${JSON.stringify(spec.config)}`;
      const entry = byConfig.get(key) ?? { names: [], partitions: count, config: spec.config };
      entry.names.push(`${namespace}${spec.name}`);
      byConfig.set(key, entry);
    }
    for (const { names, partitions: count, config } of byConfig.values()) await broker.createTopics(names, count, config);
    return namespace;
  }

  static async start(
    broker: BenchBroker,
    phase: string,
    namespace: string,
    definition: ServiceDefinition,
    databaseUrl: string,
    settings: ServicePhaseSettings,
  ): Promise<ServiceUnderTest> {
    // The heap settings a service process applies first thing (runServiceMain), as deployed.
    applyServiceHeapSettings();
    // Registered with the broker helper so the run's clean-up deletes the service's consumer group too.
    const group = broker.group(`${phase}.${consumerGroup(definition.service).group}`);
    // What the kit would open itself (openDatabase(DATABASE_URL)), passed in so its statements can be counted.
    const database = new CountingDatabase(await openDatabase(databaseUrl));
    const running = await startService(
      definition,
      {
        ...process.env,
        KAFKA_BROKERS: broker.settings.brokers.join(','),
        ECRIS_NAMESPACE: namespace,
        HTTP_PORT: '0',
        LOG_LEVEL: settings.logLevel,
        DATABASE_URL: databaseUrl,
      },
      { onFatal: (reason) => console.error(`bench: ${definition.service} stopped consuming: ${reason}`), sharedDatabase: database },
    ).catch(async (error: unknown) => {
      await database.close();
      throw error;
    });
    return new ServiceUnderTest(namespace, group, running, database);
  }

  /** The service's own counters: what it consumed, by outcome (handled, dead-lettered, parked). */
  async consumed(): Promise<{ total: number; byOutcome: Record<string, number> }> {
    const metrics = this.running.app.get<symbol, ServiceMetrics>(SERVICE_METRICS);
    const counter = metrics.registry.getSingleMetric('ecris_records_consumed_total');
    const byOutcome: Record<string, number> = {};
    let total = 0;
    for (const { value, labels } of (await counter?.get())?.values ?? []) {
      const outcome = String(labels.outcome ?? 'unknown');
      byOutcome[outcome] = (byOutcome[outcome] ?? 0) + value;
      total += value;
    }
    return { total, byOutcome };
  }

  /** Mean of one of the service's histograms (e.g. ecris_handler_duration_seconds), in its unit; undefined when empty. */
  async histogramMean(name: string): Promise<number | undefined> {
    const metric = this.running.app.get<symbol, ServiceMetrics>(SERVICE_METRICS).registry.getSingleMetric(name);
    const values = (await metric?.get())?.values ?? [];
    const total = (suffix: string) =>
      values.filter((entry) => (entry as { metricName?: string }).metricName === `${name}${suffix}`).reduce((sum, entry) => sum + entry.value, 0);
    const count = total('_count');
    return count > 0 ? total('_sum') / count : undefined;
  }

  /**
   * The time (performance.now) at which the service was first seen to have finished a record, by
   * polling its own consumed counter every `intervalMs` in this process: late by one record's handling
   * and at most the interval. Group join, partition claims and start-up reads come before and do not count.
   */
  async whenFirstFinished(timeoutMs = 120_000, intervalMs = 10): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if ((await this.consumed()).total > 0) return performance.now();
      if (performance.now() > deadline) throw new Error(`the service finished no record within ${timeoutMs / 1000} s`);
      await sleep(intervalMs);
    }
  }

  async close(): Promise<void> {
    try {
      await this.running.close();
    } finally {
      await this.database.close();
    }
  }
}
