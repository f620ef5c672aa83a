import type { RecordHeaders } from '../ports';
import type { EventMeta } from './event-meta';

/** CloudEvents Kafka protocol binding, binary mode: attributes as `ce_`-prefixed headers. */
export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
  traceparent: 'traceparent',
  contentType: 'content-type',
} as const;

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const AVRO_CONTENT_TYPE = 'application/avro';

export function metaToHeaders(meta: EventMeta): RecordHeaders {
  const headers: RecordHeaders = {
    [CE_HEADERS.specversion]: Buffer.from(CLOUDEVENTS_SPEC_VERSION),
    [CE_HEADERS.id]: Buffer.from(meta.id),
    [CE_HEADERS.source]: Buffer.from(meta.source),
    [CE_HEADERS.type]: Buffer.from(meta.type),
    [CE_HEADERS.time]: Buffer.from(meta.time),
    [CE_HEADERS.correlationId]: Buffer.from(meta.correlationId),
    [CE_HEADERS.contentType]: Buffer.from(AVRO_CONTENT_TYPE),
  };
  if (meta.subject !== null) headers[CE_HEADERS.subject] = Buffer.from(meta.subject);
  if (meta.causationId !== null) headers[CE_HEADERS.causationId] = Buffer.from(meta.causationId);
  if (meta.traceparent !== null) headers[CE_HEADERS.traceparent] = Buffer.from(meta.traceparent);
  return headers;
}

/** The meta carried in headers, or undefined when a required attribute is missing. */
export function metaFromHeaders(headers: RecordHeaders): EventMeta | undefined {
  const text = (name: string): string | null => headers[name]?.toString('utf8') ?? null;
  const id = text(CE_HEADERS.id);
  const source = text(CE_HEADERS.source);
  const type = text(CE_HEADERS.type);
  const time = text(CE_HEADERS.time);
  const correlationId = text(CE_HEADERS.correlationId);
  if (!id || !source || !type || !time || !correlationId) return undefined;
  return {
    id,
    source,
    type,
    time,
    subject: text(CE_HEADERS.subject),
    correlationId,
    causationId: text(CE_HEADERS.causationId),
    traceparent: text(CE_HEADERS.traceparent),
  };
}

/** Header values as text, for logs and tools (headers are bytes on the wire). */
export function headerText(headers: RecordHeaders, name: string): string | undefined {
  return headers[name]?.toString('utf8');
}
