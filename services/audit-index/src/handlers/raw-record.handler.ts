import { Controller, Inject, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  DLQ_HEADERS,
  fingerprintHexOf,
  metaFromHeaders,
  REPLAY_HEADERS,
  type AvroCodec,
  type ConsumedRecord,
} from '@ecris/messaging';
import { KeepErrorsFilter, RAW_PATTERN, type EcrisContext } from '@ecris/messaging-nest';
import { AVRO_CODEC } from '@ecris/service-kit';
import { auditEntryOf, isDeadLetterTopic, type RecordFacts } from '../domain/audit-entry';
import { AUDIT_STORE, type AuditStore } from '../ports';

/**
 * Every record of every topic the group reads, undecoded (raw transport): its row goes into the index
 * before the handler returns, so the runner commits the offset only once the row is durable.
 */
@Controller()
@UseFilters(new KeepErrorsFilter())
export class RawRecordHandler {
  constructor(
    @Inject(AUDIT_STORE) private readonly store: AuditStore,
    @Inject(AVRO_CODEC) private readonly codec: AvroCodec,
  ) {}

  @EventPattern(RAW_PATTERN)
  async index(@Payload() _value: null, @Ctx() ctx: EcrisContext): Promise<[]> {
    await this.store.index(auditEntryOf(this.factsOf(ctx)));
    return [];
  }

  private factsOf(ctx: EcrisContext): RecordFacts {
    const record = ctx.message.record;
    const header = (name: string) => record.headers[name];
    return {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      timestamp: record.timestamp,
      key: record.key,
      valueBytes: record.value?.length ?? null,
      valueSchema: this.writerSchemaOf(record),
      meta: ctx.meta,
      hasCeHeaders: metaFromHeaders(record.headers) !== undefined,
      replay: {
        id: header(REPLAY_HEADERS.replayId),
        of: header(REPLAY_HEADERS.replayOf),
        ofOriginal: header(REPLAY_HEADERS.replayOfOriginal),
        by: header(REPLAY_HEADERS.replayedBy),
        reason: header(REPLAY_HEADERS.replayReason),
      },
      deadLetter: isDeadLetterTopic(record.topic)
        ? {
            consumerGroup: header(DLQ_HEADERS.consumerGroup),
            service: header(DLQ_HEADERS.service),
            errorClass: header(DLQ_HEADERS.errorClass),
            errorCode: header(DLQ_HEADERS.errorCode),
            errorMessage: header(DLQ_HEADERS.errorMessage),
            originalTopic: header(DLQ_HEADERS.originalTopic),
            originalPartition: header(DLQ_HEADERS.originalPartition),
            originalOffset: header(DLQ_HEADERS.originalOffset),
            parkedBehind: header(DLQ_HEADERS.parkedBehind),
            payloadSha256: header(DLQ_HEADERS.payloadSha256),
            attempts: header(DLQ_HEADERS.attempts),
            lastFailureAt: header(DLQ_HEADERS.lastFailureAt),
          }
        : {},
    };
  }

  /** The record type from the fingerprint in the value's first ten bytes: the type, without decoding the value. */
  private writerSchemaOf(record: ConsumedRecord): RecordFacts['valueSchema'] {
    const fingerprint = fingerprintHexOf(record.value);
    const writer = fingerprint ? this.codec.archive.byFingerprint(Buffer.from(fingerprint, 'hex')) : undefined;
    return writer ? { name: writer.fullName, version: writer.version } : null;
  }
}
