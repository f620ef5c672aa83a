import { SchemaNames } from '@ecris/contracts';
import { metaToHeaders, type AvroCodec, type RawOutboundRecord } from '@ecris/messaging';
// bench is not a service, so it may use a service's test input by path (only services may not import each other);
// Nx's boundary rule knows no such exception for an untagged project, hence the one-line disable.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { spanishNotification } from '../../../services/notification-in/src/testing/spanish-notification';

/**
 * A NOT from Spain about a UK national, as the gateway puts it on ecris.inbound.v1 (keyed by its ECRIS
 * message id): notification-in's own test input, with ids of its own for every `serial`.
 */
export function inboundNotification(codec: AvroCodec, topic: string, serial: bigint): RawOutboundRecord {
  const value = spanishNotification(serial);
  return { topic, key: value.header.messageId, value: codec.encode(SchemaNames.notification, value), headers: metaToHeaders(value.meta) };
}
