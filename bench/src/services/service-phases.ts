import type { BenchBroker } from '../broker';
import type { BenchOptions } from '../options';
import { notificationEndToEnd } from './notification-e2e';
import { notificationInThroughput } from './notification-in-throughput';
import { registerUpdateThroughput } from './register-update-throughput';
import { requestInLatency } from './request-in-latency';
import { translationThroughput } from './translation-throughput';
import type { ServicePhaseResult } from './service-results';

/**
 * The service phases of issues 4 and 5 that `--phases` names, one after the other: each starts one
 * real service in this process, on a namespace of topics and a database of its own.
 */
export async function runServicePhases(broker: BenchBroker, options: BenchOptions, progress: (message: string) => void): Promise<ServicePhaseResult[]> {
  const settings = { partitions: options.servicePartitions, logLevel: options.serviceLogLevel };
  const results: ServicePhaseResult[] = [];
  if (options.phases.includes('notification-e2e')) {
    results.push(await notificationEndToEnd(broker, options.courtEvents, settings, progress));
  }
  if (options.phases.includes('register-update')) {
    results.push(await registerUpdateThroughput(broker, options.translated, settings, progress));
  }
  if (options.phases.includes('notification-in')) {
    results.push(await notificationInThroughput(broker, options.inboundNotifications, settings, progress));
  }
  if (options.phases.includes('translation')) {
    results.push(await translationThroughput(broker, options.translationRequests, settings, progress));
  }
  if (options.phases.includes('request-in-latency')) {
    const load = { rate: options.requestRate, seconds: options.requestSeconds, warmupSeconds: options.warmupSeconds };
    results.push(await requestInLatency(broker, load, settings, progress));
  }
  return results;
}
