import type { RawOutboundRecord, RecordHeaders } from '../ports';
import { chunksOf, valuesList } from '../postgres/multi-row';
import type { SqlExecutor } from '../postgres/sql-database';
import type { CommittedOutboxRow } from './outbox-memory';

/** The CloudEvents id header every record carries; the outbox's unique key. */
const EVENT_ID_HEADER = 'ce_id';

/** Headers as stored in outbox.headers: name and base64 of the raw bytes, in the original order. */
export type StoredHeaders = [name: string, base64: string][];

export function encodeHeaders(headers: RecordHeaders): StoredHeaders {
  return Object.entries(headers).map(([name, value]) => [name, value.toString('base64')]);
}

export function decodeHeaders(stored: StoredHeaders): RecordHeaders {
  const headers: RecordHeaders = {};
  for (const [name, base64] of stored) headers[name] = Buffer.from(base64, 'base64');
  return headers;
}

function eventIdOf(record: RawOutboundRecord): string {
  const id = record.headers[EVENT_ID_HEADER];
  if (!id || id.length === 0) {
    // A record without an id could never be deduplicated downstream: a bug in whoever built it.
    throw new Error(`An outbox record for topic ${record.topic} has no ${EVENT_ID_HEADER} header`);
  }
  return id.toString('utf8');
}

/**
 * Writes records to the outbox inside the caller's transaction. Output ids are deterministic, so a
 * record whose ce_id is already there is the same event again and is skipped (ON CONFLICT DO NOTHING).
 * `owner` (the writing service's consumer group) picks the relay that publishes them; see 002_outbox_owner.sql.
 * Returns the rows inserted, with their ids (for OutboxMemory, once the transaction has committed).
 */
export async function insertOutboxRecords(
  tx: SqlExecutor,
  records: readonly RawOutboundRecord[],
  owner: string | null = null,
): Promise<CommittedOutboxRow[]> {
  const inserted: CommittedOutboxRow[] = [];
  for (const rows of chunksOf(records)) {
    const byEventId = new Map<string, RawOutboundRecord>();
    const params: unknown[] = [owner];
    for (const record of rows) {
      const eventId = eventIdOf(record);
      if (!byEventId.has(eventId)) byEventId.set(eventId, record);
      // The headers are stringified here: pg would otherwise send a JS array as a PostgreSQL array.
      params.push(eventId, record.topic, record.key, record.value, JSON.stringify(encodeHeaders(record.headers)));
    }
    const { rows: ids } = await tx.query<{ id: string; event_id: string }>(
      `INSERT INTO outbox (owner, event_id, topic, record_key, value, headers)
       VALUES ${valuesList(rows.length, OUTBOX_CASTS, 1)}
       ON CONFLICT (event_id) DO NOTHING
       RETURNING id::text AS id, event_id`,
      params,
    );
    for (const { id, event_id } of ids) inserted.push({ id, record: byEventId.get(event_id)! });
  }
  return inserted;
}

/** event_id, topic, record_key, value, headers (the owner is $1, shared by every row). */
const OUTBOX_CASTS = ['', '', '', '', '::jsonb'];

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  readonly id: string;
  readonly topic: string;
  readonly record_key: string;
  readonly value: Buffer | null;
  readonly headers: StoredHeaders;
}

export function recordFromRow(row: OutboxRow): RawOutboundRecord {
  return { topic: row.topic, key: row.record_key, value: row.value, headers: decodeHeaders(row.headers) };
}
