import { AvroCodec, KafkajsRecordSender, metaToHeaders, SchemaArchive, type EventMeta, type RawOutboundRecord } from '@ecris/messaging';
import { REPO_SCHEMAS_DIR } from './fixtures';
import { testKafkaSettings } from './names-and-settings';

let codec: AvroCodec | undefined;

/** A codec over every schema version in the repository, as the services have. */
export function testCodec(): AvroCodec {
  codec ??= new AvroCodec(SchemaArchive.load([REPO_SCHEMAS_DIR]));
  return codec;
}

/** A record as its producer would publish it: Avro-encoded, CloudEvents headers from its meta. */
export interface TestRecord {
  /** Canonical registry name; a namespace is put in front when it is published. */
  readonly topic: string;
  readonly key: string;
  /** Avro full name (`SchemaNames.*`). */
  readonly schema: string;
  readonly value: { readonly meta: EventMeta };
}

/** Bytes as they are (garbage for a DLQ test, or an encoded record to compare), to a canonical topic. */
export type RawTestRecord = Omit<RawOutboundRecord, 'headers'> & { readonly headers?: RawOutboundRecord['headers'] };

export function encodeTestRecord(record: TestRecord): RawTestRecord {
  return {
    topic: record.topic,
    key: record.key,
    value: testCodec().encode(record.schema, record.value),
    headers: metaToHeaders(record.value.meta),
  };
}

/** What a sender takes: each record encoded (if it is a TestRecord) and its topic put in `namespace`. */
export function inNamespace(namespace: string, records: readonly (TestRecord | RawTestRecord)[]): RawOutboundRecord[] {
  return records
    .map((record) => ('schema' in record ? encodeTestRecord(record) : record))
    .map((record) => ({ ...record, topic: `${namespace}${record.topic}`, headers: record.headers ?? {} }));
}

/** Publishes records to a namespace with a producer of its own, for tests that run no TestService. */
export async function publishTestRecords(namespace: string, records: readonly (TestRecord | RawTestRecord)[]): Promise<void> {
  const sender = await KafkajsRecordSender.connect(testKafkaSettings());
  try {
    await sender.send(inNamespace(namespace, records));
  } finally {
    await sender.disconnect();
  }
}
