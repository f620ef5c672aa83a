import { isTransientDatabaseError, type SqlDatabase } from '@ecris/messaging';
import type { AuditEntry } from '../domain/audit-entry';
import type { AuditStore } from '../ports';
import type { AuditIndexMetrics } from '../audit-index.metrics';
import { CoalescingWriter } from './coalescing-writer';

/** The columns written (indexed_at takes its default). Same names as AuditEntry's fields. */
const COLUMNS = [
  'topic', 'partition', 'record_offset', 'record_time', 'record_key', 'correlation_id', 'ce_id', 'ce_type', 'ce_time',
  'ce_source', 'ce_subject', 'causation_id', 'has_ce_headers', 'value_schema', 'value_schema_version', 'value_bytes',
  'replay_id', 'replay_of', 'replay_of_original', 'replay_by', 'replay_reason', 'dlq_consumer_group', 'dlq_service',
  'dlq_error_class', 'dlq_error_code', 'dlq_error_message', 'dlq_original_topic', 'dlq_original_partition',
  'dlq_original_offset', 'dlq_parked_behind', 'dlq_payload_sha256', 'dlq_attempts', 'dlq_last_failure_at',
] as const satisfies readonly (keyof AuditEntry)[];

/**
 * One statement for any number of rows: the rows travel as one JSON parameter that PostgreSQL turns back
 * into typed rows (json_populate_recordset, against the table's own row type).
 *
 * Idempotent by the record's coordinates, with no exactly-once ledger: a row says only where a record is
 * and what its headers say, so writing it again for a redelivered record changes nothing, and nothing
 * else (no output, no counter) depends on it being written once. A ledger would dedupe by ce_id, which
 * would be wrong here: a replayed copy shares its ce_id with the original and must get a row of its own.
 */
const INSERT = `
  INSERT INTO audit.records (${COLUMNS.join(', ')})
  SELECT ${COLUMNS.join(', ')} FROM json_populate_recordset(NULL::audit.records, $1::json)
  ON CONFLICT (topic, partition, record_offset) DO NOTHING`;

/** Enough to carry a whole fetched batch of several partitions, small enough to keep one statement quick. */
const MAX_ROWS_PER_INSERT = 500;

export class PgAuditStore implements AuditStore {
  private readonly writer: CoalescingWriter<AuditEntry>;

  constructor(
    private readonly db: SqlDatabase,
    private readonly metrics: AuditIndexMetrics,
  ) {
    this.writer = new CoalescingWriter({
      write: (rows) => this.insert(rows),
      maxBatch: MAX_ROWS_PER_INSERT,
      isolateOn: (error) => !isTransientDatabaseError(error),
    });
  }

  index(entry: AuditEntry): Promise<void> {
    return this.writer.submit(entry);
  }

  private async insert(rows: readonly AuditEntry[]): Promise<void> {
    const { rowCount } = await this.db.query(INSERT, [JSON.stringify(rows)]);
    this.metrics.rowsWritten(rows.length, rowCount);
  }
}
