import type { AvroCodec } from '../avro/avro-codec';
import { metaToHeaders } from '../cloudevents/headers';
import type { OutboundMessage, RawOutboundRecord } from '../ports';

/**
 * A message as it goes on the wire: the meta embedded in the Avro value and mirrored as CloudEvents
 * headers, so both always agree.
 */
export function encodeOutbound(codec: AvroCodec, message: OutboundMessage): RawOutboundRecord {
  const value = codec.encode(message.schema, { ...(message.value as object), meta: message.meta });
  return { topic: message.topic, key: message.key, value, headers: metaToHeaders(message.meta) };
}
