import { createHash } from 'node:crypto';
import { fingerprintHexOf } from '../avro/single-object';
import type { Classification } from '../errors';
import type { ConsumedRecord, RawOutboundRecord, RecordHeaders } from '../ports';

/** Provenance headers a dead letter adds (shared/design/reliability.md, "A dead letter"). */
export const DLQ_HEADERS = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  originalTimestamp: 'dlq-original-timestamp',
  consumerGroup: 'dlq-consumer-group',
  service: 'dlq-service',
  serviceVersion: 'dlq-service-version',
  errorClass: 'dlq-error-class',
  errorCode: 'dlq-error-code',
  errorMessage: 'dlq-error-message',
  attempts: 'dlq-attempts',
  firstFailureAt: 'dlq-first-failure-at',
  lastFailureAt: 'dlq-last-failure-at',
  writerFingerprint: 'dlq-writer-fingerprint',
  payloadSha256: 'dlq-payload-sha256',
  /** Set on a record parked behind an earlier dead letter of the same key: that record's coordinates. */
  parkedBehind: 'dlq-parked-behind',
} as const;

/** Set by the replay tool on a record it puts back on its original topic. */
export const REPLAY_HEADERS = {
  replayId: 'replay-id',
  replayOf: 'replay-of',
  /** `topic:partition:offset` of the record as first consumed, so a re-drive is recognised as one. */
  replayOfOriginal: 'replay-of-original',
  replayedBy: 'replay-by',
  replayReason: 'replay-reason',
} as const;

export interface DeadLetterFacts {
  readonly group: string;
  readonly service: string;
  readonly serviceVersion: string;
  readonly dlqTopic: string;
  readonly failure: Classification | { readonly parkedBehind: string };
  readonly attempts: number;
  readonly firstFailureAt: string;
  readonly lastFailureAt: string;
}

/** `topic:partition:offset`: how one record is named in provenance headers and parking. */
export function recordCoordinates(record: Pick<ConsumedRecord, 'topic' | 'partition' | 'offset'>): string {
  return `${record.topic}:${record.partition}:${record.offset}`;
}

/**
 * The dead letter of a record: key, value and original headers byte for byte, plus provenance.
 * Nothing of the value is interpreted here, so even undecodable bytes are kept intact.
 */
export function deadLetterRecord(record: ConsumedRecord, facts: DeadLetterFacts): RawOutboundRecord {
  const provenance: Record<string, string> = {
    [DLQ_HEADERS.originalTopic]: record.topic,
    [DLQ_HEADERS.originalPartition]: String(record.partition),
    [DLQ_HEADERS.originalOffset]: record.offset,
    [DLQ_HEADERS.originalTimestamp]: record.timestamp,
    [DLQ_HEADERS.consumerGroup]: facts.group,
    [DLQ_HEADERS.service]: facts.service,
    [DLQ_HEADERS.serviceVersion]: facts.serviceVersion,
    [DLQ_HEADERS.attempts]: String(facts.attempts),
    [DLQ_HEADERS.firstFailureAt]: facts.firstFailureAt,
    [DLQ_HEADERS.lastFailureAt]: facts.lastFailureAt,
    [DLQ_HEADERS.payloadSha256]: createHash('sha256')
      .update(record.value ?? Buffer.alloc(0))
      .digest('hex'),
  };
  if ('parkedBehind' in facts.failure) {
    // Not an error of its own: it waits for the record it is parked behind.
    provenance[DLQ_HEADERS.errorClass] = 'parked';
    provenance[DLQ_HEADERS.errorCode] = 'PARKED_BEHIND_DEAD_LETTER';
    provenance[DLQ_HEADERS.errorMessage] = `parked behind ${facts.failure.parkedBehind}`;
    provenance[DLQ_HEADERS.parkedBehind] = facts.failure.parkedBehind;
  } else {
    provenance[DLQ_HEADERS.errorClass] = facts.failure.errorClass;
    provenance[DLQ_HEADERS.errorCode] = facts.failure.code;
    provenance[DLQ_HEADERS.errorMessage] = facts.failure.message;
  }
  const fingerprint = fingerprintHexOf(record.value);
  if (fingerprint) provenance[DLQ_HEADERS.writerFingerprint] = fingerprint;

  const headers: RecordHeaders = { ...record.headers };
  for (const [name, value] of Object.entries(provenance)) headers[name] = Buffer.from(value);
  return {
    topic: facts.dlqTopic,
    key: record.key,
    value: record.value,
    headers,
  };
}
