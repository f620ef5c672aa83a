import { Counter, Histogram, type Registry } from 'prom-client';

/** The audit index's own metrics, beside the kit's (records consumed by topic and outcome, latency). */
export class AuditIndexMetrics {
  private readonly rows: Counter<'result'>;
  private readonly batchRows: Histogram;

  constructor(registry: Registry) {
    const registers = [registry];
    this.rows = new Counter({
      name: 'ecris_audit_rows_total',
      help: 'Records indexed (new) or found already indexed (a redelivery), by result.',
      labelNames: ['result'],
      registers,
    });
    this.batchRows = new Histogram({
      name: 'ecris_audit_insert_rows',
      help: 'Rows per insert statement (records of concurrently processed partitions written together).',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 500],
      registers,
    });
  }

  rowsWritten(submitted: number, inserted: number): void {
    this.rows.inc({ result: 'indexed' }, inserted);
    if (submitted > inserted) this.rows.inc({ result: 'already-indexed' }, submitted - inserted);
    this.batchRows.observe(submitted);
  }
}
