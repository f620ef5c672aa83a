/**
 * Reads the audit index (services/audit-index: schema `audit`, one row per record of every topic).
 * Every query keeps to the namespace's topics, so several test namespaces can share one database.
 */
import type { SqlExecutor } from '@ecris/messaging';

export interface AuditRow {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly recordTime: string;
  readonly key: string | null;
  readonly correlationId: string;
  readonly ceId: string;
  readonly ceType: string | null;
  readonly ceTime: string | null;
  readonly ceSource: string | null;
  readonly ceSubject: string | null;
  readonly causationId: string | null;
  readonly valueSchema: string | null;
  readonly replayId: string | null;
  readonly replayOf: string | null;
  readonly replayOfOriginal: string | null;
  readonly replayBy: string | null;
  readonly dlq: null | {
    readonly group: string | null;
    readonly errorClass: string;
    readonly errorCode: string | null;
    readonly errorMessage: string | null;
    readonly originalTopic: string | null;
    readonly originalPartition: number | null;
    readonly originalOffset: string | null;
    readonly parkedBehind: string | null;
  };
}

interface DbRow {
  topic: string;
  partition: number;
  record_offset: string;
  record_time: Date | string;
  record_key: string | null;
  correlation_id: string;
  ce_id: string;
  ce_type: string | null;
  ce_time: Date | string | null;
  ce_source: string | null;
  ce_subject: string | null;
  causation_id: string | null;
  value_schema: string | null;
  replay_id: string | null;
  replay_of: string | null;
  replay_of_original: string | null;
  replay_by: string | null;
  dlq_consumer_group: string | null;
  dlq_error_class: string | null;
  dlq_error_code: string | null;
  dlq_error_message: string | null;
  dlq_original_topic: string | null;
  dlq_original_partition: number | null;
  dlq_original_offset: string | null;
  dlq_parked_behind: string | null;
}

const COLUMNS = `topic, partition, record_offset, record_time, record_key, correlation_id, ce_id, ce_type, ce_time, ce_source,
  ce_subject, causation_id, value_schema, replay_id, replay_of, replay_of_original, replay_by, dlq_consumer_group,
  dlq_error_class, dlq_error_code, dlq_error_message, dlq_original_topic, dlq_original_partition, dlq_original_offset,
  dlq_parked_behind`;

const iso = (value: Date | string | null) => (value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString());

function rowOf(row: DbRow): AuditRow {
  return {
    topic: row.topic,
    partition: row.partition,
    offset: String(row.record_offset),
    recordTime: iso(row.record_time) as string,
    key: row.record_key,
    correlationId: row.correlation_id,
    ceId: row.ce_id,
    ceType: row.ce_type,
    ceTime: iso(row.ce_time),
    ceSource: row.ce_source,
    ceSubject: row.ce_subject,
    causationId: row.causation_id,
    valueSchema: row.value_schema,
    replayId: row.replay_id,
    replayOf: row.replay_of,
    replayOfOriginal: row.replay_of_original,
    replayBy: row.replay_by,
    dlq: row.dlq_error_class
      ? {
          group: row.dlq_consumer_group,
          errorClass: row.dlq_error_class,
          errorCode: row.dlq_error_code,
          errorMessage: row.dlq_error_message,
          originalTopic: row.dlq_original_topic,
          originalPartition: row.dlq_original_partition,
          originalOffset: row.dlq_original_offset === null ? null : String(row.dlq_original_offset),
          parkedBehind: row.dlq_parked_behind,
        }
      : null,
  };
}

export function coordinatesOf(row: Pick<AuditRow, 'topic' | 'partition' | 'offset'>): string {
  return `${row.topic}:${row.partition}:${row.offset}`;
}

export class AuditIndex {
  constructor(
    private readonly db: SqlExecutor,
    private readonly namespace: string,
  ) {}

  /** Every record of one exchange: one index scan on correlation_id (migration 001_audit_index). */
  async exchange(correlationId: string): Promise<AuditRow[]> {
    const { rows } = await this.db.query<DbRow>(
      `SELECT ${COLUMNS} FROM audit.records
        WHERE correlation_id = $1 AND starts_with(topic, $2)
        ORDER BY record_time, topic, partition, record_offset`,
      [correlationId, this.namespace],
    );
    return rows.map(rowOf);
  }

  /** Other exchanges linked by cause and effect to these records (a court event and the NOTs it caused). */
  async linkedExchanges(correlationId: string, rows: readonly AuditRow[]): Promise<string[]> {
    const ids = [...new Set(rows.map((row) => row.ceId))];
    const causes = [...new Set(rows.map((row) => row.causationId).filter((id): id is string => id !== null))];
    const { rows: linked } = await this.db.query<{ correlation_id: string }>(
      `SELECT correlation_id FROM audit.records WHERE causation_id = ANY($1::text[]) AND starts_with(topic, $3) AND correlation_id <> $4
       UNION
       SELECT correlation_id FROM audit.records WHERE ce_id = ANY($2::text[]) AND starts_with(topic, $3) AND correlation_id <> $4
       ORDER BY 1`,
      [ids, causes, this.namespace, correlationId],
    );
    return linked.map((row) => row.correlation_id);
  }

