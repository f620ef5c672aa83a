/**
 * What the audit index keeps of one record: its coordinates and what its headers say, never its value
 * (reliability.md, "Audit"). Pure: the handler reads the record and the headers, this decides the row.
 * Any topic may carry anything, garbage included, so every text is made safe to store and bounded.
 */

/** The CloudEvents attributes the runner read from the headers (or made up from the coordinates). */
export interface RecordMeta {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
}

/** Header values of interest, as they came off the wire (absent when the record has no such header). */
export type HeaderBytes = Readonly<Record<string, Buffer | undefined>>;

export interface RecordFacts {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Kafka timestamp, epoch milliseconds as a decimal string. */
  readonly timestamp: string;
  readonly key: Buffer | null;
  /** Null for a tombstone. */
  readonly valueBytes: number | null;
  /** The writer schema the value's fingerprint names, when the archive knows it. */
  readonly valueSchema: { readonly name: string; readonly version: number } | null;
  readonly meta: RecordMeta;
  /** False when the record had no CloudEvents headers and `meta` was made up from its coordinates. */
  readonly hasCeHeaders: boolean;
  readonly replay: {
    readonly id?: Buffer;
    readonly of?: Buffer;
    readonly ofOriginal?: Buffer;
    readonly by?: Buffer;
    readonly reason?: Buffer;
  };
  /** Read only on a dead-letter topic (see isDeadLetterTopic). */
  readonly deadLetter: {
    readonly consumerGroup?: Buffer;
    readonly service?: Buffer;
    readonly errorClass?: Buffer;
    readonly errorCode?: Buffer;
    readonly errorMessage?: Buffer;
    readonly originalTopic?: Buffer;
    readonly originalPartition?: Buffer;
    readonly originalOffset?: Buffer;
    readonly parkedBehind?: Buffer;
    readonly payloadSha256?: Buffer;
    readonly attempts?: Buffer;
    readonly lastFailureAt?: Buffer;
  };
}

/** One row of audit.records; names follow the columns. Times are ISO instants, offsets decimal strings. */
export interface AuditEntry {
  readonly topic: string;
  readonly partition: number;
  readonly record_offset: string;
  readonly record_time: string;
  readonly record_key: string | null;
  readonly correlation_id: string;
  readonly ce_id: string;
  readonly ce_type: string | null;
  readonly ce_time: string | null;
  readonly ce_source: string | null;
  readonly ce_subject: string | null;
  readonly causation_id: string | null;
  readonly has_ce_headers: boolean;
  readonly value_schema: string | null;
  readonly value_schema_version: number | null;
  readonly value_bytes: number | null;
  readonly replay_id: string | null;
  readonly replay_of: string | null;
  readonly replay_of_original: string | null;
  readonly replay_by: string | null;
  readonly replay_reason: string | null;
  readonly dlq_consumer_group: string | null;
  readonly dlq_service: string | null;
  readonly dlq_error_class: string | null;
  readonly dlq_error_code: string | null;
  readonly dlq_error_message: string | null;
  readonly dlq_original_topic: string | null;
  readonly dlq_original_partition: number | null;
  readonly dlq_original_offset: string | null;
  readonly dlq_parked_behind: string | null;
  readonly dlq_payload_sha256: string | null;
  readonly dlq_attempts: number | null;
  readonly dlq_last_failure_at: string | null;
}

/** Ids, types and coordinates are short; an error message is bounded by the runner, but garbage is not. */
const MAX_ID = 256;
const MAX_TEXT = 1024;

/** `<group>.dlq` (derived-topics.ts), with or without a namespace before it. */
export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith('.dlq');
}

export function auditEntryOf(facts: RecordFacts): AuditEntry {
  const { meta, replay } = facts;
  const dlq = isDeadLetterTopic(facts.topic) ? facts.deadLetter : {};
  const text = (value: Buffer | string | undefined | null, max = MAX_ID) => (value == null ? null : safeText(value, max));
  return {
    topic: facts.topic,
    partition: facts.partition,
    record_offset: facts.offset,
    record_time: instantOfMillis(facts.timestamp),
    record_key: text(facts.key),
    correlation_id: safeText(meta.correlationId, MAX_ID),
    ce_id: safeText(meta.id, MAX_ID),
    ce_type: facts.hasCeHeaders ? text(meta.type) : null,
    ce_time: facts.hasCeHeaders ? instantOrNull(meta.time) : instantOfMillis(facts.timestamp),
    ce_source: facts.hasCeHeaders ? text(meta.source) : null,
    ce_subject: text(meta.subject),
    causation_id: text(meta.causationId),
    has_ce_headers: facts.hasCeHeaders,
    value_schema: facts.valueSchema?.name ?? null,
    value_schema_version: facts.valueSchema?.version ?? null,
    value_bytes: facts.valueBytes,
    replay_id: text(replay.id),
    replay_of: text(replay.of),
    replay_of_original: text(replay.ofOriginal),
    replay_by: text(replay.by),
    replay_reason: text(replay.reason, MAX_TEXT),
    dlq_consumer_group: text(dlq.consumerGroup),
    dlq_service: text(dlq.service),
    dlq_error_class: text(dlq.errorClass),
    dlq_error_code: text(dlq.errorCode),
    dlq_error_message: text(dlq.errorMessage, MAX_TEXT),
    dlq_original_topic: text(dlq.originalTopic),
    dlq_original_partition: integerOrNull(dlq.originalPartition, 2 ** 31 - 1),
    dlq_original_offset: offsetOrNull(dlq.originalOffset),
    dlq_parked_behind: text(dlq.parkedBehind),
    dlq_payload_sha256: text(dlq.payloadSha256),
    dlq_attempts: integerOrNull(dlq.attempts, 2 ** 31 - 1),
    dlq_last_failure_at: dlq.lastFailureAt ? instantOrNull(dlq.lastFailureAt.toString('utf8')) : null,
  };
}

/**
 * Text PostgreSQL will take: UTF-8 without NUL characters, at most `max` characters. Bytes that are not
 * UTF-8 are kept as `hex:` and their hex digits, so nothing is lost silently and nothing is refused.
 */
export function safeText(value: Buffer | string, max: number): string {
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(value);
    } catch {
      text = `hex:${value.subarray(0, max).toString('hex')}`;
    }
  }
  if (text.includes('\u0000')) text = `hex:${Buffer.from(text, 'utf8').subarray(0, max).toString('hex')}`;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function instantOfMillis(millis: string): string {
  const parsed = Number(millis);
  return new Date(Number.isFinite(parsed) && parsed >= 0 ? parsed : 0).toISOString();
}

/** An ISO instant PostgreSQL can store, or null for anything else (a garbage header must not fail the row). */
function instantOrNull(text: string | null): string | null {
  if (text === null) return null;
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) return null;
  const year = new Date(millis).getUTCFullYear();
  return year >= 1 && year <= 9999 ? new Date(millis).toISOString() : null;
}

function integerOrNull(value: Buffer | undefined, max: number): number | null {
  const text = value?.toString('utf8') ?? '';
  if (!/^[0-9]{1,10}$/.test(text)) return null;
  const number = Number(text);
  return number <= max ? number : null;
}

/** A Kafka offset: a non-negative 64-bit integer, kept as a decimal string. */
function offsetOrNull(value: Buffer | undefined): string | null {
  const text = value?.toString('utf8') ?? '';
  return /^[0-9]{1,19}$/.test(text) && BigInt(text) <= 2n ** 63n - 1n ? text : null;
}
