/** How a record ended, for metrics. */
export type RecordOutcome = 'handled' | 'dead-lettered' | 'parked';

/**
 * What the runner reports as it goes, for metrics (Prometheus in the services). Kept as a port so the
 * messaging lib does not depend on a metrics library.
 */
export interface RunnerObserver {
  recordFinished(event: { topic: string; outcome: RecordOutcome; errorClass?: string; durationMs: number }): void;
  recordRetried(event: { topic: string; errorCode: string }): void;
  recordsPublished(event: { count: number; durationMs: number }): void;
  /** A batch transaction (batch mode) committed, or rolled back to be applied record by record. */
  batchFinished(event: { topic: string; records: number; committed: boolean }): void;
}
