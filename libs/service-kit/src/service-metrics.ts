import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RecordOutcome, RunnerObserver } from '@ecris/messaging';

/**
 * Prometheus metrics every service has: records consumed by outcome, dead letters by class, retries,
 * records published, handler latency; plus the process defaults (memory, event loop lag). Services add
 * their own gauges to `registry`.
 */
export class ServiceMetrics implements RunnerObserver {
  readonly registry = new Registry();
  private readonly consumed: Counter<'topic' | 'outcome'>;
  private readonly deadLettered: Counter<'topic' | 'error_class'>;
  private readonly retries: Counter<'topic' | 'error_code'>;
  private readonly published: Counter;
  private readonly batches: Counter<'topic' | 'outcome'>;
  private readonly batchRecords: Counter<'topic' | 'outcome'>;
  private readonly handlerSeconds: Histogram<'topic'>;
  private readonly publishSeconds: Histogram;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.consumed = new Counter({
      name: 'ecris_records_consumed_total',
      help: 'Records consumed, by input topic and outcome (handled, dead-lettered, parked).',
      labelNames: ['topic', 'outcome'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'ecris_records_dead_lettered_total',
      help: 'Records sent to the dead-letter topic, by input topic and error class.',
      labelNames: ['topic', 'error_class'],
      registers,
    });
    this.retries = new Counter({
      name: 'ecris_transient_retries_total',
      help: 'Transient failures retried in place, by input topic and error code.',
      labelNames: ['topic', 'error_code'],
      registers,
    });
    this.published = new Counter({
      name: 'ecris_records_published_total',
      help: 'Records published and acknowledged by the broker.',
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: 'ecris_handler_duration_seconds',
      help: 'Time to process one record (decode, handle, encode), retries included.',
      labelNames: ['topic'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    });
    this.batches = new Counter({
      name: 'ecris_batch_transactions_total',
      help: 'Batch transactions (records of a partition applied together), by input topic and outcome (committed, rolled_back: then applied one by one).',
      labelNames: ['topic', 'outcome'],
      registers,
    });
    this.batchRecords = new Counter({
      name: 'ecris_batch_records_total',
      help: 'Records in batch transactions, by input topic and outcome.',
      labelNames: ['topic', 'outcome'],
      registers,
    });
    this.publishSeconds = new Histogram({
      name: 'ecris_publish_duration_seconds',
      help: 'Time from handing a batch of outputs to the producer to the broker acknowledging it.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
  }

  recordFinished(event: { topic: string; outcome: RecordOutcome; errorClass?: string; durationMs: number }): void {
    this.consumed.inc({ topic: event.topic, outcome: event.outcome });
    if (event.outcome === 'dead-lettered') {
      this.deadLettered.inc({ topic: event.topic, error_class: event.errorClass ?? 'unknown' });
    }
    this.handlerSeconds.observe({ topic: event.topic }, event.durationMs / 1000);
  }

  recordRetried(event: { topic: string; errorCode: string }): void {
    this.retries.inc({ topic: event.topic, error_code: event.errorCode });
  }

  recordsPublished(event: { count: number; durationMs: number }): void {
    this.published.inc(event.count);
    this.publishSeconds.observe(event.durationMs / 1000);
  }

  batchFinished(event: { topic: string; records: number; committed: boolean }): void {
    const labels = { topic: event.topic, outcome: event.committed ? 'committed' : 'rolled_back' };
    this.batches.inc(labels);
    this.batchRecords.inc(labels, event.records);
  }

  /** Published directly (HTTP-originated events), outside the runner. */
  countPublished(count: number): void {
    this.published.inc(count);
  }
}
