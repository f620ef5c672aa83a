// Ports
export type { ConsumedRecord, OutboundMessage, RawOutboundRecord, RecordHeaders, RecordSender } from './ports';

// Errors and their classification
export { classifyError, FatalError, MessagingError, PoisonError, TransientError } from './errors';
export type { Classification, Disposition, ErrorClass } from './errors';

// Avro single-object encoding and the schema archive
export { AvroCodec, SchemaViolationError } from './avro/avro-codec';
export type { DecodedValue } from './avro/avro-codec';
export { parsingCanonicalForm } from './avro/canonical-form';
export { crc64Avro, crc64AvroAsLong } from './avro/crc64';
export { SchemaArchive } from './avro/schema-archive';
export type { ArchivedSchema, SchemaSource } from './avro/schema-archive';
export { fingerprintHexOf, frameSingleObject, SINGLE_OBJECT_MARKER, unframeSingleObject } from './avro/single-object';

// CloudEvents metadata
export type { EventMeta } from './cloudevents/event-meta';
export { AVRO_CONTENT_TYPE, CE_HEADERS, headerText, metaFromHeaders, metaToHeaders } from './cloudevents/headers';
export { deterministicEventId, ECRIS_EXCHANGE_NAMESPACE, uuidV5 } from './cloudevents/deterministic-id';
export { childTraceparent, deriveMeta } from './cloudevents/derive-meta';
export type { DeriveMetaInput } from './cloudevents/derive-meta';

// Kafka adapters (the only kafkajs importers)
export { DEFAULT_LOCAL_BROKER, kafkaSettingsFromEnv } from './kafka/kafka-settings';
export type { KafkaSettings } from './kafka/kafka-settings';
export { KafkajsRecordSender } from './kafka/kafkajs-record-sender';
export { KafkaAdmin } from './kafka/kafka-admin';
export type { TopicDescription, TopicSpec } from './kafka/kafka-admin';
export { readTopic, TopicTail } from './kafka/topic-tail';
export type { ReadTopicOptions } from './kafka/topic-tail';
export { LogReader } from './kafka/log-reader';
export type { LogReadOptions, OffsetRange, PartitionOffsets } from './kafka/log-reader';
export { nextOffset } from './kafka/consumed-record';

// The consumer runner
export { ConsumerRunner } from './runner/consumer-runner';
export { encodeOutbound } from './runner/encode-outbound';
export type { ConsumerRunnerOptions } from './runner/consumer-runner';
export type { MessageContext, MessageHandler } from './runner/message-handler';
export type { RecordOutcome, RunnerObserver } from './runner/runner-observer';
export { backoffDelay, DEFAULT_BACKOFF } from './runner/backoff';
export type { BackoffPolicy } from './runner/backoff';
export { deadLetterRecord, DLQ_HEADERS, recordCoordinates, REPLAY_HEADERS } from './runner/dead-letter';
export { CompactedTopicParkedKeys } from './runner/parked-keys';
export type { ParkedKeys } from './runner/parked-keys';

// PostgreSQL: the SQL port (pg or embedded PGlite), migrations, exactly-once effects and the outbox
export * from './postgres';
export * from './idempotency';
export * from './outbox';