  /** Dead letters, oldest first, with how often each was replayed. */
  async deadLetters(filter: DeadLetterFilter): Promise<(AuditRow & { replays: number })[]> {
    const where = ['d.dlq_error_class IS NOT NULL', 'starts_with(d.topic, $1)'];
    const params: unknown[] = [this.namespace];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.group) add('d.dlq_consumer_group = ?', filter.group);
    if (filter.errorClass) add('d.dlq_error_class = ?', filter.errorClass);
    if (filter.errorCode) add('d.dlq_error_code = ?', filter.errorCode);
    if (filter.originalTopic) add('d.dlq_original_topic = ?', filter.originalTopic);
    if (filter.since) add('d.record_time >= ?', filter.since.toISOString());
    if (filter.until) add('d.record_time < ?', filter.until.toISOString());
    if (filter.coordinates) add(`(d.topic || ':' || d.partition || ':' || d.record_offset) = ANY(?::text[])`, filter.coordinates);
    params.push(filter.limit ?? 1_000_000);
    const { rows } = await this.db.query<DbRow & { replays: string }>(
      `SELECT ${COLUMNS.split(',').map((c) => `d.${c.trim()}`).join(', ')},
              (SELECT count(*) FROM audit.records r WHERE r.replay_of = d.topic || ':' || d.partition || ':' || d.record_offset) AS replays
         FROM audit.records d
        WHERE ${where.join(' AND ')}
        ORDER BY d.record_time, d.topic, d.partition, d.record_offset
        LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({ ...rowOf(row), replays: Number(row.replays) }));
  }

  /** The dead letter of one record as first consumed (`topic:partition:offset`), by a group. */
  async deadLetterOfOriginal(group: string, original: string): Promise<AuditRow | undefined> {
    const { rows } = await this.db.query<DbRow>(
      `SELECT ${COLUMNS} FROM audit.records
        WHERE dlq_consumer_group = $1 AND dlq_error_class IS NOT NULL AND starts_with(topic, $2)
          AND (dlq_original_topic || ':' || dlq_original_partition || ':' || dlq_original_offset) = $3
        ORDER BY record_time LIMIT 1`,
      [group, this.namespace, original],
    );
    return rows[0] ? rowOf(rows[0]) : undefined;
  }

  /** Rows of one topic whose records were produced in [from, to), of one record type. */
  async recordsOfType(topic: string, valueSchema: string, from: Date, to: Date): Promise<AuditRow[]> {
    const { rows } = await this.db.query<DbRow>(
      `SELECT ${COLUMNS} FROM audit.records
        WHERE topic = $1 AND value_schema = $2 AND ce_time >= $3 AND ce_time < $4
        ORDER BY ce_time, partition, record_offset`,
      [topic, valueSchema, from.toISOString(), to.toISOString()],
    );
    return rows.map(rowOf);
  }

  /** Records of one topic caused by any of these events. */
  async causedBy(topic: string, causes: readonly string[]): Promise<AuditRow[]> {
    if (causes.length === 0) return [];
    const { rows } = await this.db.query<DbRow>(
      `SELECT ${COLUMNS} FROM audit.records WHERE causation_id = ANY($1::text[]) AND topic = $2 ORDER BY record_time, partition, record_offset`,
      [causes, topic],
    );
    return rows.map(rowOf);
  }
}

export interface DeadLetterFilter {
  /** The group id as consumed (namespace included). */
  readonly group?: string;
  readonly errorClass?: string;
  readonly errorCode?: string;
  readonly originalTopic?: string;
  readonly since?: Date;
  readonly until?: Date;
  /** Only these dead letters (`topic:partition:offset`). */
  readonly coordinates?: readonly string[];
  readonly limit?: number;
}

/**
 * Event ids a consumer group has applied, from its exactly-once inbox (libs/messaging, 001_messaging.sql),
 * when the database holds one; undefined when it does not (a group without a ledger, or another database).
 */
export async function appliedEventIds(db: SqlExecutor, group: string, eventIds: readonly string[]): Promise<Set<string> | undefined> {
  const { rows: present } = await db.query<{ found: string | null }>(`SELECT to_regclass('inbox')::text AS found`);
  if (!present[0]?.found) return undefined;
  const applied = new Set<string>();
  for (let i = 0; i < eventIds.length; i += 5000) {
    const { rows } = await db.query<{ event_id: string }>(
      'SELECT event_id FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2::text[])',
      [group, eventIds.slice(i, i + 5000)],
    );
    for (const row of rows) applied.add(row.event_id);
  }
  return applied;
}
